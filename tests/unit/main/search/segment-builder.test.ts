import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextCache } from '../../../../main/notebook/records/text-cache';
import { SearchIndexer } from '../../../../main/search/indexer';
import { buildInThread, SegmentBuilder } from '../../../../main/search/segment-builder';
import type { EntrySource } from '../../../../main/search/entry-meta';
import type { SearchStatus } from '../../../../shared/search/results';
import { addTextDocument, openTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { budget } from '../../../support/time-budget';

const unloadable = { url: pathToFileURL(path.join(import.meta.dirname, '../../../support/workers/unloadable-worker.mjs')), execArgv: [] };

describe('segment builder', { timeout: budget(60_000) }, () => {
  const builders: SegmentBuilder[] = [];
  afterEach(async () => {
    await Promise.all(builders.splice(0).map((builder) => builder.close()));
    vi.restoreAllMocks();
  });

  it('builds in its worker the same segment as in the calling thread', async () => {
    const builder = new SegmentBuilder();
    builders.push(builder);
    const sources: EntrySource[] = [];
    expect(await builder.build(sources)).toEqual(await buildInThread(sources));
  });

  it('reports a worker that cannot load its code as a worker that could not start, naming the cause', async () => {
    const builder = new SegmentBuilder(unloadable);
    builders.push(builder);
    await expect(builder.build([])).rejects.toMatchObject({
      code: 'WORKER_FAILED',
      message: expect.stringMatching(/^The search index worker could not start: Cannot find package 'fieldbook-package-that-is-not-installed'/),
    });
  });

  it('puts a failed index build in search.status until an update succeeds, not only in the log', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const temp = await makeTempDir();
    const notebook = await openTestNotebook(path.join(temp.dir, 'nb'));
    const broken = new SegmentBuilder(unloadable);
    builders.push(broken);
    let workerBroken = true;
    const statuses: SearchStatus[] = [];
    const indexer = new SearchIndexer(
      notebook.store.info.path,
      { records: notebook.records, texts: new TextCache(notebook.store.blobs) },
      { build: (sources) => (workerBroken ? broken.build(sources) : buildInThread(sources)), writable: true, onChange: (status) => statuses.push(status) },
    );
    try {
      await indexer.caughtUp;
      const first = await addTextDocument(notebook.records, 'Convoy log', 'The convoy left at dawn.');
      indexer.notify('documents', [first.id]);
      await indexer.flush();
      expect(indexer.status().error).toMatch(/^Indexing changes for search failed: The search index worker could not start: Cannot find package/);
      expect(statuses.at(-1)?.error).toBe(indexer.status().error);

      workerBroken = false;
      indexer.notify('documents', [first.id]);
      await indexer.flush();
      expect(indexer.status().error).toBeUndefined();
      expect(statuses.at(-1)?.error).toBeUndefined();

      // A full rebuild that succeeds clears it too, though it leaves nothing to catch up with.
      workerBroken = true;
      indexer.notify('documents', [first.id]);
      await indexer.flush();
      expect(indexer.status().error).toBeDefined();
      workerBroken = false;
      await indexer.rebuild();
      expect(indexer.status().error).toBeUndefined();
    } finally {
      await indexer.close();
      await notebook.store.close();
      await temp.remove();
    }
  });
});
