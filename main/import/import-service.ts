import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, type ApiErrorShape } from '../../shared/api/errors';
import type { ImportFileResult, ImportSummary } from '../../shared/model/import';
import type { DocumentRecord } from '../../shared/model/records';
import { detectLanguage } from '../../shared/text/language';
import { findDocumentByContent } from '../notebook/records/documents';
import type { RecordService } from '../notebook/records/record-service';
import { sha256 } from '../notebook/storage/blob-store';
import { collectFiles } from './collect-files';
import { defaultImportLimits, type ExtractedDocument, type ImportLimits } from './extracted-document';
import { importMediaTypes } from '../../shared/model/import-formats';
import { detectKind } from './file-kind';
import type { ExtractionPool } from './worker/extraction-pool';

export interface ImportProgress {
  /** Files finished so far, of `total`. */
  done: number;
  total: number;
  current: string;
  /** How far the current file's extraction has got, for a PDF: pages read of its pages. */
  pages?: { done: number; total: number };
}

/** "report.pdf, page 120 of 600": what the import is doing now, in a few words. */
export function importStep({ current, pages }: ImportProgress): string {
  return pages ? `${current}, page ${pages.done.toLocaleString('en-US')} of ${pages.total.toLocaleString('en-US')}` : current;
}

/** Files done, a PDF being read counting as the share of its pages read: what a progress bar shows. */
export function filesDone({ done, pages }: ImportProgress): number {
  return pages && pages.total > 0 ? done + Math.min(1, pages.done / pages.total) : done;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** The password to open an encrypted PDF with, by the file's path. */
  passwordFor?: (file: string) => string | undefined;
}

/**
 * Imports files and folders into the open notebook: each file is read once,
 * recognised as a duplicate by its hash before any parsing, extracted in a
 * worker, then stored in the order chosen (original, text, structure, HTML,
 * images as blobs; the record last, so a failure leaves no half document). One bad file is
 * reported with its reason and the others go on.
 */
export class ImportService {
  readonly #records: RecordService;
  readonly #pool: () => ExtractionPool;
  readonly #limits: ImportLimits;

  constructor(records: RecordService, pool: () => ExtractionPool, limits: ImportLimits = defaultImportLimits) {
    this.#records = records;
    this.#pool = pool;
    this.#limits = limits;
  }

  async importPaths(paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
    const files = await collectFiles(paths, options.signal);
    const results: ImportFileResult[] = new Array(files.length);
    // Files are extracted side by side but stored in the order chosen, so which of two identical files counts as the duplicate does not depend on timing.
    const stored = files.map(() => Promise.withResolvers<void>());
    let done = 0;
    let next = 0;
    /** Set when the import cannot go on for any file (its workers could not start). */
    let stopped: ApiErrorShape | undefined;
    const nameOf = (index: number) => path.basename((files[Math.min(index, files.length - 1)] as (typeof files)[number]).path);
    // Progress speaks of the file the others wait for: files are stored in order, so that is the first not yet stored.
    const report = (index: number, pages?: ImportProgress['pages']) => {
      if (index === done) options.onProgress?.({ done, total: files.length, current: nameOf(index), ...(pages ? { pages } : {}) });
    };
    const lane = async () => {
      while (next < files.length && !options.signal?.aborted && !stopped) {
        const index = next++;
        const file = files[index] as (typeof files)[number];
        report(index);
        const onPages = (pagesDone: number, pages: number) => report(index, { done: pagesDone, total: pages });
        const turn = index === 0 ? Promise.resolve() : (stored[index - 1] as PromiseWithResolvers<void>).promise;
        const result = file.skip ? { path: file.path, status: 'failed' as const, reason: file.skip } : await this.importFile(file.path, { ...options, onPages }, turn);
        // Not this file's failure: it is left with the files not reached, and the reason is said once for the import.
        if (result.code === 'WORKER_FAILED') stopped ??= { code: result.code, message: result.reason ?? 'The import workers could not start.' };
        else results[index] = result;
        // A file that ended early (failed, duplicate) still passes the turn on only after the file before it.
        await turn;
        stored[index]?.resolve();
        done += 1;
        options.onProgress?.({ done, total: files.length, current: nameOf(done) });
      }
    };
    // Two files in flight keep both extraction workers busy; more would only queue.
    await Promise.all([lane(), lane()]);
    const finished = results.filter(Boolean);
    const count = (status: ImportFileResult['status']) => finished.filter((result) => result.status === status).length;
    return {
      results: finished,
      imported: count('imported'),
      duplicates: count('duplicate'),
      failed: count('failed'),
      cancelled: options.signal?.aborted === true,
      notReached: files.filter((_file, index) => !results[index]).map((file) => file.path),
      ...(stopped ? { error: stopped } : {}),
    };
  }

