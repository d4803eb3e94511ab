import { Fragment, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { ActorRecord, TagRecord } from '../../../shared/model/records';
import type { SearchFilters, SearchGroup, SearchHit, SearchResult, Snippet } from '../../../shared/search/results';
import { SEARCH_KINDS, type SearchKind } from '../../../shared/search/query-syntax';
import './search.css';

export type OpenDocument = (documentId: string, range?: { start: number; end: number }, terms?: string[]) => void;

interface SearchViewProps {
  api: FieldbookApi;
  query: string;
  onOpenDocument: OpenDocument;
  /** Notes, actors and events open in their own section. */
  onOpenRecord(kind: 'note' | 'actor' | 'event', id: string): void;
  onError(error: unknown): void;
}

/** Searching as one types: wait this long after the last key before asking. */
const DEBOUNCE_MS = 120;
const LIMIT = 30;

const kindLabels: Readonly<Record<SearchKind, string>> = { document: 'Documents', highlight: 'Highlights', note: 'Notes', actor: 'Actors', event: 'Events' };
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

interface Row {
  group: SearchGroup;
  hit: SearchHit;
  key: string;
}

/**
 * Results of the top bar's query over the whole notebook: grouped by
 * document (or note, actor, event), each hit with its snippet, matched words
 * marked. Filters narrow by kind, tag, actor and published date. Arrow keys
 * (from the search box too) move through hits; Enter opens one, a passage in
 * the reader at its place with the words marked.
 */
export function SearchView({ api, query, onOpenDocument, onOpenRecord, onError }: SearchViewProps) {
  const [kinds, setKinds] = useState<SearchKind[]>([]);
  const [tag, setTag] = useState('');
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  /** The last answer, with the question it answers: an answer to other words or filters is not shown, nor opened. */
  const [answered, setAnswered] = useState<{ asked: string; result: SearchResult }>();
  /** Enter was pressed before the answer to what is typed now arrived: its first result opens when it does. */
  const [openWhenAnswered, setOpenWhenAnswered] = useState(false);
  const [searching, setSearching] = useState(false);
  const [active, setActive] = useState(0);
  const [tags, setTags] = useState<TagRecord[]>([]);
  const [actors, setActors] = useState<ActorRecord[]>([]);
  const [changes, setChanges] = useState(0);
  const [listsChanged, setListsChanged] = useState(0);
  /** Why the index is behind the records (its worker failed), from search.status and search.updated. */
  const [indexError, setIndexError] = useState<string>();
  const sequence = useRef(0);
  const listId = useId();

  const filters = useMemo((): SearchFilters => {
    const chosen: SearchFilters = {};
    if (kinds.length > 0) chosen.kinds = kinds;
    if (tag) chosen.tags = [tag];
    if (actor) chosen.actors = [actor];
    if (DATE.test(from)) chosen.from = from;
    if (DATE.test(to)) chosen.to = to;
    return chosen;
  }, [kinds, tag, actor, from, to]);

  useEffect(() => {
    void Promise.all([api.call('tags.list', {}), api.call('actors.list', {})]).then(([tagList, actorList]) => {
      setTags(tagList);
      setActors(actorList);
    }, onError);
  }, [api, onError, listsChanged]);

  useEffect(
    () =>
      api.on('records.changed', ({ type }) => {
        if (type === 'tags' || type === 'actors') setListsChanged((count) => count + 1);
      }),
    [api],
  );

  // Once new or changed records are searchable the answer may differ: ask again, a little later, as one change often comes with others.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    api.call('search.status', {}).then((status) => setIndexError(status.error), () => undefined);
    const stop = api.on('search.updated', (status) => {
      setIndexError(status.error);
      clearTimeout(timer);
      timer = setTimeout(() => setChanges((count) => count + 1), 200);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [api]);

  const asked = useMemo(() => JSON.stringify({ query, filters }), [query, filters]);
  const result = answered?.asked === asked ? answered.result : undefined;

  useEffect(() => {
    const mine = ++sequence.current;
    setSearching(true);
    const timer = setTimeout(() => {
      api.call('search.query', { query, limit: LIMIT, filters }).then(
        (answer) => {
          if (mine !== sequence.current) return;
          setAnswered({ asked, result: answer });
          setActive(0);
          setSearching(false);
        },
        (error: unknown) => {
          if (mine !== sequence.current) return;
          setSearching(false);
          onError(error);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, query, filters, asked, changes, onError]);

  const rows = useMemo((): Row[] => (result?.groups ?? []).flatMap((group) => group.hits.map((hit, i) => ({ group, hit, key: `${group.kind}:${group.id}:${i}` }))), [result]);

  const open = useCallback(
    (row: Row) => {
      const { group, hit } = row;
      if (group.kind === 'document') onOpenDocument(group.id, hit.range, hit.terms);
      else onOpenRecord(group.kind, group.id);
    },
    [onOpenDocument, onOpenRecord],
  );

  useEffect(() => {
    if (!openWhenAnswered || !result) return;
    setOpenWhenAnswered(false);
    if (rows[0]) open(rows[0]);
  }, [openWhenAnswered, result, rows, open]);
  // Words typed after Enter are a new question: the Enter is not carried over to them.
  useEffect(() => setOpenWhenAnswered(false), [asked]);

  // Arrows and Enter work from the search box as well as from the list, so one can type, then pick.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (!target || !(target.id === 'search-input' || target.closest(`[id="${listId}"]`))) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((current) => Math.max(0, Math.min(rows.length - 1, current + (event.key === 'ArrowDown' ? 1 : -1))));
      } else if (event.key === 'Enter') {
        event.preventDefault();
        const row = rows[active];
        if (!result) setOpenWhenAnswered(true);
        else if (row) open(row);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [rows, active, open, listId, result]);

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const toggleKind = (kind: SearchKind) => setKinds((current) => (current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind]));
  let index = -1;

  return (
    <section className="search-view" aria-labelledby={`${listId}-heading`}>
      <div className="search-head">
        <h2 id={`${listId}-heading`}>Search results</h2>
        <p className="search-count" role="status">
          {searching && !result ? 'Searching…' : result ? `${result.total} ${result.total === 1 ? 'match' : 'matches'}${result.total > LIMIT ? `, the first ${LIMIT} shown` : ''}` : ''}
        </p>
      </div>
      {indexError && (
        <p className="search-index-error" role="alert">
          Recent changes may be missing from these results. {indexError}
        </p>
      )}
      <fieldset className="search-filters">
        <legend className="visually-hidden">Filters</legend>
        {SEARCH_KINDS.map((kind) => (
          <label key={kind} className="search-kind">
            <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggleKind(kind)} /> {kindLabels[kind]}
          </label>
        ))}
        <RecordFilter label="Tag" value={tag} options={tags} onChange={setTag} />
        <RecordFilter label="Actor" value={actor} options={actors} onChange={setActor} />
        <label>
          Published from <input className="search-date" value={from} placeholder="YYYY-MM" onChange={(event) => setFrom(event.target.value.trim())} aria-invalid={from !== '' && !DATE.test(from)} />
        </label>
        <label>
          to <input className="search-date" value={to} placeholder="YYYY-MM" onChange={(event) => setTo(event.target.value.trim())} aria-invalid={to !== '' && !DATE.test(to)} />
        </label>
      </fieldset>
      {result?.notices.map((notice) => (
        <p key={notice} className="search-notice">
          {notice}
        </p>
      ))}
      {result && rows.length === 0 && !searching && <p className="search-empty">Nothing matches “{query}”.</p>}
      <div id={listId} role="listbox" aria-label="Search results" tabIndex={rows.length > 0 ? 0 : -1} aria-activedescendant={rows.length > 0 ? `${listId}-${active}` : undefined} className="search-results">
        {result?.groups.map((group) => (
          <div key={`${group.kind}:${group.id}`} role="group" aria-label={group.title} className="search-group">
            <div className="search-group-head" aria-hidden="true">
              <span className="search-group-title" dir="auto">
                {group.title}
              </span>
              <span className="search-group-kind">{kindLabels[group.kind]}</span>
              {group.subtitle && (
                <span className="search-group-subtitle" dir="auto">
                  {group.subtitle}
                </span>
              )}
            </div>
            {group.hits.map((hit) => {
              index += 1;
              const at = index;
              const row = rows[at];
              return (
                <div
                  key={`${hit.kind}:${hit.id}:${hit.range?.start ?? at}`}
                  id={`${listId}-${at}`}
                  role="option"
                  aria-selected={at === active}
                  className="search-hit"
                  onMouseEnter={() => setActive(at)}
                  onClick={() => row && open(row)}
                >
                  <span className="search-hit-where">{describe(hit)}</span>
                  <SnippetText snippet={hit.snippet} />
                </div>
              );
            })}
            {group.hitCount > group.hits.length && <p className="search-more">and {group.hitCount - group.hits.length} more in this {group.kind}</p>}
          </div>
        ))}
      </div>
    </section>
  );
}

function describe(hit: SearchHit): string {
  switch (hit.kind) {
    case 'passage':
      return hit.page === undefined ? 'Passage' : `Page ${hit.page + 1}`;
    case 'document':
      return 'Title';
    case 'highlight':
      return hit.page === undefined ? 'Highlight' : `Highlight, page ${hit.page + 1}`;
    default:
      return '';
  }
}

function SnippetText({ snippet }: { snippet: Snippet }) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const mark of snippet.marks) {
    if (mark.start > at) parts.push({ text: snippet.text.slice(at, mark.start), marked: false });
    parts.push({ text: snippet.text.slice(mark.start, mark.end), marked: true });
    at = mark.end;
  }
  parts.push({ text: snippet.text.slice(at), marked: false });
  return (
    <span className="search-snippet" dir="auto">
      {snippet.before && '… '}
      {parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}
      {snippet.after && ' …'}
    </span>
  );
}

/** A filter by one record (a tag, an actor), or any. */
function RecordFilter({ label, value, options, onChange }: { label: string; value: string; options: readonly { id: string; name: string }[]; onChange(id: string): void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Any</option>
        {options.map((record) => (
          <option key={record.id} value={record.id}>
            {record.name}
          </option>
        ))}
      </select>
    </label>
  );
}
