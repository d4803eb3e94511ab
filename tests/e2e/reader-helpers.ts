import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { budget } from '../support/time-budget';

export const file = (name: string, mimeType: string, content: string | Uint8Array) => ({ name, mimeType, buffer: Buffer.from(content) });

/** Import through the UI, as a user does, and close the summary. */
export async function importFiles(ui: Page, files: ReturnType<typeof file>[]): Promise<void> {
  await ui.getByLabel('Files to import').setInputFiles(files);
  const summary = ui.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText(`${files.length} imported`, { timeout: budget(20_000) });
  await summary.getByRole('button', { name: 'Close' }).click();
}

export async function openDocument(ui: Page, title: string): Promise<void> {
  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Documents/ }).click();
  await ui.getByRole('main').getByRole('button', { name: title, exact: true }).click();
  await expect(ui.locator('#reader-title')).toHaveText(title);
  await expect(ui.locator('.reader-content')).not.toBeEmpty();
}

/** Select `phrase` (its first occurrence in the reader's text) the way a drag would leave the selection. */
export async function selectPhrase(ui: Page, phrase: string, until?: string): Promise<void> {
  await ui.evaluate(
    ({ phrase, until }) => {
      const root = document.querySelector('.reader-content') as HTMLElement;
      const locate = (needle: string, fromEnd: boolean) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.nodeValue ?? '').indexOf(needle);
          if (at !== -1) return { node, offset: fromEnd ? at + needle.length : at };
        }
        throw new Error(`"${needle}" is not in the reader`);
      };
      // A drag in the text takes the focus from a field (the tag box a highlight leaves focused).
      (document.activeElement as HTMLElement | null)?.blur();
      const start = locate(phrase, false);
      const end = locate(until ?? phrase, true);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const selection = document.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { phrase, until },
  );
  // selectionchange reaches the reader a task later; a key pressed before that would find no selection.
  await readerSawSelection(ui);
}

async function readerSawSelection(ui: Page): Promise<void> {
  await expect(ui.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();
}

/** The text under each painted highlight colour, as shown, read from the CSS highlight registry the view paints into. */
export async function paintedText(ui: Page): Promise<Record<string, string[]>> {
  return ui.evaluate(() => {
    const painted: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('fb-text-') || name === 'fb-text-mark' || name === 'fb-text-flash' || highlight.size === 0) continue;
      // The DOM's own whitespace, collapsed as it is shown (no-break spaces stay).
      painted[name.slice('fb-text-'.length)] = [...highlight].map((range) => range.toString().replace(/[ \t\n\r\f]+/g, ' '));
    }
    return painted;
  });
}

/** Reload the whole app (the notebook stays), then reopen the document. */
export async function reloadAndReopen(ui: Page, title: string): Promise<void> {
  await ui.reload();
  await ui.getByRole('heading', { level: 1 }).first().waitFor();
  await openDocument(ui, title);
}

/** Highlight the selection with the H key, once the reader has seen the selection (selectionchange arrives a task later). */
export async function highlightWithKey(ui: Page): Promise<void> {
  await readerSawSelection(ui);
  await ui.keyboard.press('h');
}
