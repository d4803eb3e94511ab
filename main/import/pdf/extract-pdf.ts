import { setImmediate as nextTurn } from 'node:timers/promises';
import { ApiError } from '../../../shared/api/errors';
import type { OutlineItem } from '../../../shared/model/document-structure';
import { pageText, TEXT_ASSEMBLY, textContentParams } from '../../../shared/pdf/page-text';
import type { ExtractedDocument, ImportLimits } from '../extracted-document';
import { CanonicalTextBuilder } from './canonical-text';
import { checkPdfEnvelope } from './pdf-envelope';
import { cancelledError, fileLabel, pdfjsFailure, type FileLabel } from './pdf-errors';
import { readPdfMetadata } from './pdf-metadata';
import { readOutline } from './pdf-outline';
import { loadPdfjs, pdfjsAssetOptions } from './pdfjs';
import { textLayerNotices } from './text-layer-notice';
import { isUnreadable, unreadableTextNotices } from './unreadable-text';

export interface ExtractPdfOptions {
  limits: ImportLimits;
  password?: string;
  signal?: AbortSignal;
  /** Pages read by this call so far (another thread's share counts on its own). */
  onProgress?: (pagesDone: number, pageCount: number) => void;
  /** Names the file in error messages ("“report.pdf” is password protected."). */
  fileName?: string;
  /**
   * Invites another thread to read pages of this PDF alongside this call,
   * claiming them from `claims` (see readSharedPages). It answers with the
   * pages that thread read, or undefined when no thread joined or it failed;
   * the pages it claimed are then read here. Not called for short PDFs.
   */
  sharePages?: (claims: SharedArrayBuffer) => Promise<PageChunk[] | undefined>;
}

/** Consecutive pages read by one thread: `texts[0]` is page `first` (1-based). */
export interface PageChunk {
  first: number;
  texts: string[];
}

/** Below this a second thread costs more (loading the file twice) than it saves. */
const MIN_PAGES_TO_SHARE = 48;

/**
 * Threads reading one PDF claim its pages this many at a time, from the
 * front: neither waits long for the other at the end, and a helper that
 * starts late (a cold worker loads pdf.js first) simply claims less.
 */
const CLAIM_PAGES = 4;

const CACHE_CLEANUP_PAGES = 100;

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

