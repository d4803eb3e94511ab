import { useId, useState, type FormEvent } from 'react';
import type { Tags } from './useTags';
import './tags.css';

interface TagEditorProps {
  tags: Tags;
  /** The ids on the record being edited. */
  selected: readonly string[];
  /** What is being tagged, for labels: "highlight", "document". */
  subject: string;
  onChange(ids: string[]): void;
  onError(error: unknown): void;
}

/** Tags as chips: type a word and press Enter to add it (an existing tag of that name, or a new one); the dot changes its colour. */
export function TagEditor({ tags, selected, subject, onChange, onError }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const listId = useId();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    try {
      const tag = await tags.ensure(draft);
      if (!selected.includes(tag.id)) onChange([...selected, tag.id]);
      setDraft('');
    } catch (error) {
      onError(error);
    }
  };

  return (
    <div className="tag-editor">
      <ul className="tag-chips" aria-label={`Tags of this ${subject}`}>
        {selected.map((id) => {
          const tag = tags.byId.get(id);
          if (!tag) return null;
          return (
            <li key={id} className="tag-chip">
              <label className="tag-dot" style={{ backgroundColor: tag.color }} title={`Colour of “${tag.name}”`}>
                <input type="color" className="visually-hidden" value={tag.color} aria-label={`Colour of tag ${tag.name}`} onChange={(event) => void tags.recolor(id, event.target.value)} />
              </label>
              <span dir="auto">{tag.name}</span>
              <button type="button" className="tag-remove" aria-label={`Remove tag ${tag.name} from this ${subject}`} onClick={() => onChange(selected.filter((other) => other !== id))}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <form className="tag-add" onSubmit={(event) => void add(event)}>
        <input type="text" value={draft} list={listId} dir="auto" placeholder="Add tag" aria-label={`Add a tag to this ${subject}`} onChange={(event) => setDraft(event.target.value)} />
        <datalist id={listId}>
          {tags.all.filter((tag) => !selected.includes(tag.id)).map((tag) => (
            <option key={tag.id} value={tag.name} />
          ))}
        </datalist>
      </form>
    </div>
  );
}
