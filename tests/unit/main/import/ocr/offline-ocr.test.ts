import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { missingOcrFonts, ocrCorpus, textImage } from '../../../../support/ocr-fixtures';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../../..', import.meta.url));
const tripwire = path.join(root, 'tests/support/workers/network-tripwire.mjs');

// tesseract.js reads its models in a thread of its own, out of reach of a stub in
// this one: the import runs in a separate Node whose every thread has the tripwire.
describe.skipIf(missingOcrFonts() !== undefined)('OCR offline', () => {
  // Inside the project, so the script finds the packages as the bundled worker does beside node_modules.
  const cache = path.join(root, 'node_modules', '.cache');
  const temp = mkdir(cache, { recursive: true }).then(() => mkdtemp(path.join(cache, 'fieldbook-ocr-offline-')));
  afterAll(async () => rm(await temp, { recursive: true, force: true }));

  it('reads an image with no request leaving the machine', async () => {
    const dir = await temp;
    const image = path.join(dir, 'notice.png');
    await writeFile(image, textImage('english', ocrCorpus.english.slice(0, 2)));
    const entry = path.join(dir, 'read-image.mjs');
    await build({
      stdin: {
        contents: `import { readFileSync } from 'node:fs';
import { extractFile } from './main/import/extract-file';
import { defaultImportLimits } from './main/import/extracted-document';
const file = process.argv[2];
const document = await extractFile({ file, kind: 'image', bytes: readFileSync(file), limits: defaultImportLimits });
process.stdout.write(document.text);`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: entry,
      logLevel: 'error',
    });
    const { stdout, stderr } = await run(process.execPath, ['--import', tripwire, entry, image]);
    expect(stderr).not.toContain('NETWORK');
    expect(stdout).toContain('checkpoint');
    // The main thread and tesseract's own thread were both watched.
    expect(stderr.match(/WATCHED thread \d+/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });
});
