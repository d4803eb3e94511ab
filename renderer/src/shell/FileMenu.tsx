import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ExchangeDialog } from '../exchange/useExchangeDialogs';
import type { ChosenFile } from '../import/dropped-files';
import { useFilePickers } from '../import/useFilePickers';
import '../exchange/exchange.css';

const exchangeItems: { dialog: ExchangeDialog; label: string }[] = [
  { dialog: 'export', label: 'Export notebook…' },
  { dialog: 'merge', label: 'Merge a notebook file…' },
  { dialog: 'export-other', label: 'Export for other tools…' },
  { dialog: 'conflicts', label: 'Merge conflicts…' },
];

interface FileMenuProps {
  onImport(files: ChosenFile[]): void;
  onNotebook(): void;
  onExchange(dialog: ExchangeDialog): void;
}

/** The window's File menu: import, notebooks, exchange with teammates and other tools. Electron's app menu does the same. */
export function FileMenu({ onImport, onNotebook, onExchange }: FileMenuProps) {
  const { pickFiles, pickFolder, inputs } = useFilePickers(onImport, { files: 'File menu: choose files', folder: 'File menu: choose a folder' });
  const items: { key: string; label: string; run(): void }[] = [
    { key: 'import-files', label: 'Import files…', run: pickFiles },
    { key: 'import-folder', label: 'Import folder…', run: pickFolder },
    { key: 'notebook', label: 'Switch or create a notebook…', run: onNotebook },
    ...exchangeItems.map((item) => ({ key: item.dialog, label: item.label, run: () => onExchange(item.dialog) })),
  ];
  const [expanded, setExpanded] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!expanded) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setExpanded(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [expanded]);

  const onKeyDown = (event: KeyboardEvent) => {
    const entries = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      setExpanded(false);
      button.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      entries[(at + (event.key === 'ArrowDown' ? 1 : entries.length - 1)) % entries.length]?.focus();
    }
  };

  return (
    <div className="file-menu" ref={root} onKeyDown={onKeyDown}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={expanded} onClick={() => setExpanded((open) => !open)}>
        File <span aria-hidden="true">▾</span>
      </button>
      {expanded && (
        <ul role="menu" aria-label="File" className="file-menu-items">
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  setExpanded(false);
                  item.run();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {inputs}
    </div>
  );
}
