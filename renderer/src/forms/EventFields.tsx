import type { DatePrecision } from '../../../shared/timeline/event-date';
import { DatePrecision as DatePrecisionSchema } from '../../../shared/model/records';

/** An event's date precision, or '' to take it from how the date was written. */
export function PrecisionSelect({ value, onChange, asWritten }: { value: DatePrecision | ''; onChange(precision: DatePrecision | ''): void; asWritten: string }) {
  return (
    <select value={value} onChange={(event) => onChange(event.target.value === '' ? '' : DatePrecisionSchema.parse(event.target.value))}>
      <option value="">{asWritten}</option>
      {DatePrecisionSchema.options.map((option) => (
        <option key={option}>{option}</option>
      ))}
    </select>
  );
}

/** One of the notebook's event types, or '' for none. */
export function EventTypeSelect({ value, onChange, types }: { value: string; onChange(type: string): void; types: readonly string[] }) {
  return (
    <select value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">none</option>
      {types.map((option) => (
        <option key={option}>{option}</option>
      ))}
    </select>
  );
}
