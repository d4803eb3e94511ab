import type { z } from 'zod';
import { plainLinks } from '../../shared/notes/backlinks';
import { parseQuery } from '../../shared/search/query-syntax';
import type { SearchArgs, SearchGroup, SearchHit, SearchResult } from '../../shared/search/results';
import type { RecordService } from '../notebook/records/record-service';
import type { TextCache } from '../notebook/records/text-cache';
import { acceptor, combineFilters, needsRecords } from './filters';
import { excludedTerms, termGroups } from './query-plan';
import { type EntryMeta, type ResultGroup, resultGroup } from './entry-meta';
import type { Hits, RawHit } from './hits';
import type { SegmentedIndex } from './segmented-index';
import { containsPhrase, findMarks, makeSnippet } from './snippets';

/** Phrases are checked against the text hit by hit; past this many the remaining candidates are not counted. */
const MAX_VERIFIED = 2000;

/** A hit's searchable text, as the snippet shows it, and the range of it that the hit covers. */
interface HitText {
  text: string;
  start: number;
  end: number;
  /** For highlights, the comment too (a match may be there). */
  extra?: string;
}

/**
 * Answers queries: parses the text, plans the lunr queries, applies filters,
 * checks phrases against the text, groups hits by document (or note, actor,
 * event) and makes the snippets.
 */
export class SearchService {
  readonly #index: SegmentedIndex;
  readonly #records: RecordService;
  readonly #texts: TextCache;
  readonly #ready: Promise<void>;

  constructor(index: SegmentedIndex, records: RecordService, texts: TextCache, ready: Promise<void>) {
    this.#index = index;
    this.#records = records;
    this.#texts = texts;
    this.#ready = ready;
  }

  async search(args: z.output<typeof SearchArgs>): Promise<SearchResult> {
    const started = performance.now();
    await this.#ready;
    const parsed = parseQuery(args.query);
    const notices = [...parsed.notices];
    const filters = combineFilters(parsed.filters, args.filters, notices);
    const groups = termGroups(parsed);
    const empty = (): SearchResult => ({ groups: [], total: 0, notices, tookMs: performance.now() - started });
    if (groups.length === 0) {
      if (args.query.trim() !== '' && parsed.words.length + parsed.phrases.length > 0) notices.push('Only very common words were typed: add a word that says more.');
      return empty();
    }
    const records = needsRecords(filters)
      ? {
          documents: await this.#records.list('documents'),
          highlights: await this.#records.list('highlights'),
          tags: await this.#records.list('tags'),
          actors: await this.#records.list('actors'),
          events: await this.#records.list('events'),
        }
      : undefined;
    const accept = acceptor(filters, records, notices);
    const hits = this.#index.search({ groups, excluded: excludedTerms(parsed), accept });
    if (hits.length === 0) return empty();

    const phrases = parsed.phrases.map((phrase) => phrase.words);
    const grouped = phrases.length > 0 || parsed.excludedPhrases.length > 0 ? await this.#verified(hits, phrases, parsed.excludedPhrases, args.limit) : bestGroups(hits, args.limit);

    // The groups shown are made together: each reads its document's text, and those reads overlap.
    const shown = await Promise.all(
      grouped.shown.map(async (members): Promise<SearchGroup | undefined> => {
        const first = members[0] as number;
        const group = resultGroup(hits.meta(first));
        const heading = await this.#heading(group);
        if (!heading) return undefined;
        // A word of the title ranks the document (every passage's entry carries it), but only passages that hold the words are its hits.
        const inText = members.filter((i) => hits.meta(i).kind !== 'passage' || hits.holdsEveryWord(i));
        const listed = inText.length > 0 ? inText : members.slice(0, 1);
        const made = await Promise.all(listed.slice(0, args.hitsPerGroup).map((i) => this.#hit(hits.hit(i), phrases)));
        return { ...group, ...heading, score: hits.score(first), hits: made.filter((hit) => hit !== undefined), hitCount: listed.length };
      }),
    );
    return { groups: shown.filter((group) => group !== undefined), total: grouped.total, notices, tookMs: performance.now() - started };
  }

  /** Hits in ranking order, grouped, keeping those that hold the phrases and none of the excluded ones. */
  async #verified(hits: Hits, phrases: string[][], excludedPhrases: string[][], limit: number): Promise<Grouped> {
    const grouped = new Map<number, number[]>();
    let examined = 0;
    for (const i of hits.ranked()) {
      const meta = hits.meta(i);
      const key = hits.group(i);
      // Once enough groups are full, further phrase checks could only add to groups not shown.
      if (grouped.size >= limit && !grouped.has(key)) continue;
      if (++examined > MAX_VERIFIED) break;
      const text = await this.#hitText(meta);
      const whole = text ? `${text.text.slice(text.start, text.end)}\n${text.extra ?? ''}` : '';
      if (!phrases.every((phrase) => containsPhrase(whole, phrase))) continue;
      if (excludedPhrases.some((phrase) => containsPhrase(whole, phrase))) continue;
      const members = grouped.get(key);
      if (members) members.push(i);
      else grouped.set(key, [i]);
    }
    return { total: grouped.size, shown: [...grouped.values()].slice(0, limit) };
  }

  async #hit(raw: RawHit, phrases: string[][]): Promise<SearchHit | undefined> {
    const { meta } = raw;
    const text = await this.#hitText(meta);
    if (!text) return undefined;
    let source = text.text;
    let start = text.start;
    let end = text.end;
    // Only words found in the text are marked in it: a title's "al-Kadhimi" does not mark every "Al" of the passage.
    let marked = findMarks(source, start, end, meta.language, new Set(raw.textTerms), phrases);
    // A highlight found by its comment shows the comment; a passage found only by its document's title, the title.
    if (marked.marks.length === 0 && text.extra) {
      const inComment = findMarks(text.extra, 0, text.extra.length, meta.language, new Set(raw.terms), phrases);
      if (inComment.marks.length > 0) {
        source = text.extra;
        start = 0;
        end = text.extra.length;
        marked = inComment;
      }
    }
    const inDocument = (meta.kind === 'passage' || meta.kind === 'highlight') && source === text.text;
    const firstMark = marked.marks[0];
    return {
      kind: meta.kind,
      id: meta.id,
      score: raw.score,
      snippet: makeSnippet(source, start, end, marked.marks),
      ...(meta.start !== undefined && meta.end !== undefined ? { range: { start: meta.start, end: meta.end } } : {}),
      ...(meta.page === undefined ? {} : { page: meta.page }),
      ...(inDocument && firstMark ? { match: firstMark } : {}),
      terms: marked.terms,
    };
  }

