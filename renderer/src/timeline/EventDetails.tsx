import { useCallback, useState } from 'react';
import { formatEventDate } from '../../../shared/timeline/event-date';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { EventRecord } from '../../../shared/model/records';
import { useApiResult } from '../api/useApiResult';
import { highlightRange, type TextRange } from '../navigation/text-range';
import { AttachedNotes } from '../notes/AttachedNotes';
import { Backlinks } from '../notes/Backlinks';
import { EventForm } from './EventForm';
import { precisionLabels } from './precision-labels';

interface EventDetailsProps {
  api: FieldbookApi;
  event: EventRecord;
  /** 1 on the event's own page, 2 under the timeline. */
  headingLevel: 1 | 2;
  actorNames: ReadonlyMap<string, string>;
  onOpenActor(id: string): void;
  onOpenDocument(documentId: string, range?: TextRange): void;
  onOpenNote(noteId: string): void;
  onDeleted(event: EventRecord): void;
  onError(error: unknown): void;
}

/** An event: its details, actors, evidence, notes and the notes linking to it; edited in place, or deleted. */
export function EventDetails({ api, event, headingLevel, actorNames, onOpenActor, onOpenDocument, onOpenNote, onDeleted, onError }: EventDetailsProps) {
  const loadEvidence = useCallback(() => api.call('events.evidence', { id: event.id }), [api, event.id]);
  const { data: evidence } = useApiResult(api, loadEvidence, onError, ['events', 'highlights']);
  const loadTypes = useCallback(() => api.call('events.types', {}), [api]);
  const { data: types = [] } = useApiResult(api, loadTypes, onError, []);
  const [editing, setEditing] = useState(false);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const Subheading = headingLevel === 1 ? 'h2' : 'h3';
  const titleId = `event-title-${event.id}`;
  const figure = (label: string, value: EventRecord['fatalities']) => value && <li>{`${label}: ${value.count}${value.source ? ` (${value.source})` : ''}`}</li>;

  const remove = async () => {
    try {
      onDeleted(await api.call('events.delete', { id: event.id }));
    } catch (error) {
      onError(error);
    }
  };

  return (
    <article className="event-details" aria-labelledby={titleId}>
      <header className="event-details-header">
        <Heading id={titleId} dir="auto">
          {event.title}
        </Heading>
        {!event.deletedAt && !editing && (
          <div className="toolbar">
            <button type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" onClick={() => void remove()}>
              Delete
            </button>
          </div>
        )}
      </header>
      {editing ? (
        <EventForm api={api} types={types} initial={event} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} onError={onError} />
      ) : (
        <>
          <ul className="link-list">
            <li>
              {formatEventDate(event.date)} <span className="precision-badge">{precisionLabels[event.date.precision]}</span>
            </li>
            {event.location && <li dir="auto">{event.location}</li>}
            {event.type && <li>{event.type}</li>}
            {figure('Fatalities', event.fatalities)}
            {figure('Injuries', event.injuries)}
          </ul>
          {event.notes && (
            <p className="actor-description" dir="auto">
              {event.notes}
            </p>
          )}
          <Subheading>Actors</Subheading>
          {event.participants.length === 0 ? (
            <p className="view-meta">No actor recorded yet.</p>
          ) : (
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
          )}
        </>
      )}
      <Subheading>Evidence</Subheading>
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
      <AttachedNotes api={api} target={{ kind: 'event', id: event.id }} onOpen={onOpenNote} onError={onError} />
      <Backlinks api={api} target={{ kind: 'event', id: event.id }} heading="Notes linking to this event" onOpen={onOpenNote} onError={onError} />
    </article>
  );
}

/** Says an event was deleted, with the way back. */
export function EventDeleted({ api, event, onRestored, onError }: { api: FieldbookApi; event: EventRecord; onRestored(event: EventRecord): void; onError(error: unknown): void }) {
  const undo = async () => {
    try {
      onRestored(await api.call('events.restore', { id: event.id }));
    } catch (error) {
      onError(error);
    }
  };
  return (
    <p className="undo-bar" role="status">
      <span dir="auto">Event deleted.</span>{' '}
      <button type="button" onClick={() => void undo()}>
        Undo
      </button>
    </p>
  );
}
