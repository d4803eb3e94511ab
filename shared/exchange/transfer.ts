import { z } from 'zod';
import { RecordId } from '../model/records';
import { Counts } from './merge-report';
import { ExportSelection } from './selection';

/** The name an exchange file is uploaded under, in its own upload batch, for a merge. */
export const EXCHANGE_UPLOAD_NAME = 'exchange.fieldbook';

export const MIN_PASSPHRASE_LENGTH = 8;
const Passphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`).max(1024);

/**
 * A file main prepared for the person (an export), waiting to be handed over:
 * Electron asks where to save it, the browser host offers it as a download.
 * It is handed over once.
 */
export const Download = z.object({ id: RecordId, fileName: z.string().min(1).max(255), size: z.number().int().nonnegative() });
export type Download = z.infer<typeof Download>;

/** Where the person put a download: a path (Electron's save dialog), the browser's downloads, or nowhere (cancelled). */
export const DownloadOutcome = z.object({ saved: z.boolean(), path: z.string().optional() });
export type DownloadOutcome = z.infer<typeof DownloadOutcome>;

export const ExportArgs = z.object({ selection: ExportSelection.default({}), passphrase: Passphrase.optional() }).strict();

export const ExportOutcome = z.object({
  download: Download,
  encrypted: z.boolean(),
  /** The selection, in words. */
  selection: z.string(),
  counts: Counts,
});
export type ExportOutcome = z.infer<typeof ExportOutcome>;

/** Merge the exchange file uploaded as EXCHANGE_UPLOAD_NAME in `batch`. */
export const MergeArgs = z.object({ batch: RecordId, passphrase: z.string().min(1).max(1024).optional(), dryRun: z.boolean().default(true) }).strict();

export const AnnotationFormat = z.enum(['w3c', 'events-csv', 'markdown']);
export type AnnotationFormat = z.infer<typeof AnnotationFormat>;

/** W3C Web Annotations and events CSV take a selection; a Markdown report is about one document, actor or event. */
export const AnnotationExportArgs = z.discriminatedUnion('format', [
  z.object({ format: z.literal('w3c'), selection: ExportSelection.default({}) }).strict(),
  z.object({ format: z.literal('events-csv'), selection: ExportSelection.default({}) }).strict(),
  z.object({ format: z.literal('markdown'), subject: z.object({ kind: z.enum(['document', 'actor', 'event']), id: RecordId }).strict() }).strict(),
]);
