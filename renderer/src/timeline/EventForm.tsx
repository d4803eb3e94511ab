import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { eventDateText, type DatePrecision } from '../../../shared/timeline/event-date';
import { readEventDate } from '../../../shared/timeline/event-date-words';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { ActorRecord, EventRecord } from '../../../shared/model/records';
import { QuickPicker } from '../actors/QuickPicker';
import { useApiResult } from '../api/useApiResult';
import { withChecked } from '../forms/checked-set';
import { DateField } from '../forms/DateField';
import { errorMessage } from '../forms/error-message';
import { EventTypeSelect, PrecisionSelect } from '../forms/EventFields';
import '../actors/actors.css';

interface EventFormProps {
  api: FieldbookApi;
  types: readonly string[];
  /** The event to edit; without one the form records a new event. */
  initial?: EventRecord;
  onSaved(event: EventRecord): void;
  onCancel(): void;
  onError(error: unknown): void;
}

type Participant = EventRecord['participants'][number];
type Figure = EventRecord['fatalities'];

const roles = ['perpetrator', 'target', 'mediator', 'claimant', 'participant', 'victim', 'witness'];
const actorNames = (actor: ActorRecord) => [actor.name, ...actor.aliases];

function count(text: string, source: string): Figure {
  return text.trim() === '' ? undefined : { count: Number(text), source: source.trim() };
}
const countText = (figure: Figure) => (figure ? String(figure.count) : '');

/**
 * A new event, or an event edited: title, date with its precision, type
 * from the notebook's list, place, participants with roles (picked by any
 * of their names, or created on the spot), casualty figures with their
 * source, a description, and evidence chosen among the passages tagged with
 * its participants. A save main refuses leaves everything typed in place,
 * with the reason.
 */
