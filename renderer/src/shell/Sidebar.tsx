import { useRef, type KeyboardEvent } from 'react';
import type { LibraryCounts } from '../../../shared/model/library';
import { collectionOrder, collections, type Section } from '../navigation/sections';

const sections: readonly Section[] = [...collectionOrder, 'highlights', 'timeline', 'network', 'mentions', 'settings'];

interface SidebarProps {
  section: Section;
  counts: LibraryCounts;
  onSelect(section: Section): void;
}

/** The library: one tab stop, arrows move between sections (WAI-ARIA roving focus). */
export function Sidebar({ section, counts, onSelect }: SidebarProps) {
  const buttons = useRef(new Map<Section, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const current = sections.indexOf(section);
    const target =
      event.key === 'ArrowDown' ? sections[(current + 1) % sections.length]
      : event.key === 'ArrowUp' ? sections[(current - 1 + sections.length) % sections.length]
      : event.key === 'Home' ? sections[0]
      : event.key === 'End' ? sections[sections.length - 1]
      : undefined;
    if (!target) return;
    event.preventDefault();
    onSelect(target);
    buttons.current.get(target)?.focus();
  };

  const item = (id: Section, label: string, count?: number) => (
    <li key={id}>
      <button
        type="button"
        ref={(element) => {
          if (element) buttons.current.set(id, element);
          else buttons.current.delete(id);
        }}
        className="nav-item"
        aria-current={section === id ? 'page' : undefined}
        tabIndex={section === id ? 0 : -1}
        onClick={() => onSelect(id)}
      >
        <span>{label}</span>
        {count !== undefined && (
          <span className="count" aria-label={`${count} ${count === 1 ? collections[id as keyof typeof collections].singular : label.toLowerCase()}`}>
            {count}
          </span>
        )}
      </button>
    </li>
  );

  return (
    <nav className="sidebar" aria-label="Library" onKeyDown={onKeyDown}>
      <h2 className="sidebar-heading">Library</h2>
      <ul>
        {collectionOrder.map((id) => item(id, collections[id].label, counts[id]))}
        {item('highlights', 'Highlights')}
        {item('timeline', 'Timeline')}
        {item('network', 'Network')}
        {item('mentions', 'Mentions')}
      </ul>
      <ul className="sidebar-footer">{item('settings', 'Settings')}</ul>
    </nav>
  );
}
