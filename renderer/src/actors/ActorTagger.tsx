import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { EventRecord, HighlightRecord } from '../../../shared/model/records';
import { QuickEventForm } from './QuickEventForm';
import { QuickPicker } from './QuickPicker';
import { useApiResult } from '../api/useApiResult';
import './actors.css';

interface Taggable {
  kind: 'actor' | 'event';
  id: string;
  label: string;
  names: readonly string[];
}

interface ActorTaggerProps {
  api: FieldbookApi;
  highlight: HighlightRecord;
  /**
   * Saves a change of tags. The reader passes its own highlights' update, so
   * the card shows the change at once; otherwise it goes straight to main and
   * the owner's list follows records.changed.
   */
  update?(id: string, patch: TagPatch): Promise<unknown>;
  /** Take the focus on opening: the passage was just highlighted, and tagging it is what comes next. */
  focusOnOpen?: boolean;
  /** Open the page of an actor or event the passage is tagged with; without it the chips are only names. */
  onOpen?(kind: 'actor' | 'event', id: string): void;
  onError(error: unknown): void;
}

type TagPatch = Partial<Pick<HighlightRecord, 'actorIds' | 'eventIds'>>;

const namesOf = (item: Taggable) => item.names;

/**
 * Tag a highlight with actors and events: what it is tagged with, each
 * removable, and a quick picker over every actor's names and aliases and
 * every event's title that starts from the passage itself, so the passage
 * can name a new actor in one step, or a new event in two (it needs a date:
 * a small form opens in place). For the reader's highlight card.
 */
export function ActorTagger({ api, highlight, update, focusOnOpen = false, onOpen, onError }: ActorTaggerProps) {
  const load = useCallback(async () => {
    const [actors, events] = await Promise.all([api.call('actors.list', {}), api.call('events.list', {})]);
    return [
      ...actors.map((actor): Taggable => ({ kind: 'actor', id: actor.id, label: actor.name, names: [actor.name, ...actor.aliases] })),
      ...events.map((event): Taggable => ({ kind: 'event', id: event.id, label: event.title, names: [event.title] })),
    ];
  }, [api]);
  const { data: items = [] } = useApiResult(api, load, onError, ['actors', 'events']);
  const labels = new Map(items.map((item) => [item.id, item.label]));
  /** The title the new-event form opens with; undefined while it is closed. */
  const [eventTitle, setEventTitle] = useState<string>();
  const pickerField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnOpen) pickerField.current?.focus();
  }, [focusOnOpen]);
  const refocusPicker = useRef(false);
  // The picker was only hidden while the form was open: it gets the focus back once it shows again.
  useEffect(() => {
    if (eventTitle !== undefined || !refocusPicker.current) return;
    refocusPicker.current = false;
    pickerField.current?.focus();
  }, [eventTitle]);

  const save = async (patch: TagPatch) => {
    if (update) {
      await update(highlight.id, patch);
      return;
    }
    try {
      await api.call('highlights.update', { id: highlight.id, patch });
    } catch (error) {
      onError(error);
    }
  };
  const add = (item: Taggable) =>
    item.kind === 'actor' ? save({ actorIds: [...new Set([...highlight.actorIds, item.id])] }) : save({ eventIds: [...new Set([...highlight.eventIds, item.id])] });
  const create = async (name: string) => {
    try {
      const actor = await api.call('actors.create', { name });
      await save({ actorIds: [...highlight.actorIds, actor.id] });
    } catch (error) {
      onError(error);
    }
  };
  const closeEventForm = () => {
    refocusPicker.current = true;
    setEventTitle(undefined);
  };
  // The passage becomes evidence the way tagging an existing event makes it: the highlight lists the event.
  const eventCreated = async (event: EventRecord) => {
    await save({ eventIds: [...highlight.eventIds, event.id] });
    closeEventForm();
  };

  const tags = [...highlight.actorIds.map((id) => ({ id, kind: 'actor' as const })), ...highlight.eventIds.map((id) => ({ id, kind: 'event' as const }))];
  return (
    <div className="actor-tagger">
      {tags.length > 0 && (
        <ul className="tag-chips" aria-label="Tagged with">
          {tags.map(({ id, kind }) => (
            <li key={id}>
              {onOpen ? (
                <button type="button" className="link-button" dir="auto" onClick={() => onOpen(kind, id)}>
                  {labels.get(id) ?? id}
                </button>
              ) : (
                <span dir="auto">{labels.get(id) ?? id}</span>
              )}{' '}
              <span className="tag-kind">{kind}</span>{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Untag ${labels.get(id) ?? id}`}
                onClick={() => void save(kind === 'actor' ? { actorIds: highlight.actorIds.filter((other) => other !== id) } : { eventIds: highlight.eventIds.filter((other) => other !== id) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div hidden={eventTitle !== undefined}>
        <QuickPicker
          label="Tag with an actor or event"
          items={items}
          namesOf={namesOf}
          describe={(item) => `${item.label} (${item.kind})`}
          keyOf={(item) => `${item.kind}:${item.id}`}
          onPick={(item) => void add(item)}
          creates={[
            { label: 'New actor', create: (name) => void create(name) },
            { label: 'New event', create: setEventTitle },
          ]}
          initialQuery={highlight.target.quote.exact.length <= 80 ? highlight.target.quote.exact : ''}
          placeholder="Tag with an actor or event…"
          inputRef={pickerField}
        />
      </div>
      {eventTitle !== undefined && <QuickEventForm api={api} initialTitle={eventTitle} passage={highlight.target.quote.exact} onCreated={eventCreated} onCancel={closeEventForm} onError={onError} />}
    </div>
  );
}
