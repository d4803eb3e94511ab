/**
 * The YAML-style block some Markdown files open with:
 *
 *     ---
 *     title: "Militia politics after the vote"
 *     author: Jane Roe and Sam Poe      (or `authors:` with `- name` lines)
 *     date: 2024-03-05
 *     ---
 *
 * Only flat `key: value` lines and simple lists are understood; that is all
 * the three keys need, and a full YAML parser would turn an untrusted file's
 * anchors and tags into work. A block with anything else in it is not front
 * matter (a Markdown file may well open with a `---` rule), so the file is
 * left as it is.
 */

export interface FrontMatter {
  title?: string;
  /** Each `author`/`authors` value, as written: one string may still name several people. */
  authors: string[];
  date?: string;
}

export interface SplitMarkdown {
  frontMatter: FrontMatter;
  /** The Markdown after the front matter (all of it when there is none). */
  body: string;
}

/** Front matter is short; a file whose closing line is further away than this has none. */
const MAX_FRONT_MATTER_LINES = 200;

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/;
const LIST_ITEM = /^[ \t]+-[ \t]+(.*)$|^-[ \t]+(.*)$/;

/** Index of the quote that closes the quoted string opening `value`, or -1. */
function closingQuote(value: string): number {
  const quote = value[0];
  for (let index = 1; index < value.length; index += 1) {
    const char = value[index];
    // Double quotes escape with a backslash, single quotes by doubling.
    if (quote === '"' && char === '\\') index += 1;
    else if (quote === "'" && char === "'" && value[index + 1] === "'") index += 1;
    else if (char === quote) return index;
  }
  return -1;
}

function unquote(raw: string): string {
  const value = raw.trim();
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const close = closingQuote(value);
    // Only a comment may follow the closing quote; anything else means it was not a quoted value.
    if (close !== -1 && /^\s*(?:#.*)?$/.test(value.slice(close + 1))) {
      const quoted = value.slice(0, close + 1);
      if (quote === "'") return quoted.slice(1, -1).replace(/''/g, "'");
      try {
        const parsed: unknown = JSON.parse(quoted);
        if (typeof parsed === 'string') return parsed;
      } catch {
        // Not valid JSON escapes: take the text between the quotes.
      }
      return quoted.slice(1, -1);
    }
  }
  // A trailing " # comment" is YAML's, not part of the value.
  return value.replace(/\s+#.*$/, '');
}

function inlineList(value: string): string[] | undefined {
  const trimmed = value.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return undefined;
  return trimmed
    .slice(1, -1)
    .split(',')
    .map(unquote)
    .filter((item) => item !== '');
}

function parseBlock(lines: readonly string[]): Map<string, string[]> | undefined {
  const values = new Map<string, string[]>();
  let listKey: string | undefined;
  for (const line of lines) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const item = LIST_ITEM.exec(line);
    if (item !== null && listKey !== undefined) {
      const value = unquote(item[1] ?? item[2] ?? '');
      if (value !== '') values.get(listKey)?.push(value);
      continue;
    }
    const pair = KEY_LINE.exec(line);
    if (pair === null) {
      // Indented continuation of a value we do not read (a nested map, a folded string) is still YAML.
      if (/^[ \t]/.test(line)) continue;
      return undefined;
    }
    const key = (pair[1] ?? '').toLowerCase();
    const raw = pair[2]?.trim() ?? '';
    const list = inlineList(raw);
    listKey = raw === '' ? key : undefined;
    values.set(key, list ?? (raw === '' ? [] : [unquote(raw)]));
  }
  return values;
}

export function splitFrontMatter(source: string): SplitMarkdown {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const none: SplitMarkdown = { frontMatter: { authors: [] }, body: text };
  const lines = text.split(/\r?\n/, MAX_FRONT_MATTER_LINES + 2);
  if (lines[0]?.trimEnd() !== '---') return none;
  const close = lines.findIndex((line, index) => index > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
  if (close === -1) return none;
  const values = parseBlock(lines.slice(1, close));
  if (values === undefined || values.size === 0) return none;

  // The body starts after the closing line; count characters to find it, line endings included.
  let offset = 0;
  for (let index = 0; index <= close; index += 1) {
    offset += (lines[index] ?? '').length;
    offset += text.startsWith('\r\n', offset) ? 2 : text.startsWith('\n', offset) ? 1 : 0;
  }
  const frontMatter: FrontMatter = { authors: [...(values.get('author') ?? []), ...(values.get('authors') ?? [])] };
  const title = values.get('title')?.[0]?.trim();
  const date = values.get('date')?.[0]?.trim();
  if (title !== undefined && title !== '') frontMatter.title = title;
  if (date !== undefined && date !== '') frontMatter.date = date;
  return { frontMatter, body: text.slice(offset) };
}
