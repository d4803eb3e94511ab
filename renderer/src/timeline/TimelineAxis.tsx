import { eventSpan, formatEventDate, isoDay } from '../../../shared/timeline/event-date';
import type { EventRecord } from '../../../shared/model/records';

const WIDTH = 1000;
const LANE = 14;
const MARGIN = 24;

interface TimelineAxisProps {
  events: readonly EventRecord[];
  selectedId: string | undefined;
  onSelect(id: string): void;
}

/**
 * Events on a time axis, drawn with SVG attributes only (the app's content
 * security policy forbids inline styles): a day is a dot, a month, a year or
 * a range is a bar over the days it covers, an approximate date a dashed
 * bar over its widened span. Overlapping marks take the next lane down.
 * The list below the axis is the accessible way to the same events.
 */
export function TimelineAxis({ events, selectedId, onSelect }: TimelineAxisProps) {
  if (events.length === 0) return null;
  const spans = events.map((event) => ({ event, ...eventSpan(event.date) }));
  const first = Math.min(...spans.map((span) => span.first));
  const last = Math.max(...spans.map((span) => span.last));
  const days = Math.max(1, last - first + 1);
  const x = (day: number) => MARGIN + ((day - first) / days) * (WIDTH - 2 * MARGIN);

  const laneEnds: number[] = [];
  const placed = spans.map((span) => {
    const left = x(span.first);
    const right = Math.max(x(span.last + 1), left + 8);
    let lane = laneEnds.findIndex((end) => end < left - 2);
    if (lane < 0) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = right;
    return { ...span, left, right, lane };
  });
  const height = MARGIN + laneEnds.length * LANE + 8;

  return (
    <svg className="timeline-axis" viewBox={`0 0 ${WIDTH} ${height}`} aria-hidden="true" preserveAspectRatio="none">
      <line x1={MARGIN} x2={WIDTH - MARGIN} y1={18} y2={18} className="axis-line" />
      {ticks(first, last).map((tick) => (
        <g key={tick.day}>
          <line x1={x(tick.day)} x2={x(tick.day)} y1={14} y2={22} className="axis-line" />
          <text x={x(tick.day)} y={11} textAnchor="middle" className="axis-label">
            {tick.label}
          </text>
        </g>
      ))}
      {placed.map(({ event, left, right, lane }) => {
        const y = MARGIN + lane * LANE;
        const className = `mark precision-${event.date.precision}${event.id === selectedId ? ' selected' : ''}`;
        return (
          <g key={event.id} className={className} onClick={() => onSelect(event.id)}>
            <title>{`${formatEventDate(event.date)}: ${event.title}`}</title>
            {event.date.precision === 'day' ? <circle cx={left + 4} cy={y + 5} r={5} /> : <rect x={left} y={y} width={right - left} height={10} rx={3} />}
          </g>
        );
      })}
    </svg>
  );
}

/** Year ticks, or month ticks when the axis covers less than two years; at most a dozen or so. */
function ticks(first: number, last: number): { day: number; label: string }[] {
  const start = new Date(isoDay(first));
  const end = new Date(isoDay(last));
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  const stepMonths = months < 24 ? Math.max(1, Math.ceil(months / 12)) : 12 * Math.max(1, Math.ceil(months / 12 / 12));
  const result: { day: number; label: string }[] = [];
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), stepMonths >= 12 ? 0 : start.getUTCMonth(), 1));
  while (cursor <= end) {
    const day = cursor.getTime() / 86_400_000;
    if (day >= first) result.push({ day, label: stepMonths >= 12 ? String(cursor.getUTCFullYear()) : cursor.toLocaleDateString(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }) });
    cursor.setUTCMonth(cursor.getUTCMonth() + stepMonths);
  }
  return result;
}
