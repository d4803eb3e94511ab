import { setImmediate as nextTurn } from 'node:timers/promises';
import { ApiError } from '../../../shared/api/errors';
import type { OutlineItem } from '../../../shared/model/document-structure';
import { pageText } from '../../../shared/pdf/page-text';
import type { ExtractedDocument, ImportLimits } from '../extracted-document';
import { CanonicalTextBuilder } from './canonical-text';
import { checkPdfEnvelope } from './pdf-envelope';
import { cancelledError, fileLabel, pdfjsFailure, type FileLabel } from './pdf-errors';
import { readPdfMetadata } from './pdf-metadata';
import { readOutline } from './pdf-outline';
import { loadPdfjs, pdfjsAssetOptions } from './pdfjs';
import { textLayerNotices } from './text-layer-notice';

export interface ExtractPdfOptions {
  limits: ImportLimits;
  password?: string;
  signal?: AbortSignal;
  onProgress?: (pagesDone: number, pageCount: number) => void;
  /** Names the file in error messages ("“report.pdf” is password protected."). */
  fileName?: string;
  /**
   * Offers the pages from `first` to `last` (1-based, inclusive) to another
   * thread; it returns their texts, or undefined when no thread is free, in
   * which case this call reads them itself.
   */
  delegatePages?: (range: PageSpan) => Promise<string[]> | undefined;
}

export interface PageSpan {
  first: number;
  last: number;
}

/** Below this a second thread costs more (loading the file twice) than it saves. */
const MIN_PAGES_TO_SHARE = 48;

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
async function withPdf<T>(bytes: Uint8Array, options: ExtractPdfOptions, work: (pdf: PdfDocument) => Promise<T>): Promise<T> {
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

/** The text of each page from `first` to `last`, in order, page by page. */
async function readPages(pdf: PdfDocument, span: PageSpan, signal: AbortSignal | undefined, onPage: (text: string) => void): Promise<void> {
  for (let pageNumber = span.first; pageNumber <= span.last; pageNumber++) {
    // pdf.js's in-thread messaging runs on microtasks only; yielding a full
    // turn lets the worker receive a cancel message between pages.
    await nextTurn();
    throwIfCancelled(signal);
    const page = await pdf.getPage(pageNumber);
    try {
      const content = await page.getTextContent();
      onPage(pageText(content.items.flatMap((item) => ('str' in item ? [item] : []))));
    } finally {
      // Releases what pdf.js holds for this page as soon as its text is out.
      page.cleanup();
    }
    // page.cleanup() leaves pdf.js's document-wide caches (fonts, page
    // dictionaries) growing with every page; emptying them now and then
    // halves the memory a long document needs, at little cost in speed.
    if (pageNumber % CACHE_CLEANUP_PAGES === 0) await pdf.cleanup();
  }
}

/** The texts of some pages of a PDF: the share of a long document that another thread reads. */
export function extractPdfPages(bytes: Uint8Array, span: PageSpan, options: ExtractPdfOptions): Promise<string[]> {
  return withPdf(bytes, options, async (pdf) => {
    const texts: string[] = [];
    await readPages(pdf, { first: span.first, last: Math.min(span.last, pdf.numPages) }, options.signal, (text) => texts.push(text));
    return texts;
  });
}

/**
 * A PDF's text, page ranges, metadata and outline. All or nothing: a
 * password problem, a damaged file, a limit or a cancellation throws an
 * ApiError and returns nothing partial. A long document's second half is
 * offered to another thread, so one large file uses both cores.
 */
export async function extractPdf(bytes: Uint8Array, options: ExtractPdfOptions): Promise<ExtractedDocument> {
  const { signal } = options;
  return withPdf(bytes, options, async (pdf) => {
    const pageCount = pdf.numPages;
    const shared: PageSpan = { first: Math.ceil(pageCount / 2) + 1, last: pageCount };
    const delegated = pageCount >= MIN_PAGES_TO_SHARE ? options.delegatePages?.(shared) : undefined;
    // A failed or declined share is read here instead: the other thread's trouble is not this file's.
    // (Never rethrown: if this call stops early, nobody awaits it, and a rejection would kill the worker.)
    const otherHalf = delegated?.catch(() => undefined);
    const text = new CanonicalTextBuilder();
    let done = 0;
    const addPage = (pageText: string) => {
      text.addPage(pageText);
      options.onProgress?.(++done, pageCount);
    };
    await readPages(pdf, { first: 1, last: otherHalf ? shared.first - 1 : pageCount }, signal, addPage);
    if (otherHalf) {
      const texts = await otherHalf;
      throwIfCancelled(signal);
      if (texts && texts.length === shared.last - shared.first + 1) texts.forEach(addPage);
      else await readPages(pdf, shared, signal, addPage);
    }
    throwIfCancelled(signal);
    const { text: canonical, pages, blocks, emptyPages } = text.finish();

    const { info, metadata } = await pdf.getMetadata();
    const meta = readPdfMetadata(info, metadata);
    const notices = textLayerNotices(emptyPages, pageCount);
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
      pdf: { fingerprint: pdf.fingerprints[0] ?? '', pageCount },
    };
  });
}
