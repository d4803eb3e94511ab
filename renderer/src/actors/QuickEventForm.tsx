import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { parseEventDate, type DatePrecision } from '../../../shared/timeline/event-date';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { EventRecord } from '../../../shared/model/records';
import { EventTypeSelect, PrecisionSelect } from '../forms/EventFields';
import { useApiResult } from '../api/useApiResult';
import './actors.css';

interface QuickEventFormProps {
  api: FieldbookApi;
  /** What the picker held: the selected passage, or what was typed over it. */
  initialTitle: string;
  onCreated(event: EventRecord): Promise<void>;
  onCancel(): void;
  onError(error: unknown): void;
}

/**
 * The least an event needs, asked for in place from the quick picker: its
 * title (the passage, to shorten), a date with its precision, and a type
 * from the notebook's list. The date field has the focus, Enter creates,
 * Escape goes back to the picker; the rest is edited on the timeline.
 */
export function QuickEventForm({ api, initialTitle, onCreated, onCancel, onError }: QuickEventFormProps) {
  const loadTypes = useCallback(() => api.call('events.types', {}), [api]);
  const { data: types = [] } = useApiResult(api, loadTypes, onError, []);
  const [title, setTitle] = useState(initialTitle);
  const [dateText, setDateText] = useState('');
  const [precision, setPrecision] = useState<DatePrecision | ''>('');
  const [type, setType] = useState('');
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const dateField = useRef<HTMLInputElement>(null);
  const problemId = useId();

  useEffect(() => dateField.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (title.trim() === '') {
      setProblem('The event needs a title.');
      return;
    }
    let date;
    try {
      date = parseEventDate(dateText, precision || undefined);
    } catch (error) {
      setProblem((error as Error).message);
      dateField.current?.focus();
      return;
    }
    setProblem('');
    setSaving(true);
    try {
      await onCreated(await api.call('events.create', { title: title.trim(), date, type }));
    } catch (error) {
      onError(error);
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    // The reader's own Escape (clearing the selection) is not what was meant here.
    event.stopPropagation();
    onCancel();
  };

  return (
    <form className="quick-event-form" aria-label="New event from this passage" onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
      <label className="quick-event-title">
        Title
        <input type="text" dir="auto" required value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label>
        Date
        <input
          ref={dateField}
          type="text"
          required
          placeholder="2024-03-15"
          title="YYYY-MM-DD, YYYY-MM, YYYY, or START..END"
          aria-invalid={problem !== '' || undefined}
          aria-describedby={problem ? problemId : undefined}
          value={dateText}
          onChange={(event) => setDateText(event.target.value)}
        />
      </label>
      <label>
        Precision
        <PrecisionSelect value={precision} onChange={setPrecision} asWritten="as written" />
      </label>
      <label className="quick-event-type">
        Type
        <EventTypeSelect value={type} onChange={setType} types={types} />
      </label>
      {problem && (
        <p id={problemId} className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="quick-event-actions">
        <button type="submit" className="primary" disabled={saving}>
          Create event
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="hint">Enter · Esc</span>
      </div>
    </form>
  );
}
