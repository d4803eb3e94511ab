import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { DatePrecision } from '../../../shared/timeline/event-date';
import { datesStated, readEventDate } from '../../../shared/timeline/event-date-words';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { EventRecord } from '../../../shared/model/records';
import { DateField } from '../forms/DateField';
import { errorMessage } from '../forms/error-message';
import { EventTypeSelect, PrecisionSelect } from '../forms/EventFields';
import { useApiResult } from '../api/useApiResult';
import './actors.css';

interface QuickEventFormProps {
  api: FieldbookApi;
  /** What the picker held: the selected passage, or what was typed over it. */
  initialTitle: string;
  /** The passage the event is made from: the dates it states are offered. */
  passage: string;
  onCreated(event: EventRecord): Promise<void>;
  onCancel(): void;
  onError(error: unknown): void;
}

/**
 * The least an event needs, asked for in place from the quick picker: its
 * title (the passage, to shorten), a date with its precision, and a type
 * from the notebook's list. The date field has the focus, Enter creates,
 * Escape goes back to the picker; the rest is edited on the event's page.
 * The dates the passage states are offered for the date.
 */
export function QuickEventForm({ api, initialTitle, passage, onCreated, onCancel, onError }: QuickEventFormProps) {
  const loadTypes = useCallback(() => api.call('events.types', {}), [api]);
  const { data: types = [] } = useApiResult(api, loadTypes, onError, []);
  const [title, setTitle] = useState(initialTitle);
  const [dateText, setDateText] = useState('');
  const [precision, setPrecision] = useState<DatePrecision | ''>('');
  const [type, setType] = useState('');
  const [dateProblem, setDateProblem] = useState('');
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const dateField = useRef<HTMLInputElement>(null);
  const stated = useMemo(() => datesStated(passage), [passage]);

  useEffect(() => dateField.current?.focus(), []);

  const changeDate = (text: string) => {
    setDateText(text);
    setDateProblem('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (title.trim() === '') {
      setProblem('The event needs a title.');
      return;
    }
    let date;
    try {
      date = readEventDate(dateText, precision || undefined);
    } catch (error) {
      setDateProblem(errorMessage(error));
      dateField.current?.focus();
      return;
    }
    setDateProblem('');
    setProblem('');
    setSaving(true);
    try {
      await onCreated(await api.call('events.create', { title: title.trim(), date, type }));
    } catch (error) {
      setProblem(`Not saved: ${errorMessage(error)}`);
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
      <DateField value={dateText} onChange={changeDate} precision={precision} problem={dateProblem} stated={stated} inputRef={dateField} />
      <label>
        Precision
        <PrecisionSelect value={precision} onChange={setPrecision} asWritten="as written" />
      </label>
      <label className="quick-event-type">
        Type
        <EventTypeSelect value={type} onChange={setType} types={types} />
      </label>
      {problem && (
        <p className="form-error" role="alert">
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