export function EventForm({ api, types, initial, onSaved, onCancel, onError }: EventFormProps) {
  const loadActors = useCallback(() => api.call('actors.list', {}), [api]);
  const { data: actors = [], reload: reloadActors } = useApiResult(api, loadActors, onError, ['actors']);
  const loadHighlights = useCallback(() => api.call('highlights.list', {}), [api]);
  const { data: highlights = [] } = useApiResult(api, loadHighlights, onError, ['highlights']);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [dateText, setDateText] = useState(initial ? eventDateText(initial.date) : '');
  const [precision, setPrecision] = useState<DatePrecision | ''>('');
  const [type, setType] = useState(initial?.type ?? '');
  const [location, setLocation] = useState(initial?.location ?? '');
  const [participants, setParticipants] = useState<Participant[]>(initial?.participants ?? []);
  const [fatalities, setFatalities] = useState(countText(initial?.fatalities));
  const [injuries, setInjuries] = useState(countText(initial?.injuries));
  const [source, setSource] = useState(initial?.fatalities?.source ?? initial?.injuries?.source ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [evidence, setEvidence] = useState<ReadonlySet<string>>(new Set(initial?.evidence));
  const [dateProblem, setDateProblem] = useState('');
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);

  const names = useMemo(() => new Map(actors.map((actor) => [actor.id, actor.name])), [actors]);
  const nameOf = (actorId: string) => names.get(actorId) ?? 'an actor';
  // The passages tagged with a participant, and those already its evidence.
  const candidates = useMemo(() => {
    const ids = new Set(participants.map((participant) => participant.actorId));
    return highlights.filter((highlight) => highlight.actorIds.some((id) => ids.has(id)) || initial?.evidence.includes(highlight.id));
  }, [highlights, participants, initial]);

  const addParticipant = (actor: ActorRecord) => setParticipants((current) => [...current, { actorId: actor.id, role: '' }]);
  const createActor = async (name: string) => {
    try {
      const actor = await api.call('actors.create', { name });
      reloadActors();
      addParticipant(actor);
    } catch (error) {
      onError(error);
    }
  };

  const changeDate = (text: string) => {
    setDateText(text);
    setDateProblem('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let date;
    try {
      date = readEventDate(dateText, precision || undefined);
    } catch (error) {
      setDateProblem(errorMessage(error));
      return;
    }
    setDateProblem('');
    const fields = {
      title: title.trim(),
      date,
      type,
      location: location.trim(),
      participants: participants.map(({ actorId, role }) => ({ actorId, role: role.trim() })),
      evidence: candidates.filter((highlight) => evidence.has(highlight.id)).map((highlight) => highlight.id),
      notes,
    };
    const fatalitiesCount = count(fatalities, source);
    const injuriesCount = count(injuries, source);
    setProblem('');
    setSaving(true);
    try {
      const saved = initial
        ? await api.call('events.update', { id: initial.id, patch: { ...fields, fatalities: fatalitiesCount ?? null, injuries: injuriesCount ?? null } })
        : await api.call('events.create', { ...fields, ...(fatalitiesCount ? { fatalities: fatalitiesCount } : {}), ...(injuriesCount ? { injuries: injuriesCount } : {}) });
      onSaved(saved);
    } catch (error) {
      setProblem(`Not saved: ${errorMessage(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="record-form" aria-label={initial ? 'Edit event' : 'New event'} onSubmit={(event) => void submit(event)}>
      <label>
        Title
        <input type="text" dir="auto" required value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <DateField value={dateText} onChange={changeDate} precision={precision} problem={dateProblem} />
      <label>
        Precision
        <PrecisionSelect value={precision} onChange={setPrecision} asWritten="from the date as written" />
      </label>
      <label>
        Type
        <EventTypeSelect value={type} onChange={setType} types={initial?.type && !types.includes(initial.type) ? [...types, initial.type] : types} />
      </label>
      <label>
        Place
        <input type="text" dir="auto" value={location} onChange={(event) => setLocation(event.target.value)} />
      </label>
      <fieldset>
        <legend>Actors taking part</legend>
        <ul className="link-list">
          {participants.map((participant, index) => (
            <li key={`${participant.actorId}:${index}`} className="toolbar">
              <span dir="auto">{nameOf(participant.actorId)}</span>
              <input
                type="text"
                aria-label={`Role of ${nameOf(participant.actorId)}`}
                list="event-roles"
                value={participant.role}
                onChange={(event) => setParticipants((current) => current.map((p, i) => (i === index ? { ...p, role: event.target.value } : p)))}
              />
              <button type="button" onClick={() => setParticipants((current) => current.filter((_, i) => i !== index))} aria-label={`Remove ${nameOf(participant.actorId)}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <datalist id="event-roles">
          {roles.map((role) => (
            <option key={role} value={role} />
          ))}
        </datalist>
        <QuickPicker label="Add an actor" items={actors} namesOf={actorNames} describe={(actor) => `${actor.name} (${actor.kind})`} keyOf={(actor) => actor.id} onPick={addParticipant} creates={[{ label: 'New actor', create: (name) => void createActor(name) }]} placeholder="Any name or alias" />
      </fieldset>
      <fieldset>
        <legend>Casualties</legend>
        <label>
          Fatalities
          <input type="number" min={0} step={1} value={fatalities} onChange={(event) => setFatalities(event.target.value)} />
        </label>
        <label>
          Injuries
          <input type="number" min={0} step={1} value={injuries} onChange={(event) => setInjuries(event.target.value)} />
        </label>
        <label>
          Source of the figures
          <input type="text" dir="auto" value={source} onChange={(event) => setSource(event.target.value)} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Evidence</legend>
        {candidates.length === 0 ? (
          <p className="view-meta">Passages tagged with the actors taking part are offered here.</p>
        ) : (
          candidates.map((highlight) => (
            <label key={highlight.id} className="toolbar">
              <input
                type="checkbox"
                checked={evidence.has(highlight.id)}
                onChange={(event) => setEvidence((current) => withChecked(current, highlight.id, event.target.checked))}
              />
              <span dir="auto">“{highlight.target.quote.exact.slice(0, 160)}”</span>
            </label>
          ))
        )}
      </fieldset>
      <label>
        Description
        <textarea dir="auto" rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} />
      </label>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={saving}>
          Save event
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