function formatSize(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : [bytes / 1024, 'KB'];
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit}`;
}

function checkSize(bytes: Uint8Array, limits: ImportLimits, label: FileLabel): void {
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new ApiError('FILE_TOO_LARGE', `${label.subject} is ${formatSize(bytes.byteLength)}; Fieldbook imports files of up to ${formatSize(limits.maxFileBytes)}.`);
  }
}

type PdfDocument = Awaited<ReturnType<Awaited<ReturnType<typeof loadPdfjs>>['getDocument']>['promise']>;

/**
 * Open a PDF with pdf.js and run `work` on it; pdf.js is torn down after,
 * whatever happens. Errors become ApiErrors naming the file.
 */
export async function withPdf<T>(bytes: Uint8Array, options: ExtractPdfOptions, work: (pdf: PdfDocument) => Promise<T>): Promise<T> {
  const { limits, signal } = options;
  const label = fileLabel(options.fileName);
  throwIfCancelled(signal);
  checkSize(bytes, limits, label);
  checkPdfEnvelope(bytes, label);
  const pdfjs = await loadPdfjs();
  throwIfCancelled(signal);

  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and may transfer) the buffer it is given, and
    // refuses Node Buffers: a copy leaves the caller's bytes intact.
    data: new Uint8Array(bytes),
    ...(options.password === undefined ? {} : { password: options.password }),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...pdfjsAssetOptions(),
  });
  // Destroying the task stops pdf.js mid-parse, so a cancelled import of a
  // huge file does not run to the end of the current step.
  const stop = () => void task.destroy().catch(() => undefined);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const pdf = await task.promise;
    if (pdf.numPages > limits.maxPdfPages) {
      throw new ApiError(
        'FILE_TOO_LARGE',
        `${label.subject} has ${pdf.numPages.toLocaleString('en-US')} pages; Fieldbook imports PDFs of up to ${limits.maxPdfPages.toLocaleString('en-US')} pages.`,
      );
    }
    return await work(pdf);
  } catch (error) {
    throw signal?.aborted ? cancelledError() : pdfjsFailure(error, label);
  } finally {
    signal?.removeEventListener('abort', stop);
    // destroy() frees the document, its pages and pdf.js's message port;
    // a failure to tear down changes nothing for the caller.
    await task.destroy().catch(() => undefined);
  }
}

/** Reads pages for one thread, page by page, releasing pdf.js's caches as it goes. */
class PageReader {
  #read = 0;

  constructor(
    private readonly pdf: PdfDocument,
    private readonly signal: AbortSignal | undefined,
    private readonly onPage: (pageNumber: number, text: string) => void,
  ) {}

  async read(first: number, last: number): Promise<void> {
    for (let pageNumber = first; pageNumber <= last; pageNumber++) {
      // pdf.js's in-thread messaging runs on microtasks only; yielding a full
      // turn lets the worker receive a cancel message between pages.
      await nextTurn();
      throwIfCancelled(this.signal);
      const page = await this.pdf.getPage(pageNumber);
      try {
        const content = await page.getTextContent(textContentParams());
        this.onPage(pageNumber, pageText(content.items.flatMap((item) => ('str' in item ? [item] : []))));
      } finally {
        // Releases what pdf.js holds for this page as soon as its text is out.
        page.cleanup();
      }
      // page.cleanup() leaves pdf.js's document-wide caches (fonts, page
      // dictionaries) growing with every page; emptying them now and then
      // halves the memory a long document needs, at little cost in speed.
      if (++this.#read % CACHE_CLEANUP_PAGES === 0) await this.pdf.cleanup();
    }
  }

  /** Claims pages from `claims` (the next free group of pages, shared by every thread reading this PDF) and reads them, until none are left. */
  async readClaimed(claims: Int32Array): Promise<void> {
    for (;;) {
      const first = Atomics.add(claims, 0, 1) * CLAIM_PAGES + 1;
      if (first > this.pdf.numPages) return;
      await this.read(first, Math.min(this.pdf.numPages, first + CLAIM_PAGES - 1));
    }
  }
}

/**
 * Another thread's share of a PDF that extractPdf is reading: the pages it
 * claims from `claims`, as runs of consecutive pages.
 */
export function readSharedPages(bytes: Uint8Array, claims: SharedArrayBuffer, options: ExtractPdfOptions): Promise<PageChunk[]> {
  return withPdf(bytes, options, async (pdf) => {
    const chunks: PageChunk[] = [];
    let done = 0;
    const reader = new PageReader(pdf, options.signal, (pageNumber, text) => {
      const last = chunks.at(-1);
      if (last && last.first + last.texts.length === pageNumber) last.texts.push(text);
      else chunks.push({ first: pageNumber, texts: [text] });
      options.onProgress?.(++done, pdf.numPages);
    });
    await reader.readClaimed(new Int32Array(claims));
    return chunks;
  });
}

/** Page numbers (1-based) whose text is still missing, as runs of consecutive pages. */
function missingRuns(texts: readonly (string | undefined)[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  texts.forEach((text, index) => {
    if (text !== undefined) return;
    const last = runs.at(-1);
    if (last && last.last === index) last.last = index + 1;
    else runs.push({ first: index + 1, last: index + 1 });
  });
  return runs;
}

/**
 * A PDF's text, page ranges, metadata and outline. All or nothing: a
 * password problem, a damaged file, a limit or a cancellation throws an
 * ApiError and returns nothing partial. Another thread may read pages of a
 * long document alongside (see sharePages), so one large file uses two cores.
 */
export async function extractPdf(bytes: Uint8Array, options: ExtractPdfOptions): Promise<ExtractedDocument> {
  const { signal } = options;
  return withPdf(bytes, options, async (pdf) => {
    const pageCount = pdf.numPages;
    const texts = new Array<string | undefined>(pageCount).fill(undefined);
    let done = 0;
    const reader = new PageReader(pdf, signal, (pageNumber, text) => {
      texts[pageNumber - 1] = text;
      options.onProgress?.(++done, pageCount);
    });
    if (pageCount >= MIN_PAGES_TO_SHARE && options.sharePages) {
      const claims = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
      // A failed share is read here instead: the other thread's trouble is not this file's.
      // (Never rethrown: if this call stops early, nobody awaits it, and a rejection would kill the worker.)
      const helped = options.sharePages(claims).catch(() => undefined);
      await reader.readClaimed(new Int32Array(claims));
      // Only when the other thread claimed pages is there anything to wait for.
      if (texts.includes(undefined)) {
        for (const chunk of (await helped) ?? []) chunk.texts.forEach((text, offset) => (texts[chunk.first - 1 + offset] = text));
        throwIfCancelled(signal);
      }
    }
    for (const { first, last } of missingRuns(texts)) await reader.read(first, last);
    throwIfCancelled(signal);
    const text = new CanonicalTextBuilder();
    for (const pageText of texts) text.addPage(pageText ?? '');
    const { text: canonical, pages, blocks, emptyPages } = text.finish();

    const { info, metadata } = await pdf.getMetadata();
    const meta = readPdfMetadata(info, metadata);
    const unreadablePages = texts.filter((pageText) => pageText !== undefined && isUnreadable(pageText)).length;
    const notices = [...textLayerNotices(emptyPages, pageCount), ...unreadableTextNotices(unreadablePages, pageCount)];
    let outline: OutlineItem[] = [];
    try {
      outline = await readOutline(pdf);
    } catch (error) {
      if (signal?.aborted) throw error;
      // The outline is a convenience; a broken one should not block the import.
      notices.push('The table of contents in this PDF could not be read.');
    }
    throwIfCancelled(signal);

    return {
      kind: 'pdf',
      title: meta.title,
      authors: meta.authors,
      ...(meta.publishedAt === undefined ? {} : { publishedAt: meta.publishedAt }),
      ...(meta.language === undefined ? {} : { language: meta.language }),
      text: canonical,
      structure: { blocks, pages, ...(outline.length > 0 ? { outline } : {}) },
      assets: [],
      notices,
      pdf: { fingerprint: pdf.fingerprints[0] ?? '', pageCount, textAssembly: TEXT_ASSEMBLY },
    };
  });
}
