import { defaultImportLimits, type ImportLimits } from '../../../import/extracted-document';
import { ImportService, importStep } from '../../../import/import-service';
import { ExtractionPool } from '../../../import/worker/extraction-pool';
import { openNotebookSearch } from '../../../search/notebook-search';
import { buildInThread } from '../../../search/segment-builder';
import { type Command, optionalString, type OptionValues, UsageError } from '../command';
import { withNotebook } from '../open-notebook';
import { readSecretFile } from '../secret-file';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import PDFs, saved web pages, Word documents, EPUB books, Markdown and text files (folders recursively)',
  positionals: { usage: 'PATH...', help: 'the files and folders to import' },
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook to import into' },
    'max-size': { value: 'MB', help: `refuse files larger than this (default ${defaultImportLimits.maxFileBytes / 2 ** 20})` },
    'max-pages': { value: 'N', help: `refuse PDFs with more pages (default ${defaultImportLimits.maxPdfPages})` },
    'password-file': { value: 'F', help: 'open password-protected PDFs with the password on the first line of F' },
    json: { help: 'print one JSON object: per-file results and the summary' },
  },
  async run(values, positionals, output) {
    if (positionals.length === 0) throw new UsageError('Name the files or folders to import.');
    const limits: ImportLimits = {
      ...defaultImportLimits,
      maxFileBytes: positiveNumber(values, 'max-size', defaultImportLimits.maxFileBytes / 2 ** 20) * 2 ** 20,
      maxPdfPages: positiveNumber(values, 'max-pages', defaultImportLimits.maxPdfPages),
    };
    const passwordFile = optionalString(values, 'password-file');
    const password = passwordFile === undefined ? undefined : await readSecretFile(passwordFile, 'password-file');
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    const pool = new ExtractionPool();
    const showProgress = !values.json && process.stderr.isTTY;
    try {
      const summary = await withNotebook(values, { readOnly: false }, async (notebook) => {
        const imported = await new ImportService(notebook.records, () => pool, limits).importPaths(positionals, {
          signal: controller.signal,
          ...(password === undefined ? {} : { passwordFor: () => password }),
          onProgress: (step) => {
            if (showProgress) process.stderr.write(`\r\x1b[2KImporting ${step.done}/${step.total} ${importStep(step)}`);
          },
        });
        // Indexed now, so the documents are found as soon as the app opens the notebook (or `fieldbook search` reads it)
        // instead of being caught up then. Interrupted, the index is simply caught up later.
        if (imported.imported > 0 && !controller.signal.aborted) {
          if (showProgress) process.stderr.write('\r\x1b[2KIndexing for search');
          const search = openNotebookSearch(notebook, { build: buildInThread }, { catchUp: false });
          await search.indexer.loaded;
          await search.indexer.catchUp(undefined, controller.signal);
          await search.indexer.close();
        }
        return imported;
      });
      if (showProgress) process.stderr.write('\r\x1b[2K');
      if (values.json) {
        output.out(JSON.stringify(summary));
      } else {
        for (const result of summary.results) {
          const detail = result.status === 'imported' ? `“${result.title ?? ''}”${result.notices ? ` (${result.notices.join(' ')})` : ''}` : (result.reason ?? '');
          output.out(`${result.status.padEnd(9)} ${result.path}  ${detail}`);
        }
        for (const file of summary.notReached) output.out(`${'skipped'.padEnd(9)} ${file}  not reached: the import was ${summary.error ? 'stopped' : 'cancelled'}`);
        output.out(
          `${summary.imported} imported, ${summary.duplicates} already in the notebook, ${summary.failed} failed${summary.cancelled ? `; cancelled with ${summary.notReached.length} not reached` : ''}.`,
        );
      }
      // Said on the error stream, last, even with --json: it is why nothing (or not everything) was read.
      if (summary.error) output.err(`fieldbook import: ${summary.error.message}`);
      return summary.failed > 0 || summary.cancelled || summary.error ? 1 : 0;
    } finally {
      process.off('SIGINT', stop);
      await pool.close();
    }
  },
};

function positiveNumber(values: OptionValues, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} must be a positive number, not "${String(raw)}".`);
  return value;
}
