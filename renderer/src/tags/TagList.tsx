import type { Tags } from './useTags';
import './tags.css';

/** A record's tags, read only: a coloured dot and the name. */
export function TagList({ tags, ids, subject }: { tags: Tags; ids: readonly string[]; subject: string }) {
  const shown = ids.flatMap((id) => tags.byId.get(id) ?? []);
  if (shown.length === 0) return null;
  return (
    <ul className="tag-chips tag-list" aria-label={`Tags of this ${subject}`}>
      {shown.map((tag) => (
        <li key={tag.id} className="tag-chip">
          <span className="tag-dot" style={{ backgroundColor: tag.color }} aria-hidden="true" />
          <span dir="auto">{tag.name}</span>
        </li>
      ))}
    </ul>
  );
}
