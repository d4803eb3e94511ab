import path from 'node:path';
import type { z } from 'zod';
import type { MergeReport } from '../../shared/exchange/merge-report';
import { EXCHANGE_UPLOAD_NAME, type AnnotationExportArgs, type Download, type ExportArgs, type ExportOutcome, type MergeArgs } from '../../shared/exchange/transfer';
import type { EventBus } from '../bus/event-bus';
import type { UploadStore } from '../import/upload-store';
import type { NotebookStore } from '../notebook/notebook-store';
import { writeFileAtomic } from '../notebook/storage/atomic-write';
import { eventsCsv } from './events-csv';
import { exportNotebook } from './export-notebook';
import { markdownReport } from './markdown-report';
import { mergeExchangeFile, type MergeOptions } from './merge-notebook';
import { OutgoingFiles } from './outgoing-files';
import { readAllRecords } from './record-set';
import { selectRecords } from './selection';
import { annotationCollection } from './w3c-annotations';

/** What the API's exchange calls work on: the open notebook's store, its uploads, and the bus that tells open views. */
export interface ExchangeContext {
  store: NotebookStore;
  uploads: UploadStore;
  events: EventBus;
  author: string;
}

/**
 * The UI's exchange calls. Files never cross the API as paths: an export is
 * written to the notebook's outgoing folder and handed over by the host as a
 * download; a file to merge arrives as an upload.
 */
export async function exportForDownload(context: ExchangeContext, args: z.output<typeof ExportArgs>): Promise<ExportOutcome> {
  const outgoing = new OutgoingFiles(context.store.info.path);
  const target = await outgoing.prepare(context.store.info.name, '.fieldbook');
  try {
    const result = await exportNotebook(context.store, target.path, { selection: args.selection, author: context.author, ...(args.passphrase !== undefined ? { passphrase: args.passphrase } : {}) });
    return { download: await outgoing.describe(target.id), encrypted: result.encrypted, selection: result.manifest.selection, counts: result.counts };
  } catch (error) {
    await outgoing.discard(target.id);
    throw error;
  }
}

/** W3C Web Annotations (JSON-LD), events as CSV, or a Markdown report, as a download. */
export async function exportAnnotationsForDownload(context: ExchangeContext, args: z.output<typeof AnnotationExportArgs>): Promise<Download> {
  const all = await readAllRecords(context.store);
  let text: string;
  let extension: string;
  if (args.format === 'markdown') {
    text = markdownReport(all, args.subject);
    extension = '.md';
  } else {
    const { records } = selectRecords(all, args.selection);
    [text, extension] = args.format === 'w3c' ? [`${JSON.stringify(annotationCollection(records, context.store.info.name), null, 2)}\n`, '.annotations.jsonld'] : [eventsCsv(records), '.events.csv'];
  }
  const outgoing = new OutgoingFiles(context.store.info.path);
  const target = await outgoing.prepare(context.store.info.name, extension);
  await writeFileAtomic(target.path, text);
  return outgoing.describe(target.id);
}

/**
 * Merge the exchange file uploaded in `batch` into the open notebook, through
 * its own store (so its lock and write queue apply). A dry run keeps the
 * upload for the merge that follows; an applied merge lets go of it. `watch`
 * is the task the host runs it as: its progress, and its cancel button.
 */
export async function mergeUpload(context: ExchangeContext, args: z.output<typeof MergeArgs>, watch: Pick<MergeOptions, 'signal' | 'progress'> = {}): Promise<MergeReport> {
  const file = path.join(context.uploads.batchDir(args.batch), EXCHANGE_UPLOAD_NAME);
  const report = await mergeExchangeFile(context.store, file, { ...watch, dryRun: args.dryRun, events: context.events, ...(args.passphrase !== undefined ? { passphrase: args.passphrase } : {}) });
  if (!args.dryRun) await context.uploads.discard(args.batch);
  return report;
}
