import { AttachedNotes } from '../notes/AttachedNotes';
import { Backlinks } from '../notes/Backlinks';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { formatEventDate } from '../../../shared/timeline/event-date';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { EventRecord } from '../../../shared/model/records';
import { useNames } from '../actors/MentionsView';
import { useApiResult } from '../api/useApiResult';
import { highlightRange, type TextRange } from '../navigation/text-range';
import { EventForm } from './EventForm';
import { TimelineAxis } from './TimelineAxis';
import './timeline.css';

interface TimelineViewProps {
  api: FieldbookApi;
  /** The event to show open (a link from a note, a search hit). */
  eventId?: string;
  onOpenActor(id: string): void;
  onOpenDocument(documentId: string, range?: TextRange): void;
  onOpenNote(noteId: string): void;
  onError(error: unknown): void;
}

const precisionLabels: Readonly<Record<EventRecord['date']['precision'], string>> = { day: 'day', month: 'month', year: 'year', approximate: 'approximate', range: 'range' };

/** Events on a time axis, filtered by actor, type and document; an event opens with its evidence. */
export function TimelineView({ api, eventId, onOpenActor, onOpenDocument, onOpenNote, onError }: TimelineViewProps) {
  const loadTimeline = useCallback(() => api.call('events.timeline', {}), [api]);
  const { data: entries } = useApiResult(api, loadTimeline, onError, ['events', 'highlights']);
  const loadTypes = useCallback(() => api.call('events.types', {}), [api]);
  const { data: types = [], reload: reloadTypes } = useApiResult(api, loadTypes, onError, []);
  const { actorNames, documentTitles } = useNames(api, onError);
  const [actorId, setActorId] = useState('');
  const [type, setType] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [selectedId, setSelectedId] = useState<string | undefined>(eventId);
  const [creating, setCreating] = useState(false);

  const visible = useMemo(
    () =>
      (entries ?? []).filter(
        ({ event, documentIds }) => (!actorId || event.participants.some((participant) => participant.actorId === actorId)) && (!type || event.type === type) && (!documentId || documentIds.includes(documentId)),
      ),
    [entries, actorId, type, documentId],
  );
  const selected = visible.find((entry) => entry.event.id === selectedId)?.event;
  const usedTypes = [...new Set([...types, ...(entries ?? []).map((entry) => entry.event.type).filter(Boolean)])];

  return (
    <section className="library-view timeline-view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title">Timeline</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)} disabled={creating}>
          New event
        </button>
        {entries && <p className="view-meta">{`${entries.length === visible.length ? '' : `${visible.length} of `}${entries.length} event${entries.length === 1 ? '' : 's'}`}</p>}
      </header>
      {creating && (
        <EventForm
          api={api}
          types={usedTypes}
          onSaved={(event) => {
            setCreating(false);
            setSelectedId(event.id);
          }}
          onCancel={() => setCreating(false)}
          onError={onError}
        />
      )}
      <div className="toolbar timeline-filters">
        <label>
          Actor{' '}
          <select value={actorId} onChange={(event) => setActorId(event.target.value)}>
            <option value="">all</option>
            {[...actorNames].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type{' '}
          <select value={type} onChange={(event) => setType(event.target.value)}>
            <option value="">all</option>
            {usedTypes.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
        <label>
          Document{' '}
          <select value={documentId} onChange={(event) => setDocumentId(event.target.value)}>
            <option value="">all</option>
            {[...documentTitles].sort((a, b) => a[1].localeCompare(b[1])).map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!entries ? (
        <p role="status">Loading events…</p>
      ) : entries.length === 0 ? (
        <p className="view-meta">No events yet. Record one with “New event”: its date, the actors taking part and the passages that are its evidence.</p>
      ) : (
        <>
          <TimelineAxis events={visible.map((entry) => entry.event)} selectedId={selectedId} onSelect={setSelectedId} />
          <ol className="timeline-list" aria-label="Events by date">
            {visible.map(({ event }) => (
              <li key={event.id} className={event.id === selectedId ? 'selected' : undefined}>
                <span className="event-date">{formatEventDate(event.date)}</span>
                <span className="precision-badge">{precisionLabels[event.date.precision]}</span>
                <button type="button" className="link-button" dir="auto" aria-expanded={event.id === selectedId} onClick={() => setSelectedId(event.id === selectedId ? undefined : event.id)}>
                  {event.title}
                </button>
                {event.type && <span className="view-meta">{event.type}</span>}
              </li>
            ))}
          </ol>
          {selected && <EventDetails api={api} event={selected} actorNames={actorNames} onOpenActor={onOpenActor} onOpenDocument={onOpenDocument} onOpenNote={onOpenNote} onError={onError} />}
        </>
      )}
      <EventTypesEditor
        types={types}
        onSave={async (next) => {
          try {
            await api.call('events.setTypes', { types: next });
            reloadTypes();
          } catch (error) {
            onError(error);
          }
        }}
      />
    </section>
  );
}

