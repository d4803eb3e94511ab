import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultImportLimits } from '../../../../main/import/extracted-document';
import { extractPdf } from '../../../../main/import/pdf/extract-pdf';
import { ExtractionPool } from '../../../../main/import/worker/extraction-pool';
import type { WorkerEntry } from '../../../../main/tasks/worker-entry';
import { buildTextPdf } from '../../../support/pdf-builder';
import { budget } from '../../../support/time-budget';

const bytes = buildTextPdf(120, { seed: 7, info: { title: 'Shared work' } });
const request = { file: 'long.pdf', kind: 'pdf' as const, bytes, limits: defaultImportLimits };
// Workers start slowly from TypeScript source (tsx), so the tests share two pools.
const pools = new Map<number, ExtractionPool>();
const pool = (size: number) => {
  const existing = pools.get(size) ?? new ExtractionPool(size);
  pools.set(size, existing);
  return existing;
};
afterAll(() => Promise.all([...pools.values()].map((created) => created.close())));

describe('extraction pool', { timeout: budget(60_000) }, () => {
  it('splits a long PDF over two workers with exactly the result of reading it alone', async () => {
    const alone = await extractPdf(bytes, { limits: defaultImportLimits });
    const progress: number[] = [];
    const shared = await pool(2).run(request, { onProgress: (done) => progress.push(done) });
    expect(shared).toEqual(alone);
    expect(progress.at(-1)).toBe(120);
  });

  it('lets a worker that frees up join a long PDF already being read, with the same result', async () => {
    const alone = await extractPdf(bytes, { limits: defaultImportLimits });
    // The short file holds the second worker when the long one asks for help; it joins once free.
    const [shared, short] = await Promise.all([pool(2).run(request), pool(2).run({ ...request, file: 'short.pdf', bytes: buildTextPdf(3, { seed: 9 }) })]);
    expect(shared).toEqual(alone);
    expect(short.pdf?.pageCount).toBe(3);
  });

  it('reads everything in one worker when no other is free', async () => {
    const alone = await extractPdf(bytes, { limits: defaultImportLimits });
    expect(await pool(1).run(request)).toEqual(alone);
  });

  it('runs several files side by side and keeps each result with its file', async () => {
    const two = pool(2);
    const files = [1, 2, 3].map((seed) => ({ ...request, file: `f${seed}.pdf`, bytes: buildTextPdf(60, { seed, info: { title: `File ${seed}` } }) }));
    const results = await Promise.all(files.map((file) => two.run(file)));
    expect(results.map((result) => result.title)).toEqual(['File 1', 'File 2', 'File 3']);
  });

  it('reports a worker that fails on a file as that file\'s error and goes on', async () => {
    const two = pool(2);
    await expect(two.run({ ...request, bytes: new TextEncoder().encode('%PDF-1.7 garbage') })).rejects.toMatchObject({ code: 'DAMAGED_FILE' });
    expect((await two.run({ ...request, bytes: buildTextPdf(2) })).pdf?.pageCount).toBe(2);
  });

  it('cancels a running extraction, including the pages shared out', async () => {
    const controller = new AbortController();
    const running = pool(2).run({ ...request, bytes: buildTextPdf(600) }, { signal: controller.signal, onProgress: (done) => done === 20 && controller.abort() });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('extraction pool whose workers fail', { timeout: budget(60_000) }, () => {
  const entry = (name: string): WorkerEntry => ({ url: pathToFileURL(`${import.meta.dirname}/../../../support/workers/${name}`), execArgv: [] });
  const files = ['a.md', 'b.txt', 'c.pdf'].map((file) => ({ ...request, file, bytes: new TextEncoder().encode('# Notes') }));

  it('reports a worker that cannot load its code as a worker failure naming the cause, not as a damaged file', async () => {
    const broken = new ExtractionPool(2, entry('unloadable-worker.mjs'));
    try {
      const outcomes = await Promise.allSettled(files.map((file) => broken.run(file)));
      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        const error = (outcome as PromiseRejectedResult).reason as { code: string; message: string };
        expect(error.code).toBe('WORKER_FAILED');
        expect(error.message).toMatch(/^The import worker could not start: Cannot find package 'fieldbook-package-that-is-not-installed'/);
        expect(error.message).not.toMatch(/\.md|\.txt|\.pdf/);
      }
    } finally {
      await broken.close();
    }
  });

  it("still reports a worker that dies on a file, once started, as that file's failure", async () => {
    const crashing = new ExtractionPool(1, entry('crashing-extract-worker.mjs'));
    try {
      await expect(crashing.run(files[0]!)).rejects.toMatchObject({ code: 'DAMAGED_FILE', message: 'Reading “a.md” failed: exited with code 3' });
    } finally {
      await crashing.close();
    }
  });

  it('cancels, rather than blames, a file being read when the pool is shut down', async () => {
    const silent = new ExtractionPool(1, entry('silent-extract-worker.mjs'));
    const running = silent.run(files[0]!);
    await silent.close();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
