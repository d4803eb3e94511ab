// OCR of generated pages (tests/support/ocr-fixtures.ts), per script: word
// recall against the known text and pages a second, with the engine imports
// use (ara+eng, best_int models), one engine and two side by side; and, per
// single language, the two model variants @tesseract.js-data ships, which is
// what chose best_int (see main/import/ocr/ocr-languages.ts).
import path from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import { imageLanguages } from '../../main/import/image/extract-image';
import { modelFile, type OcrLanguage } from '../../main/import/ocr/ocr-languages';
import { openOcrEngine, type RecognisedPage } from '../../main/import/ocr/recognise';
import { missingOcrFonts, ocrCorpus, textImage, wordRecall, type OcrScript } from '../support/ocr-fixtures';
import { printFigure } from './figures';
import { printMissing } from './pdf';

const scripts: Record<OcrScript, OcrLanguage> = { english: 'eng', arabic: 'ara' };
// A page of twenty lines, about what a 10-point page of a report holds, read this many times a measurement.
const pagesPerRun = 4;
const pageLines = (script: OcrScript) => [...ocrCorpus[script], ...ocrCorpus[script], ...ocrCorpus[script], ...ocrCorpus[script]];
const pageText = (page: RecognisedPage) => page.map((paragraph) => paragraph.map((line) => line.map((word) => word.text).join(' ')).join('\n')).join('\n\n');

async function measureEngines(script: OcrScript, engines: number): Promise<void> {
  const image = textImage(script, pageLines(script));
  const opened = await Promise.all(Array.from({ length: engines }, () => openOcrEngine(imageLanguages)));
  const started = performance.now();
  const pages = await Promise.all(opened.map(async (engine) => {
    const read: RecognisedPage[] = [];
    for (let i = 0; i < pagesPerRun; i++) read.push(await engine.recognise(image));
    return read;
  }));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(opened.map((engine) => engine.close()));
  const params = { script, languages: imageLanguages.join('+'), engines };
  printFigure('ocr_pages_per_second', params, (engines * pagesPerRun) / seconds, 'pages/s');
  printFigure('ocr_word_recall', params, wordRecall(pageLines(script), pageText(pages[0]![0]!)), 'ratio');
}

async function measureVariant(script: OcrScript, variant: '4.0.0' | '4.0.0_best_int'): Promise<void> {
  const language = scripts[script];
  const langPath = path.join(path.dirname(path.dirname(modelFile(language))), variant);
  const worker = await createWorker(language, OEM.LSTM_ONLY, { langPath, cacheMethod: 'none' });
  const image = Buffer.from(textImage(script, pageLines(script)));
  const started = performance.now();
  let text = '';
  for (let i = 0; i < pagesPerRun; i++) text = (await worker.recognize(image)).data.text;
  const seconds = (performance.now() - started) / 1000;
  await worker.terminate();
  printFigure('ocr_model_pages_per_second', { script, variant }, pagesPerRun / seconds, 'pages/s');
  printFigure('ocr_model_word_recall', { script, variant }, wordRecall(pageLines(script), text), 'ratio');
}

export async function benchOcr(): Promise<void> {
  const missing = missingOcrFonts();
  if (missing !== undefined) {
    for (const figure of ['ocr_pages_per_second', 'ocr_word_recall']) printMissing(figure, {}, figure.endsWith('recall') ? 'ratio' : 'pages/s', missing);
    return;
  }
  for (const script of Object.keys(scripts) as OcrScript[]) {
    await measureEngines(script, 1);
    await measureEngines(script, 2);
    await measureVariant(script, '4.0.0_best_int');
    await measureVariant(script, '4.0.0');
  }
}
