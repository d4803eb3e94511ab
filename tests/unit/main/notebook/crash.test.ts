import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../../../main/notebook/doctor';
import { NotebookStore } from '../../../../main/notebook/notebook-store';
import { addTextDocument, generatedText, openTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';

const ROUNDS = 12;
const writer = path.resolve(import.meta.dirname, '../../../support/crash-writer.ts');

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let notebook: string;
let documentIds: string[];

beforeAll(async () => {
  temp = await makeTempDir();
  notebook = path.join(temp.dir, 'nb');
  const { store, records } = await openTestNotebook(notebook);
  documentIds = [];
  for (let i = 0; i < 3; i += 1) documentIds.push((await addTextDocument(records, `Document ${i}`, generatedText(40, i))).id);
  await store.close();
});
afterAll(() => temp.remove());

/** Start the writer, let it run for `ms` after it is ready, SIGKILL it; return the ids it acknowledged. */
function writeThenKill(ms: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, notebook, ...documentIds], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const wasReady = stdout.includes('ready\n');
      stdout += chunk.toString();
      if (!wasReady && stdout.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer stopped by itself: ${stderr}`));
      // The last line may be cut mid-write by the kill: only complete lines were acknowledged.
      const lines = stdout.split('\n').slice(0, -1);
      resolve(lines.filter((line) => line !== 'ready'));
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged write through ${ROUNDS} SIGKILLs at random moments`, async () => {
    const acknowledged = new Set<string>();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const id of await writeThenKill(20 + Math.floor(Math.random() * 250))) acknowledged.add(id);

      const report = await runDoctor(notebook);
      expect(report.problems).toEqual([]);
      // The dead writer's lock is stale: opening takes it over.
      const store = await NotebookStore.open(notebook);
      const stored = new Set([...(await store.collection('highlights').all()), ...(await store.collection('actors').all())].map((record) => record.id));
      await store.close();
      const lost = [...acknowledged].filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
    }
    console.log(`crash test: ${acknowledged.size} acknowledged writes survived ${ROUNDS} kills`);
    expect(acknowledged.size).toBeGreaterThan(ROUNDS * 4);
  }, 120_000);
});
