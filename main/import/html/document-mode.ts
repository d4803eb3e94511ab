import { commentEnd } from './html-tokens';

/** Public identifiers that put a page in quirks mode (the HTML standard's list, by prefix). */
const QUIRKY_PUBLIC_ID_PREFIXES = [
  '+//silmaril//dtd html pro v0r11 19970101//', '-//as//dtd html 3.0 aswedit + extensions//', '-//advasoft ltd//dtd html 3.0 aswedit + extensions//',
  '-//ietf//dtd html 2.0 level 1//', '-//ietf//dtd html 2.0 level 2//', '-//ietf//dtd html 2.0 strict level 1//', '-//ietf//dtd html 2.0 strict level 2//',
  '-//ietf//dtd html 2.0 strict//', '-//ietf//dtd html 2.0//', '-//ietf//dtd html 2.1e//', '-//ietf//dtd html 3.0//', '-//ietf//dtd html 3.2 final//',
  '-//ietf//dtd html 3.2//', '-//ietf//dtd html 3//', '-//ietf//dtd html level 0//', '-//ietf//dtd html level 1//', '-//ietf//dtd html level 2//',
  '-//ietf//dtd html level 3//', '-//ietf//dtd html strict level 0//', '-//ietf//dtd html strict level 1//', '-//ietf//dtd html strict level 2//',
  '-//ietf//dtd html strict level 3//', '-//ietf//dtd html strict//', '-//ietf//dtd html//', '-//metrius//dtd metrius presentational//',
  '-//microsoft//dtd internet explorer 2.0 html strict//', '-//microsoft//dtd internet explorer 2.0 html//', '-//microsoft//dtd internet explorer 2.0 tables//',
  '-//microsoft//dtd internet explorer 3.0 html strict//', '-//microsoft//dtd internet explorer 3.0 html//', '-//microsoft//dtd internet explorer 3.0 tables//',
  '-//netscape comm. corp.//dtd html//', '-//netscape comm. corp.//dtd strict html//', "-//o'reilly and associates//dtd html 2.0//",
  "-//o'reilly and associates//dtd html extended 1.0//", "-//o'reilly and associates//dtd html extended relaxed 1.0//",
  '-//sq//dtd html 2.0 hotmetal + extensions//', '-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//',
  '-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//', '-//spyglass//dtd html 2.0 extended//',
  '-//sun microsystems corp.//dtd hotjava html//', '-//sun microsystems corp.//dtd hotjava strict html//', '-//w3c//dtd html 3 1995-03-24//',
  '-//w3c//dtd html 3.2 draft//', '-//w3c//dtd html 3.2 final//', '-//w3c//dtd html 3.2//', '-//w3c//dtd html 3.2s draft//', '-//w3c//dtd html 4.0 frameset//',
  '-//w3c//dtd html 4.0 transitional//', '-//w3c//dtd html experimental 19960712//', '-//w3c//dtd html experimental 970421//', '-//w3c//dtd w3 html//',
  '-//w3o//dtd w3 html 3.0//', '-//webtechs//dtd mozilla html 2.0//', '-//webtechs//dtd mozilla html//',
];

/**
 * Whether the page parses in quirks mode, decided by its doctype as a
 * browser decides it: none, a name other than "html", or one of the old
 * public identifiers. (Only the table-in-paragraph rule depends on it here.)
 */
export function isQuirksMode(html: string): boolean {
  // Comments and whitespace may come before the doctype.
  let index = 0;
  for (;;) {
    while (index < html.length && /[\s\ufeff]/.test(html[index] ?? '')) index += 1;
    if (!html.startsWith('<!--', index)) break;
    index = commentEnd(html, index);
  }
  // The name may follow "<!DOCTYPE" without a space ("<!DOCTYPEhtml>" is still html).
  const doctype = /^<!doctype\s*([^\s>]*)([^>]*)>/i.exec(html.slice(index, index + 1024));
  if (doctype === null) return true;
  const name = (doctype[1] ?? '').toLowerCase();
  if (name !== 'html') return true;
  const rest = doctype[2] ?? '';
  const publicMatch = /public\s*(["'])(.*?)\1(?:\s*(["'])(.*?)\3)?/i.exec(rest);
  if (/system\s*(["'])http:\/\/www\.ibm\.com\/data\/dtd\/v11\/ibmxhtml1-transitional\.dtd\1/i.test(rest)) return true;
  if (publicMatch === null) return false;
  const publicId = (publicMatch[2] ?? '').toLowerCase();
  const hasSystemId = publicMatch[4] !== undefined;
  if (['-//w3o//dtd w3 html strict 3.0//en//', '-/w3c/dtd html 4.0 transitional/en', 'html'].includes(publicId)) return true;
  if (QUIRKY_PUBLIC_ID_PREFIXES.some((prefix) => publicId.startsWith(prefix))) return true;
  return !hasSystemId && (publicId.startsWith('-//w3c//dtd html 4.01 frameset//') || publicId.startsWith('-//w3c//dtd html 4.01 transitional//'));
}
