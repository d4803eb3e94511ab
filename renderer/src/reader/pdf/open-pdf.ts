import { getDocument, GlobalWorkerOptions, PDFWorker, VerbosityLevel, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Where the build puts the files pdf.js fetches while it reads a document
 * (CMaps for CID fonts, the 14 standard fonts, the image decoders). The
 * Vite config copies them there: nothing is ever fetched from elsewhere.
 */
const ASSETS_PATH = '/pdfjs/';

const assetUrl = (folder: string) => new URL(`${ASSETS_PATH}${folder}/`, window.location.href).href;

let worker: PDFWorker | undefined;

/**
 * One pdf.js worker for every document the reader opens: starting one costs
 * loading and compiling a megabyte of script, which a second document then
 * skips. Destroying a loading task leaves a worker it was given running.
 */
function sharedWorker(): PDFWorker {
  if (!worker || worker.destroyed) worker = new PDFWorker({ verbosity: VerbosityLevel.ERRORS });
  return worker;
}

/** Start loading a PDF from its bytes; destroy the returned task to free the document and its worker. */
export function openPdf(data: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    // pdf.js transfers the buffer it is given to its worker; the caller keeps its own bytes.
    data: data.slice(),
    worker: sharedWorker(),
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    wasmUrl: assetUrl('wasm'),
    // The app's CSP allows no WebAssembly compilation; pdf.js then uses the
    // JavaScript decoders shipped beside the wasm files.
    useWasm: false,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
  });
}
