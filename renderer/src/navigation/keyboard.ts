import { useEffect } from 'react';
import { collectionOrder, type Section } from './sections';

interface Shortcuts {
  focusSearch(): void;
  showSection(section: Section): void;
  showShortcuts(): void;
}

export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The shortcuts that work everywhere in the window. In Electron the menu owns
 * the same accelerators and sends app.command instead; both end up here.
 */
export function useGlobalShortcuts(shortcuts: Shortcuts): void {
  const { focusSearch, showSection, showShortcuts } = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if ((mod && event.key.toLowerCase() === 'k') || (event.key === '/' && !isTyping(event.target))) {
        event.preventDefault();
        focusSearch();
        return;
      }
      if (event.key === '?' && !mod && !isTyping(event.target)) {
        event.preventDefault();
        showShortcuts();
        return;
      }
      const index = Number(event.key) - 1;
      if ((mod || event.altKey) && !event.shiftKey && index >= 0 && index < collectionOrder.length) {
        const section = collectionOrder[index];
        if (section) {
          event.preventDefault();
          showSection(section);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusSearch, showSection, showShortcuts]);
}
