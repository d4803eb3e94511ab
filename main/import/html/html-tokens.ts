/**
 * The few pieces of the HTML tokenizer the nesting scan needs: where a tag,
 * a comment and a raw-text element end, read the way a browser reads them,
 * so markup hidden in attribute values, comments or scripts is not counted
 * and markup outside them is not missed.
 */

export const isAsciiAlpha = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
export const isTagSpace = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';

/**
 * Reads a start or end tag at `start` (just after "<" or "</"), returning the
 * name, whether it ended with "/>", and where scanning resumes. Attribute
 * values are skipped as the tokenizer skips them: a quote starts a value only
 * after "=", so `<div a"b>` ends at its ">".
 */
export function readTag(html: string, start: number): { name: string; selfClosing: boolean; end: number } {
  let index = start;
  while (index < html.length && !isTagSpace(html[index]) && html[index] !== '/' && html[index] !== '>') index += 1;
  const name = html.slice(start, index).toLowerCase();
  let selfClosing = false;
  while (index < html.length) {
    const char = html[index];
    if (char === '>') return { name, selfClosing, end: index + 1 };
    if (isTagSpace(char)) {
      index += 1;
      continue;
    }
    if (char === '/') {
      selfClosing = html[index + 1] === '>';
      index += 1;
      continue;
    }
    selfClosing = false;
    // Attribute name: the first character may be "=", then up to space, "/", ">" or "=".
    index += 1;
    while (index < html.length && !isTagSpace(html[index]) && html[index] !== '/' && html[index] !== '>' && html[index] !== '=') index += 1;
    while (isTagSpace(html[index])) index += 1;
    if (html[index] !== '=') continue;
    index += 1;
    while (isTagSpace(html[index])) index += 1;
    const quote = html[index];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, index + 1);
      if (close === -1) return { name, selfClosing: false, end: html.length };
      index = close + 1;
    } else {
      while (index < html.length && !isTagSpace(html[index]) && html[index] !== '>') index += 1;
    }
  }
  return { name, selfClosing, end: html.length };
}

/** Index just after the end tag that closes raw text `name`, or the end of the input. */
export function skipRawText(html: string, from: number, name: string): number {
  const endTag = new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, 'gi');
  endTag.lastIndex = from;
  const match = endTag.exec(html);
  if (match === null) return html.length;
  const close = html.indexOf('>', match.index);
  return close === -1 ? html.length : close + 1;
}

/** Where a comment starting at `open` ("<!--") ends, as the tokenizer ends it. */
export function commentEnd(html: string, open: number): number {
  // "<!-->" and "<!--->" are whole (empty) comments.
  if (html.startsWith('<!-->', open)) return open + 5;
  if (html.startsWith('<!--->', open)) return open + 6;
  const close = html.indexOf('-->', open + 4);
  const bang = html.indexOf('--!>', open + 4);
  if (close === -1 && bang === -1) return html.length;
  if (close === -1) return bang + 4;
  if (bang === -1) return close + 3;
  return Math.min(close + 3, bang + 4);
}
