import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { formatEventDate } from '../../../shared/timeline/event-date';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { EventRecord } from '../../../shared/model/records';
import { useNames } from '../actors/MentionsView';
import { useApiResult } from '../api/useApiResult';
import type { TextRange } from '../navigation/text-range';
import { EventDeleted, EventDetails } from './EventDetails';
import { EventForm } from './EventForm';
import { precisionLabels } from './precision-labels';
import { TimelineAxis } from './TimelineAxis';
import './timeline.css';

interface TimelineViewProps {
  api: FieldbookApi;
  onOpenActor(id: string): void;
  onOpenDocument(documentId: string, range?: TextRange): void;
  onOpenNote(noteId: string): void;
  onError(error: unknown): void;
}

/** Events on a time axis, filtered by actor, type and document; an event opens with its evidence. */
export function TimelineView({ api, onOpenActor, onOpenDocument, onOpenNote, onError }: TimelineViewProps) {
  const loadTimeline = useCallback(() => api.call('events.timeline', {}), [api]);
  const { data: entries } = useApiResult(api, loadTimeline, onError, ['events', 'highlights']);
  const loadTypes = useCallback(() => api.call('events.types', {}), [api]);
  const { data: types = [], reload: reloadTypes } = useApiResult(api, loadTypes, onError, []);
  const { actorNames, documentTitles } = useNames(api, onError);
  const [actorId, setActorId] = useState('');
  const [type, setType] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const [creating, setCreating] = useState(false);
  /** The event last deleted here, until it is brought back or another view is shown. */
  const [deleted, setDeleted] = useState<EventRecord>();

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
      {deleted && (
        <EventDeleted
          api={api}
          event={deleted}
          onRestored={(event) => {
            setDeleted(undefined);
            setSelectedId(event.id);
          }}
          onError={onError}
        />
      )}
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
          {selected && (
            <EventDetails
              api={api}
              event={selected}
              headingLevel={2}
              actorNames={actorNames}
              onOpenActor={onOpenActor}
              onOpenDocument={onOpenDocument}
              onOpenNote={onOpenNote}
              onDeleted={setDeleted}
              onError={onError}
            />
          )}
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