  /** Import one file; `turn` resolves when it may be stored (after the files before it). */
  async importFile(file: string, options: Pick<ImportOptions, 'signal' | 'passwordFor'> & { onPages?: (done: number, total: number) => void } = {}, turn: Promise<unknown> = Promise.resolve()): Promise<ImportFileResult> {
    const { signal, onPages } = options;
    try {
      const info = await stat(file);
      if (info.size > this.#limits.maxFileBytes) {
        throw new ApiError('FILE_TOO_LARGE', `The file is ${mebibytes(info.size)}; imports are limited to ${mebibytes(this.#limits.maxFileBytes)}.`);
      }
      const bytes = new Uint8Array(await readFile(file));
      const kind = detectKind(file, bytes);
      const duplicate = await findDocumentByContent(this.#records, sha256(bytes));
      if (duplicate) return { path: file, status: 'duplicate', documentId: duplicate.id, title: duplicate.title, reason: `Already in the notebook as “${duplicate.title}”.` };

      const password = options.passwordFor?.(file);
      const extracted = await this.#pool().run({ file, kind, bytes, limits: this.#limits, ...(password === undefined ? {} : { password }) }, { ...(signal ? { signal } : {}), ...(onPages ? { onProgress: onPages } : {}) });
      await turn;
      const document = await this.#store(file, bytes, extracted);
      if ('duplicateOf' in document) {
        return { path: file, status: 'duplicate', documentId: document.duplicateOf.id, title: document.duplicateOf.title, reason: `Already in the notebook as “${document.duplicateOf.title}”.` };
      }
      return { path: file, status: 'imported', documentId: document.id, title: document.title, ...(extracted.notices.length > 0 ? { notices: extracted.notices } : {}) };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CANCELLED') return { path: file, status: 'failed', reason: 'Cancelled.' };
      return { path: file, status: 'failed', reason: error instanceof Error ? error.message : String(error), ...(error instanceof ApiError ? { code: error.code } : {}) };
    }
  }

  async #store(file: string, bytes: Uint8Array, extracted: ExtractedDocument): Promise<DocumentRecord | { duplicateOf: DocumentRecord }> {
    const blobs = this.#records.store.blobs;
    const original = await blobs.put(bytes, extracted.mediaType ?? importMediaTypes[extracted.kind]);
    // Another file of the same batch may have been stored while this one was extracted.
    const duplicate = await findDocumentByContent(this.#records, original.sha256);
    if (duplicate) return { duplicateOf: duplicate };

    const text = await blobs.put(extracted.text, 'text/plain; charset=utf-8');
    const structure = await blobs.put(JSON.stringify(extracted.structure), 'application/json');
    const assets = await Promise.all(extracted.assets.map(async (asset) => ({ ...(await blobs.put(asset.bytes, asset.mediaType)), name: asset.name })));
    const html = extracted.html === undefined ? undefined : await blobs.put(extracted.html.replace(/\basset:(\d+)\b/g, (match, index: string) => (assets[Number(index)] ? `fieldbook-asset:${assets[Number(index)]?.sha256}` : match)), 'text/html; charset=utf-8');
    const detected = detectLanguage(extracted.text);
    const language = extracted.language ?? detected.language;

    return this.#records.create('documents', {
      kind: extracted.kind,
      title: extracted.title.trim() || path.basename(file).replace(/\.[^.]+$/, ''),
      authors: extracted.authors,
      ...(extracted.publishedAt ? { publishedAt: extracted.publishedAt } : {}),
      ...(extracted.sourceUrl ? { sourceUrl: extracted.sourceUrl } : {}),
      ...(extracted.siteName ? { siteName: extracted.siteName } : {}),
      ...(language ? { language } : {}),
      direction: extracted.direction ?? detected.direction,
      original,
      text,
      structure,
      ...(html ? { html } : {}),
      ...(assets.length > 0 ? { assets } : {}),
      ...(extracted.pdf ? { pdf: extracted.pdf } : {}),
      ...(extracted.notices.length > 0 ? { notices: extracted.notices } : {}),
      tags: [],
    });
  }

}

function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
