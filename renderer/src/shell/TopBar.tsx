import type { ReactNode, RefObject } from 'react';
import type { NotebookInfo } from '../../../shared/model/notebook';
import type { Theme } from '../../../shared/model/settings';
import { collections, type Section } from '../navigation/sections';
import { nextTheme, themeLabels } from '../styles/theme';

interface TopBarProps {
  notebook: NotebookInfo;
  section: Section;
  query: string;
  onQuery(query: string): void;
  searchRef: RefObject<HTMLInputElement | null>;
  theme: Theme;
  onTheme(theme: Theme): void;
  onNotebook(): void;
  /** The File menu (exchange), beside the notebook's name. */
  fileMenu: ReactNode;
}

export function TopBar({ notebook, section, query, onQuery, searchRef, theme, onTheme, onNotebook, fileMenu }: TopBarProps) {
  const scope = Object.hasOwn(collections, section) ? collections[section as keyof typeof collections].label.toLowerCase() : undefined;
  return (
    <header className="top-bar">
      <div className="brand">
        <img src="/icon.svg" alt="" width={24} height={24} />
        <span className="brand-name">Fieldbook</span>
        <button type="button" className="notebook-name" dir="auto" title={`${notebook.path}\nRename, switch or create a notebook`} aria-haspopup="dialog" aria-label={`Notebook: ${notebook.name}. Rename or switch notebooks`} onClick={onNotebook}>
          {notebook.name} <span aria-hidden="true">▾</span>
        </button>
        {fileMenu}
      </div>
      <div role="search" className="search">
        <label htmlFor="search-input" className="visually-hidden">
          Search {scope ?? 'the notebook'}
        </label>
        <input
          id="search-input"
          ref={searchRef}
          type="search"
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          placeholder={scope ? `Search ${scope}…` : 'Search…'}
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onQuery('');
          }}
        />
        <kbd className="search-hint" aria-hidden="true">
          Ctrl K
        </kbd>
      </div>
      <button type="button" className="theme-button" onClick={() => onTheme(nextTheme(theme))} aria-label={`Theme: ${themeLabels[theme]}. Switch to ${themeLabels[nextTheme(theme)]}`}>
        <span aria-hidden="true">{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span> {themeLabels[theme]}
      </button>
    </header>
  );
}
