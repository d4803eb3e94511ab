import { openNotebookSearch } from '../../../search/notebook-search';
import { buildInThread } from '../../../search/segment-builder';
import type { Command } from '../command';
import { withNotebook } from '../open-notebook';

const BAR_WIDTH = 30;

export const reindexCommand: Command = {
  name: 'reindex',
  summary: 'Rebuild the search index of a notebook from its records',
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook (not while the app has it open)' },
    json: { help: 'print the figures as JSON' },
  },
  async run(values, _positionals, output) {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    const showProgress = !values.json && process.stderr.isTTY;
    const started = performance.now();
    try {
      const status = await withNotebook(values, { readOnly: false }, async (notebook) => {
        const search = openNotebookSearch(notebook, { build: buildInThread }, { catchUp: false });
        await search.indexer.loaded;
        await search.indexer.rebuild((done, total) => {
          if (showProgress) process.stderr.write(`\r\x1b[2K${bar(done, total)}`);
        }, controller.signal);
        await search.indexer.close();
        return search.indexer.status();
      });
      if (showProgress) process.stderr.write('\r\x1b[2K');
      const seconds = (performance.now() - started) / 1000;
      if (controller.signal.aborted) {
        output.err('Stopped: the index was left as it was.');
        return 1;
      }
      output.out(values.json ? JSON.stringify({ ...status, seconds }) : `Indexed ${status.entries} entries in ${status.segments} segment${status.segments === 1 ? '' : 's'} in ${seconds.toFixed(1)} s.`);
      return 0;
    } finally {
      process.off('SIGINT', stop);
    }
  },
};

/** "[#########-----]  60% 120/200 records" */
export function bar(done: number, total: number): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total} records`;
}
