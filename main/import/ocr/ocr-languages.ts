import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The languages whose models ship with the app. */
export type OcrLanguage = 'eng' | 'ara';

const require = createRequire(import.meta.url);

/**
 * The model file installed with the app from `@tesseract.js-data/<lang>`.
 * `4.0.0_best_int` is tesseract's "best" LSTM model quantised to integers,
 * for the LSTM-only engine tesseract.js runs by default. Against the `4.0.0`
 * files (`npm run bench`, ocr_model_*): the same English recall at a quarter
 * of the size (2.9 MB against 10.9 MB, which adds the legacy engine's data),
 * and better Arabic recall on a generated page (0.76 against 0.67).
 */
export function modelFile(language: OcrLanguage): string {
  const packageJson = require.resolve(`@tesseract.js-data/${language}/package.json`);
  return path.join(path.dirname(packageJson), '4.0.0_best_int', `${language}.traineddata.gz`);
}

/**
 * Runs `use` with a folder holding these languages' models, for tesseract.js's
 * `langPath`. Each model ships in its own package and tesseract.js reads all
 * from one folder (its in-memory alternative passes the model's bytes where
 * its name belongs, tesseract.js 7.0.0), so they are copied together for the
 * time tesseract takes to load them: a few megabytes.
 */
export async function withModelFolder<T>(languages: readonly OcrLanguage[], use: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-ocr-'));
  try {
    await Promise.all(languages.map((language) => copyFile(modelFile(language), path.join(folder, `${language}.traineddata.gz`))));
    return await use(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