  /** The text a hit shows: for passages, the document's text with the passage's range. */
  async #hitText(meta: EntryMeta): Promise<HitText | undefined> {
    const store = this.#records.store;
    switch (meta.kind) {
      case 'passage':
      case 'document': {
        const document = await store.collection('documents').get(meta.id);
        if (!document) return undefined;
        if (meta.kind === 'document' || meta.start === undefined || meta.end === undefined) return whole(document.title);
        const text = await this.#texts.get(document.text.sha256).catch(() => undefined);
        if (text === undefined) return undefined;
        // A passage whose title matched but not its text still shows the title.
        return { text, start: meta.start, end: meta.end, extra: [document.title, ...document.authors].join('\n') };
      }
      case 'highlight': {
        const highlight = await store.collection('highlights').get(meta.id);
        return highlight ? { ...whole(highlight.target.quote.exact), extra: highlight.comment } : undefined;
      }
      case 'note': {
        const note = await store.collection('notes').get(meta.id);
        // Shown as it reads: links by their labels, not as [[kind:id|…]] code.
        return note ? { ...whole(plainLinks(note.body)), extra: note.title } : undefined;
      }
      case 'actor': {
        const actor = await store.collection('actors').get(meta.id);
        return actor ? { ...whole([actor.name, ...actor.aliases].join(' · ')), extra: actor.description } : undefined;
      }
      case 'event': {
        const event = await store.collection('events').get(meta.id);
        return event ? { ...whole(event.title), extra: [event.location, event.type, event.notes].filter(Boolean).join(' · ') } : undefined;
      }
    }
  }

  async #heading(group: ResultGroup): Promise<{ title: string; subtitle?: string } | undefined> {
    const store = this.#records.store;
    const withSubtitle = (title: string, parts: (string | undefined)[]) => {
      const subtitle = parts.filter(Boolean).join(' · ');
      return subtitle ? { title, subtitle } : { title };
    };
    switch (group.kind) {
      case 'document': {
        const document = await store.collection('documents').get(group.id);
        return document && !document.deletedAt ? withSubtitle(document.title, [document.authors.join(', '), document.publishedAt]) : undefined;
      }
      case 'note': {
        const note = await store.collection('notes').get(group.id);
        return note ? { title: note.title || 'Untitled note' } : undefined;
      }
      case 'actor': {
        const actor = await store.collection('actors').get(group.id);
        return actor ? withSubtitle(actor.name, [actor.kind, ...actor.aliases]) : undefined;
      }
      case 'event': {
        const event = await store.collection('events').get(group.id);
        return event ? withSubtitle(event.title, [event.date.start, event.location]) : undefined;
      }
    }
  }
}

function whole(text: string): HitText {
  return { text, start: 0, end: text.length };
}

/** Groups of hits: how many there are, and the members of the first `limit`, best first, each in ranking order. */
interface Grouped {
  total: number;
  shown: number[][];
}

/**
 * The best `limit` groups, from hits in no order: a common word hits tens of
 * thousands of passages, so they are grouped in one pass, by number, and
 * only the members of the groups shown are sorted.
 */
function bestGroups(hits: Hits, limit: number): Grouped {
  const best = new Int32Array(hits.groupCount).fill(-1);
  const seen: number[] = [];
  for (let i = 0; i < hits.length; i++) {
    const group = hits.group(i);
    const current = best[group] as number;
    if (current < 0) {
      best[group] = i;
      seen.push(group);
    } else if (hits.compare(i, current) < 0) best[group] = i;
  }
  // The first `limit` best hits of their groups, kept in order by insertion.
  const top: number[] = [];
  for (const group of seen) {
    const hit = best[group] as number;
    if (top.length >= limit && hits.compare(hit, top.at(-1) as number) >= 0) continue;
    let at = top.length;
    while (at > 0 && hits.compare(hit, top[at - 1] as number) < 0) at--;
    top.splice(at, 0, hit);
    if (top.length > limit) top.pop();
  }
  const place = new Int32Array(hits.groupCount).fill(-1);
  for (const [p, hit] of top.entries()) place[hits.group(hit)] = p;
  const shown = top.map((): number[] => []);
  for (let i = 0; i < hits.length; i++) {
    const p = place[hits.group(i)] as number;
    if (p >= 0) shown[p]?.push(i);
  }
  for (const members of shown) members.sort((i, j) => hits.compare(i, j));
  return { total: seen.length, shown };
}

