import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';

/**
 * Folders nested deeper than a path may be long (PATH_MAX): listing the
 * deepest fails inside main. Built with short names, then renamed deepest
 * first, so no single call names the whole path.
 */
const levels = 20;
const short = Array.from({ length: levels }, () => 'd');
const long = 'd'.repeat(250);

async function folderTooDeepToList(root: string): Promise<void> {
  await mkdir(path.join(root, ...short), { recursive: true });
  for (let depth = levels; depth >= 1; depth -= 1) {
    const parent = path.join(root, ...short.slice(0, depth - 1));
    await rename(path.join(parent, 'd'), path.join(parent, long));
  }
}

/** Shorten the names again, from the top, so the folder can be removed. */
async function shortenAgain(root: string): Promise<void> {
  for (let depth = 1; depth <= levels; depth += 1) {
    const parent = path.join(root, ...short.slice(0, depth - 1));
    await rename(path.join(parent, long), path.join(parent, 'd'));
  }
}

test('an import that fails inside main says what failed and why, in the summary and the status line', async ({ app }) => {
  const { page: ui } = app;
  // A batch handed over as the page would, holding one file and a folder main cannot list.
  const batch = randomUUID();
  const batchDir = path.join(app.notebookDir, '.incoming', batch);
  await mkdir(batchDir, { recursive: true });
  await writeFile(path.join(batchDir, 'brief.txt'), 'Rockets struck the Green Zone at dawn.');
  await folderTooDeepToList(batchDir);

  try {
    await app.call('import.start', { batch });
    const summary = ui.getByRole('dialog', { name: 'Import failed' });
    await expect(summary.getByRole('alert')).toContainText(/The import stopped: ENAMETOOLONG/);
    const status = ui.getByRole('contentinfo');
    await expect(status.getByRole('alert')).toContainText(/Importing failed: ENAMETOOLONG: name too long, scandir/);
    await summary.getByRole('button', { name: 'Close' }).click();
    // The failure stays in the status line until it is dismissed.
    await expect(status.getByRole('alert')).toBeVisible();
    await status.getByRole('button', { name: 'Dismiss' }).click();
    await expect(status.getByRole('alert')).toHaveCount(0);
  } finally {
    // Main cannot remove the batch either: the names are shortened so that it can be.
    await shortenAgain(batchDir);
  }
});
