import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

// The layer check (.dependency-cruiser.cjs, `npm run lint:layers`) run over a
// small tree shaped like Fieldbook's. The tree that keeps every rule must pass;
// each planted breach must be reported by its own rule and by no other, so a
// rule that stopped matching, or one that fired on lawful code, fails here.

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const depcruise = path.join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
const config = path.join(repo, '.dependency-cruiser.cjs');

type Tree = Record<string, string>;

const lawful: Tree = {
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
  // A stand-in for the real package, so `electron` resolves as it does in the repository.
  'node_modules/electron/package.json': '{ "name": "electron", "main": "index.js" }',
  'node_modules/electron/index.js': 'module.exports = {};',
  'shared/model/note.ts': 'export interface Note { id: string }',
  'main/storage/notebook.ts': "import type { Note } from '../../shared/model/note';\nexport const notes: Note[] = [];",
  'main/hosts/electron/window.ts': "import { app } from 'electron';\nimport { notes } from '../../storage/notebook';\nexport const start = () => [app, notes];",
  'main/hosts/cli/main.ts': "import { notes } from '../../storage/notebook';\nexport const run = () => notes;",
  'main/hosts/launcher/start.ts': "import { run } from '../cli/main';\nexport const start = run;",
  'renderer/src/notes/list.ts': "import type { Note } from '../../../shared/model/note';\nexport const list = (notes: Note[]) => notes;",
  'renderer/src/shell/app.ts': "import { list } from '../notes/list';\nexport const app = list;",
};

const breaches: Tree = {
  'main/storage/title-bar.ts': "import { BrowserWindow } from 'electron';\nexport const title = BrowserWindow;",
  'renderer/src/notes/open.ts': "import { notes } from '../../../main/storage/notebook';\nexport const open = notes;",
  'shared/model/file-name.ts': "import path from 'node:path';\nexport const base = path.basename;",
  'main/search/reindex-command.ts': "import { run } from '../hosts/cli/main';\nexport const reindex = run;",
  'main/hosts/electron/fallback.ts': "import { start } from '../launcher/start';\nexport const fallback = start;",
  // Folders that import each other through different files: no file cycle, one folder cycle.
  'main/notes/links.ts': "import { tagName } from '../tags/name';\nexport const link = tagName;",
  'main/notes/title.ts': 'export const noteTitle = (title: string) => title;',
  'main/tags/name.ts': 'export const tagName = (name: string) => name;',
  'main/tags/on-note.ts': "import { noteTitle } from '../notes/title';\nexport const onNote = noteTitle;",
  // Files that import each other inside one folder: a file cycle, no folder cycle.
  'main/tasks/queue.ts': "import { worker } from './worker';\nexport const queue = () => worker;",
  'main/tasks/worker.ts': "import { queue } from './queue';\nexport const worker = () => queue;",
  'main/tasks/progress.ts': "import { gone } from './removed';\nexport const progress = gone;",
};

let remove: (() => Promise<void>) | undefined;
afterEach(async () => {
  await remove?.();
  remove = undefined;
});

async function checkTree(tree: Tree): Promise<{ failed: boolean; violations: string[] }> {
  const temp = await makeTempDir('fieldbook-layers-');
  remove = temp.remove;
  for (const [file, text] of Object.entries(tree)) {
    await mkdir(path.dirname(path.join(temp.dir, file)), { recursive: true });
    await writeFile(path.join(temp.dir, file), text);
  }
  const run = promisify(execFile)(process.execPath, [depcruise, '--config', config, '--output-type', 'err', 'main', 'renderer/src', 'shared'], {
    cwd: temp.dir,
  });
  const output = await run.then(
    ({ stdout }) => ({ failed: false, stdout }),
    (error: { stdout?: string }) => ({ failed: true, stdout: error.stdout ?? '' }),
  );
  // Each violation starts "  error <rule>: <from> → ..."; the path it follows continues on the next lines.
  const violations = [...output.stdout.matchAll(/^\s*error ([\w-]+): (\S+) →/gm)].map(([, rule, from]) => `${rule}: ${from}`);
  return { failed: output.failed, violations: [...new Set(violations)].sort() };
}

describe('the layer check', () => {
  it('passes a tree that keeps every rule', async () => {
    expect(await checkTree(lawful)).toEqual({ failed: false, violations: [] });
  });

  it('fails on each planted breach, naming the rule it breaks', async () => {
    const result = await checkTree({ ...lawful, ...breaches });
    expect(result.failed).toBe(true);
    expect(result.violations).toEqual(
      [
        'electron-only-in-electron-host: main/storage/title-bar.ts',
        'renderer-imports-shared-and-itself: renderer/src/notes/open.ts',
        'shared-imports-neither-side: shared/model/file-name.ts',
        'services-import-no-host: main/search/reindex-command.ts',
        'launcher-imports-hosts-not-the-reverse: main/hosts/electron/fallback.ts',
        'no-folder-cycle: main/notes',
        'no-folder-cycle: main/tags',
        // A file cycle is reported once, from the file the check reached first.
        'no-module-cycle: main/tasks/queue.ts',
        'resolvable: main/tasks/progress.ts',
      ].sort(),
    );
  });
});
