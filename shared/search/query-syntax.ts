import { words } from './words';

/**
 * What a user typed in the search box, taken apart. Nothing here throws:
 * whatever the text, it becomes words, phrases, exclusions and filters, and
 * characters with no meaning here (`: ~ ^ + * ( )`…) only separate words.
 *
 * Syntax: plain words (all must match; the last one also matches as a prefix
 * while typing), "quoted phrases", -word and -"phrase" to exclude, and
 * field:value filters (title: author: tag: actor: event: kind: lang:, and
 * date:FROM..TO, after:DATE, before:DATE on published dates). A value with
 * spaces is quoted: actor:"Esmail Qaani".
 */

export const SEARCH_KINDS = ['document', 'highlight', 'note', 'actor', 'event'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
/** Fields a word can be limited to; the others are filters on the hit's record. */
export type TextField = 'title' | 'author';

export interface QueryWord {
  text: string;
  /** Also match index terms that start with it (the word being typed). */
  prefix: boolean;
  field?: TextField;
}

export interface QueryPhrase {
  /** The phrase's words, in order. */
  words: string[];
  field?: TextField;
}

export interface QueryFilters {
  kinds: string[];
  tags: string[];
  actors: string[];
  events: string[];
  languages: string[];
  /** Inclusive bounds, as YYYY, YYYY-MM or YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export interface ParsedQuery {
  words: QueryWord[];
  phrases: QueryPhrase[];
  excludedWords: string[];
  excludedPhrases: string[][];
  filters: QueryFilters;
  /** What was ignored, and why, for the user. */
  notices: string[];
}

/** Longer input is cut here: no one types more, and a pasted page must not cost a long query. */
export const MAX_QUERY_LENGTH = 1000;
export const MAX_QUERY_WORDS = 32;

const LUNR_SUFFIX = /[~^][\d.]*$/u;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const FILTERS = new Set(['title', 'author', 'tag', 'actor', 'event', 'kind', 'lang', 'date', 'after', 'before']);

interface Piece {
  text: string;
  quoted: boolean;
  excluded: boolean;
  field?: string;
  /** The input ended inside or right after this piece (no space typed after it yet). */
  atEnd: boolean;
}

/** Split into pieces: optional "-", optional "field:", then a "quoted run" or a run without spaces. */
function pieces(input: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/u.test(input[i] as string)) i++;
    if (i >= n) break;
    let excluded = false;
    if (input[i] === '-' && i + 1 < n && !/\s/u.test(input[i + 1] as string)) {
      excluded = true;
      i++;
    }
    let field: string | undefined;
    const fieldMatch = /^([A-Za-z]+):(?=\S)/.exec(input.slice(i, i + 12));
    if (fieldMatch && FILTERS.has((fieldMatch[1] as string).toLowerCase())) {
      field = (fieldMatch[1] as string).toLowerCase();
      i += fieldMatch[0].length;
    }
    if (input[i] === '"' || input[i] === '“' || input[i] === '”') {
      const close = input.slice(i + 1).search(/["“”]/u);
      const end = close === -1 ? n : i + 1 + close;
      out.push({ text: input.slice(i + 1, end), quoted: true, excluded, atEnd: end >= n - 1 && close === -1, ...(field ? { field } : {}) });
      i = end + 1;
    } else {
      let end = i;
      while (end < n && !/\s/u.test(input[end] as string)) end++;
      // lunr's own operators, typed from habit, carry no meaning here: "word~2" and "word^10" are "word".
      const text = input.slice(i, end).replace(LUNR_SUFFIX, '');
      out.push({ text, quoted: false, excluded, atEnd: end >= n, ...(field ? { field } : {}) });
      i = end;
    }
  }
  return out;
}

function dateRange(value: string): { from?: string; to?: string } | undefined {
  const [from = '', to = from, ...rest] = value.split('..');
  if (rest.length > 0) return undefined;
  const ok = (date: string) => date === '' || PARTIAL_DATE.test(date);
  if (!ok(from) || !ok(to) || (from === '' && to === '')) return undefined;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export function parseQuery(raw: string): ParsedQuery {
  const notices: string[] = [];
  let input = raw;
  if (input.length > MAX_QUERY_LENGTH) {
    input = input.slice(0, MAX_QUERY_LENGTH);
    notices.push(`Only the first ${MAX_QUERY_LENGTH} characters were searched.`);
  }
  const query: ParsedQuery = { words: [], phrases: [], excludedWords: [], excludedPhrases: [], filters: { kinds: [], tags: [], actors: [], events: [], languages: [] }, notices };
  const { filters } = query;
  for (const piece of pieces(input)) {
    const field = piece.field;
    const value = piece.text.trim();
    if (field === 'tag' || field === 'actor' || field === 'event' || field === 'kind' || field === 'lang') {
      if (value === '') continue;
      const list = { tag: filters.tags, actor: filters.actors, event: filters.events, kind: filters.kinds, lang: filters.languages }[field];
      list.push(value);
      continue;
    }
    if (field === 'date' || field === 'after' || field === 'before') {
      const range = field === 'date' ? dateRange(value) : PARTIAL_DATE.test(value) ? (field === 'after' ? { from: value } : { to: value }) : undefined;
      if (!range) notices.push(`“${field}:${value}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (date:2019..2020-06).`);
      else Object.assign(filters, range);
      continue;
    }
    const textField = field === 'title' || field === 'author' ? field : undefined;
    const found = words(piece.text).map((word) => word.text);
    if (found.length === 0) continue;
    if (piece.quoted && found.length > 1) {
      if (piece.excluded) query.excludedPhrases.push(found);
      else query.phrases.push({ words: found, ...(textField ? { field: textField } : {}) });
      continue;
    }
    for (const [index, text] of found.entries()) {
      if (piece.excluded) query.excludedWords.push(text);
      // Only the word still being typed is a prefix: the last of the input, not quoted.
      else query.words.push({ text, prefix: piece.atEnd && !piece.quoted && index === found.length - 1, ...(textField ? { field: textField } : {}) });
    }
  }
  const total = query.words.length + query.phrases.reduce((sum, phrase) => sum + phrase.words.length, 0);
  if (total > MAX_QUERY_WORDS) {
    notices.push(`Only the first ${MAX_QUERY_WORDS} words were searched.`);
    query.words = query.words.slice(0, Math.max(0, MAX_QUERY_WORDS - (total - query.words.length)));
  }
  return query;
}