interface EventDetailsProps {
  api: FieldbookApi;
  event: EventRecord;
  actorNames: ReadonlyMap<string, string>;
  onOpenActor(id: string): void;
  onOpenDocument(documentId: string, range?: TextRange): void;
  onOpenNote(noteId: string): void;
  onError(error: unknown): void;
}

function EventDetails({ api, event, actorNames, onOpenActor, onOpenDocument, onOpenNote, onError }: EventDetailsProps) {
  const loadEvidence = useCallback(() => api.call('events.evidence', { id: event.id }), [api, event.id]);
  const { data: evidence } = useApiResult(api, loadEvidence, onError, ['events', 'highlights']);
  const figure = (label: string, value: EventRecord['fatalities']) => value && <li>{`${label}: ${value.count}${value.source ? ` (${value.source})` : ''}`}</li>;
  return (
    <article className="event-details" aria-labelledby="event-title">
      <h2 id="event-title" dir="auto">
        {event.title}
      </h2>
      <ul className="link-list">
        <li>
          {formatEventDate(event.date)} <span className="precision-badge">{precisionLabels[event.date.precision]}</span>
        </li>
        {event.location && <li dir="auto">{event.location}</li>}
        {event.type && <li>{event.type}</li>}
        {figure('Fatalities', event.fatalities)}
        {figure('Injuries', event.injuries)}
      </ul>
      <h3>Actors</h3>
      <ul className="link-list">
        {event.participants.map((participant) => (
          <li key={`${participant.actorId}:${participant.role}`}>
            <button type="button" className="link-button" dir="auto" onClick={() => onOpenActor(participant.actorId)}>
              {actorNames.get(participant.actorId) ?? participant.actorId}
            </button>
            {participant.role && ` — ${participant.role}`}
          </li>
        ))}
      </ul>
      <h3>Evidence</h3>
      {!evidence ? (
        <p role="status">Loading evidence…</p>
      ) : evidence.length === 0 ? (
        <p className="view-meta">No passage supports this event yet.</p>
      ) : (
        <ul className="passage-list">
          {evidence.map(({ highlight, document }) => (
            <li key={highlight.id}>
              <blockquote dir="auto">{highlight.target.quote.exact}</blockquote>
              <button type="button" onClick={() => onOpenDocument(document.id, highlightRange(highlight.target))} aria-label={`Open in ${document.title}`}>
                Open
              </button>
            </li>
          ))}
        </ul>
      )}
      {event.notes && (
        <p className="actor-description" dir="auto">
          {event.notes}
        </p>
      )}
      <AttachedNotes api={api} target={{ kind: 'event', id: event.id }} onOpen={onOpenNote} onError={onError} />
      <Backlinks api={api} target={{ kind: 'event', id: event.id }} heading="Notes linking to this event" onOpen={onOpenNote} onError={onError} />
    </article>
  );
}

/** The notebook's event types, one a line: the team's coding scheme, ACLED-like until edited. */
function EventTypesEditor({ types, onSave }: { types: readonly string[]; onSave(types: string[]): Promise<void> }) {
  const [draft, setDraft] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft !== undefined) void onSave(draft.split('\n')).then(() => setDraft(undefined));
  };
  return (
    <details className="event-types">
      <summary>Event types</summary>
      <form className="record-form" onSubmit={submit} aria-label="Event types">
        <label>
          One type a line; shared by everyone who records events in this notebook
          <textarea rows={Math.max(4, types.length + 1)} value={draft ?? types.join('\n')} onChange={(event) => setDraft(event.target.value)} />
        </label>
        <button type="submit" disabled={draft === undefined}>
          Save types
        </button>
      </form>
    </details>
  );
}
