/**
 * Text copied from a web page (a "web capture") carries the page's links as
 * Markdown-like brackets: `[Name \(/path\)](/path)`, `[Title](#)`, and bare
 * `(/path)` lines where a link had no text. The canonical text keeps the
 * words people read and drops the addresses.
 */

// [text](target): text may contain escaped parentheses, target has no spaces.
const markdownLink = /\[((?:\\.|[^\]\\])*)\]\(([^()\s]*)\)/g;
// An address in escaped parentheses inside link text: " \(/experts/name\)".
const escapedAddress = /\s*\\\((?:[a-z]+:\/\/|\/|#|\.\.?\/)[^\s\\]*\\\)/gi;
// A line that is nothing but an address in parentheses (with or without escapes or brackets).
const addressOnlyLine = /^\s*\[?\s*\\?\(\s*(?:[a-z]+:\/\/|\/|#)[^\s)]*\s*\\?\)\s*\]?(?:\(#?\))?\s*$/i;

export function stripCaptureLinks(line: string): string {
  if (addressOnlyLine.test(line)) return '';
  return line
    .replace(markdownLink, (_match, text: string) => text.replace(escapedAddress, '').replace(/\\([()[\]])/g, '$1').trim())
    .replace(escapedAddress, '');
}
