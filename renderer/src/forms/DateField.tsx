import { useId, type Ref } from 'react';
import { eventDateText, formatEventDate, type DatePrecision, type EventDate } from '../../../shared/timeline/event-date';
import { readEventDate } from '../../../shared/timeline/event-date-words';

interface DateFieldProps {
  value: string;
  onChange(text: string): void;
  /** The precision chosen beside the field, or '' to take it from the words. */
  precision: DatePrecision | '';
  /** Why the date was refused, shown under the field. */
  problem: string;
  /** Dates the passage states, offered to fill the field with one press. */
  stated?: readonly EventDate[];
  inputRef?: Ref<HTMLInputElement>;
}

/** An event's date, written as people write dates; says how it reads as it is typed, and why not when it cannot be read. */
export function DateField({ value, onChange, precision, problem, stated = [], inputRef }: DateFieldProps) {
  const id = useId();
  const preview = reading(value, precision);
  return (
    <div className="date-field">
      <label htmlFor={`${id}-input`}>Date</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        type="text"
        required
        placeholder="5 Nov 2021"
        aria-invalid={problem !== '' || undefined}
        aria-describedby={problem ? `${id}-problem` : `${id}-reading`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem ? (
        <p id={`${id}-problem`} className="form-error" role="alert">
          {problem}
        </p>
      ) : (
        <p id={`${id}-reading`} className="hint">
          {preview ?? 'A day, a month, a year, “early November 2021” or a range “2021-11-05/07”.'}
        </p>
      )}
      {stated.length > 0 && (
        <p className="date-suggestions">
          The passage says{' '}
          {stated.map((date) => (
            <button key={eventDateText(date)} type="button" className="chip-button" onClick={() => onChange(eventDateText(date))}>
              {formatEventDate(date)}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}

function reading(text: string, precision: DatePrecision | ''): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    const date = readEventDate(text, precision || undefined);
    return `Reads as ${formatEventDate(date)} (${date.precision}).`;
  } catch {
    return undefined;
  }
}
