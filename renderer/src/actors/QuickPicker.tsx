import { useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { createNameMatcher } from '../../../shared/actors/match-names';
import './actors.css';

/** A way to make a new item named by what was typed, offered below the matches ("New actor “…”", "New event “…”"). */
export interface PickerCreate {
  label: string;
  create(name: string): void;
}

interface QuickPickerProps<T> {
  label: string;
  items: readonly T[];
  namesOf(item: T): readonly string[];
  describe(item: T): string;
  keyOf(item: T): string;
  onPick(item: T): void;
  creates?: readonly PickerCreate[];
  placeholder?: string;
  /** What the field starts with: the selected text, so it can be picked or created at once. */
  initialQuery?: string;
  /** The field, for a caller that gives the focus back to it. */
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A combobox that finds actors or events by any of their names, ignoring
 * case, diacritics, apostrophes and Arabic letter forms ("kataib" finds
 * "Kata'ib", "الكاظمي" finds "الكاظمى"), and can create what it did not find.
 */
export function QuickPicker<T>({ label, items, namesOf, describe, keyOf, onPick, creates = [], placeholder, initialQuery = '', inputRef }: QuickPickerProps<T>) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const listId = useId();
  const matcher = useMemo(() => createNameMatcher(items, namesOf), [items, namesOf]);
  const matches = useMemo(() => matcher(query, 8), [matcher, query]);
  const typed = query.trim();
  const options = [
    // The name that matched is shown beside the item only when it is another than its main name: an alias.
    ...matches.map((match) => ({ key: keyOf(match.item), text: describe(match.item), alias: match.name === namesOf(match.item)[0] ? '' : match.name, pick: () => onPick(match.item) })),
    ...(typed ? creates.map(({ label: createLabel, create }) => ({ key: `+${createLabel}`, text: `${createLabel} “${typed}”`, alias: '', pick: () => create(typed) })) : []),
  ];
  const open = typed !== '' && options.length > 0;

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    option.pick();
    setQuery('');
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % Math.max(1, options.length));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') setQuery('');
  };

  return (
    <div className="quick-picker">
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        dir="auto"
        value={query}
        placeholder={placeholder}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={label} className="quick-picker-options">
          {options.map((option, index) => (
            <li
              key={option.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(index)}
            >
              <span dir="auto">{option.text}</span>
              {option.alias && (
                <span className="quick-picker-alias" dir="auto">
                  {option.alias}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
