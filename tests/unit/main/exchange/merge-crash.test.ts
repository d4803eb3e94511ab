import { spawn } from 'node:child_process';
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNotebook } from '../../../../main/exchange/export-notebook';
import { readAllRecords, recordTypes, type RecordSet } from '../../../../main/exchange/record-set';
import { runDoctor } from '../../../../main/notebook/doctor';
import { NotebookStore } from '../../../../main/notebook/notebook-store';
import { createHighlight } from '../../../../main/notebook/records/highlights';
import { TextCache } from '../../../../main/notebook/records/text-cache';
import { addTextDocument, generatedText, openTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { populatedNotebook } from './exchange-fixture';

const ROUNDS = 12;
const child = path.resolve(import.meta.dirname, '../../../support/merging-child.ts');

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let pristine: string;
let file: string;

/** The records of the notebook in `dir`, each kind sorted by id, and the names of its blobs. */
async function stateOf(dir: string): Promise<{ records: RecordSet; blobs: string[] }> {
  const store = await NotebookStore.open(dir);
  try {
    const records = await readAllRecords(store);
    for (const type of recordTypes) (records[type] as { id: string }[]).sort((a, b) => (a.id < b.id ? -1 : 1));
    return { records, blobs: (await store.blobs.list()).sort() };
  } finally {
    await store.close();
  }
}

/** A notebook with many small record files, so a merge into it writes for a while. */
async function largeNotebook(dir: string): Promise<void> {
  const { store, records } = await openTestNotebook(dir, 'Mallory');
  const texts = new TextCache(store.blobs);
  for (let d = 0; d < 30; d += 1) {
    const text = generatedText(12, d);
    const document = await addTextDocument(records, `Report ${d}`, text);
    await Promise.all(
      [0, 1, 2, 3].map((i) => createHighlight(records, texts, { documentId: document.id, anchor: { start: i * 20, end: i * 20 + 15 }, color: 'yellow', comment: `Highlight ${i}`, tags: [], actorIds: [], eventIds: [] })),
    );
  }
  await Promise.all(Array.from({ length: 300 }, (_, i) => records.create('notes', { title: `Note ${i}`, body: `Body of note ${i}.` })));
  await Promise.all(Array.from({ length: 300 }, (_, i) => records.create('actors', { name: `Actor ${i}`, kind: 'person', aliases: [], description: '', affiliations: [] })));
  await Promise.all(
    Array.from({ length: 300 }, (_, i) => records.create('events', { title: `Event ${i}`, date: { precision: 'day', start: '2026-01-01' }, location: '', type: 'Meeting', participants: [], evidence: [], notes: '' })),
  );
  await store.close();
}

/** Run the merging child; SIGKILL it `killAfterMs` after it is ready (never, when undefined). Resolves to whether it finished, and how long it took. */
function mergeInChild(dir: string, killAfterMs: number | undefined): Promise<{ finished: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, dir, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let readyAt = 0;
    process_.stdout.on('data', (chunk: Buffer) => {
      const wasReady = stdout.includes('ready\n');
      stdout += chunk.toString();
      if (wasReady || !stdout.includes('ready\n')) return;
      readyAt = performance.now();
      if (killAfterMs !== undefined) setTimeout(() => process_.kill('SIGKILL'), killAfterMs);
    });
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process_.on('exit', (code, signal) => {
      const finished = stdout.includes('merged\n');
      if (signal !== 'SIGKILL' && (code !== 0 || !finished)) return reject(new Error(`the merging child failed: ${stderr}`));
      resolve({ finished, ms: performance.now() - readyAt });
    });
  });
}

beforeAll(async () => {
  temp = await makeTempDir();
  await largeNotebook(path.join(temp.dir, 'source'));
  const source = await NotebookStore.open(path.join(temp.dir, 'source'));
  file = path.join(temp.dir, 'large.fieldbook');
  await exportNotebook(source, file, { author: 'Mallory' });
  await source.close();
  // The notebook merged into has records of its own, so the merge updates as well as adds.
  pristine = path.join(temp.dir, 'pristine');
  await (await populatedNotebook(pristine)).store.close();
});
afterAll(() => temp.remove());

describe('a merge killed at any moment', () => {
  it(`leaves the notebook as before or as after the merge, and doctor clean, through ${ROUNDS} SIGKILLs`, async () => {
    const before = await stateOf(pristine);
    const whole = path.join(temp.dir, 'whole');
    await cp(pristine, whole, { recursive: true });
    const { ms } = await mergeInChild(whole, undefined);
    const after = await stateOf(whole);
    expect(after).not.toEqual(before);

    const outcomes = { before: 0, after: 0, finishedAtOpen: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      const dir = path.join(temp.dir, `round-${round}`);
      await cp(pristine, dir, { recursive: true });
      // Anywhere in the merge, and a little before and after it.
      await mergeInChild(dir, Math.floor(Math.random() * ms * 1.1));

      // Before the next open, doctor sees only what the kill left: a merge to finish, or a staging folder to remove.
      const found = new Set((await runDoctor(dir)).problems.map((problem) => problem.kind));
      expect([...found].filter((kind) => kind !== 'interrupted-merge' && kind !== 'staging-leftover')).toEqual([]);
      if (found.has('interrupted-merge')) outcomes.finishedAtOpen += 1;

      const state = await stateOf(dir);
      expect((await runDoctor(dir)).problems).toEqual([]);
      expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/^\.exchange-/));
      const same = JSON.stringify(state) === JSON.stringify(after) ? 'after' : 'before';
      expect(state).toEqual(same === 'after' ? after : before);
      outcomes[same] += 1;
    }
    console.log(
      `merge crash test: ${outcomes.before} kills left the notebook as before, ${outcomes.after} as after, ${outcomes.finishedAtOpen} of them finished at the next open (a whole merge took ${Math.round(ms)} ms)`,
    );
  }, 180_000);
});
