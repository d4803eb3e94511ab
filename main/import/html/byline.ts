/** Longer than this, a "name" is a sentence the byline heuristics picked up, not an author. */
const MAX_NAME_LENGTH = 80;

/**
 * The authors named in a byline such as "By Jane Roe and Sam Poe" or
 * "Jane Roe, Sam Poe": one entry per person, without the "By".
 */
export function splitByline(byline: string | null | undefined): string[] {
  if (byline === null || byline === undefined) return [];
  const cleaned = byline
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:by|written by|words by|بقلم|كتبه|كتب)\s*[:：]?\s*/i, '');
  const authors: string[] = [];
  for (const part of cleaned.split(/\s+and\s+|\s*[,،;&]\s*|\s+\|\s+/i)) {
    const name = part.trim().replace(/^(?:by|and)\s+/i, '');
    // A profile URL or an e-mail address is not a name to show.
    if (name === '' || name.length > MAX_NAME_LENGTH || /^[a-z][a-z0-9+.-]*:\/\//i.test(name) || name.includes('@')) continue;
    if (!authors.includes(name)) authors.push(name);
  }
  return authors;
}
