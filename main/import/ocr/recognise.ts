import { createWorker, OEM, type Block } from 'tesseract.js';
import { ApiError } from '../../../shared/api/errors';
import { withModelFolder, type OcrLanguage } from './ocr-languages';

/** One word tesseract read, with its box in the image's pixels (x0, y0, x1, y1) and its confidence (0–100). */
export interface RecognisedWord {
  text: string;
  box: [number, number, number, number];
  confidence: number;
}

/** A page's words as lines in paragraphs, in reading order. */
export type RecognisedPage = RecognisedWord[][][];

export interface OcrEngine {
  recognise(image: Uint8Array): Promise<RecognisedPage>;
  close(): Promise<void>;
}

/**
 * A tesseract.js worker (a thread running tesseract's WebAssembly build) for
 * these languages, with the models installed with the app (see
 * withModelFolder): it never reads the network. Aborting `signal` ends the thread, mid-page included.
 */
export async function openOcrEngine(languages: readonly OcrLanguage[], signal?: AbortSignal): Promise<OcrEngine> {
  signal?.throwIfAborted();
  // A local langPath is read from disk; cacheMethod 'none' keeps tesseract.js from writing the models to the working folder.
  const worker = await withModelFolder(languages, (langPath) => createWorker(languages.join('+'), OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true }));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await worker.terminate();
  };
  // tesseract.js posts a job to its thread a few microtasks after recognize() is called, and ending the
  // thread before that makes it post to nothing (an unhandled rejection, tesseract.js 7.0.0): end it a turn later.
  const onAbort = () => void setImmediate(() => void close());
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    async recognise(image) {
      signal?.throwIfAborted();
      try {
        // tesseract.js copies the bytes into its thread; a Buffer view keeps the caller's array its own.
        const { data } = await Promise.race([worker.recognize(Buffer.from(image), {}, { blocks: true, text: false }), abortion(signal)]);
        return wordsOf(data.blocks ?? []);
      } catch (error) {
        signal?.throwIfAborted();
        throw new ApiError('DAMAGED_FILE', `Text could not be read from the image: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    async close() {
      signal?.removeEventListener('abort', onAbort);
      await close();
    },
  };
}

/** Rejects when `signal` aborts: a job on a terminated tesseract worker is never settled. */
function abortion(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
}

function wordsOf(blocks: Block[]): RecognisedPage {
  return blocks.flatMap((block) =>
    block.paragraphs.map((paragraph) =>
      paragraph.lines
        .map((line) =>
          line.words
            .filter((word) => word.text.trim() !== '')
            .map((word): RecognisedWord => ({ text: word.text.trim(), box: [word.bbox.x0, word.bbox.y0, word.bbox.x1, word.bbox.y1], confidence: word.confidence })),
        )
        .filter((line) => line.length > 0),
    ),
  ).filter((paragraph) => paragraph.length > 0);
}
