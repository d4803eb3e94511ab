import { useCallback } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import { useNames } from '../actors/MentionsView';
import { useApiResult } from '../api/useApiResult';
import type { TextRange } from '../navigation/text-range';
import { EventDeleted, EventDetails } from './EventDetails';
import './timeline.css';

interface EventPageProps {
  api: FieldbookApi;
  eventId: string;
  onBack(): void;
  onOpenActor(id: string): void;
  onOpenDocument(documentId: string, range?: TextRange): void;
  onOpenNote(noteId: string): void;
  onError(error: unknown): void;
}

/** One event on a page of its own, as an actor has: reached from the Events list, notes' links and search. A deleted event stays shown, with undo, until left. */
export function EventPage({ api, eventId, onBack, onOpenActor, onOpenDocument, onOpenNote, onError }: EventPageProps) {
  const loadEvent = useCallback(() => api.call('events.get', { id: eventId }), [api, eventId]);
  const { data: event, reload } = useApiResult(api, loadEvent, onError, ['events']);
  const { actorNames } = useNames(api, onError);
  if (!event) return <p role="status">Loading event…</p>;
  return (
    <section className="library-view event-page" aria-label="Event">
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          Back
        </button>
      </div>
      {event.deletedAt && <EventDeleted api={api} event={event} onRestored={reload} onError={onError} />}
      <EventDetails
        api={api}
        event={event}
        headingLevel={1}
        actorNames={actorNames}
        onOpenActor={onOpenActor}
        onOpenDocument={onOpenDocument}
        onOpenNote={onOpenNote}
        onDeleted={reload}
        onError={onError}
      />
    </section>
  );
}
