// The runtime-file check on small packages made here with @electron/asar, laid
// out as electron-builder lays out Fieldbook's: fast, and each missing file is
// one the test removed.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createPackageWithOptions } from '@electron/asar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRuntimeFiles, missingRuntimeFiles } from '../../../main/build/package-contents';
import { makeTempDir } from '../../support/temp-dir';

const app: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fieldbook', main: 'dist/electron/main.cjs', dependencies: { 'pdfjs-dist': '*', 'lunr-languages': '*', yauzl: '*' } }),
  'dist/electron/main.cjs': 'const yauzl = require("yauzl");',
  'dist/electron/preload.cjs': '',
  'dist/renderer/index.html': '<script type="module" src="/assets/index.js"></script><link rel="stylesheet" href="/assets/index.css">',
  'dist/renderer/assets/index.js': '',
  'dist/renderer/assets/index.css': '',
  'dist/renderer/pdfjs/cmaps/Adobe-Japan1-UCS2.bcmap': '',
  'dist/renderer/pdfjs/standard_fonts/FoxitSerif.pfb': '',
  'dist/renderer/pdfjs/wasm/openjpeg.wasm': '',
  'dist/workers/extract-worker.mjs': 'import "pdfjs-dist/legacy/build/pdf.worker.mjs";\nconst load = () => import("pdfjs-dist/legacy/build/pdf.mjs");',
  'dist/workers/search-build-worker.mjs': 'import "lunr-languages/lunr.stemmer.support";',
  'node_modules/pdfjs-dist/package.json': JSON.stringify({ name: 'pdfjs-dist', optionalDependencies: { '@napi-rs/canvas': '*' } }),
  'node_modules/pdfjs-dist/cmaps/Adobe-Japan1-UCS2.bcmap': '',
  'node_modules/pdfjs-dist/standard_fonts/FoxitSerif.pfb': '',
  'node_modules/lunr-languages/package.json': JSON.stringify({ name: 'lunr-languages', dependencies: { tinyseg: '*' } }),
  'node_modules/tinyseg/package.json': JSON.stringify({ name: 'tinyseg' }),
  'node_modules/yauzl/package.json': JSON.stringify({ name: 'yauzl', dependencies: { pend: '*' } }),
  'node_modules/pend/package.json': JSON.stringify({ name: 'pend' }),
};

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let resources: string;

/** Packs `files` into resources/app.asar, unpacking `unpackDirs` as electron-builder's asarUnpack does. */
async function pack(files: Record<string, string>, unpackDirs = '{dist/workers,node_modules}'): Promise<void> {
  const source = path.join(temp.dir, 'app');
  await rm(source, { recursive: true, force: true });
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(source, file)), { recursive: true });
    await writeFile(path.join(source, file), content);
  }
  await rm(resources, { recursive: true, force: true });
  await mkdir(resources, { recursive: true });
  await createPackageWithOptions(source, path.join(resources, 'app.asar'), { unpackDir: unpackDirs });
}

const without = (...removed: string[]) => Object.fromEntries(Object.entries(app).filter(([file]) => !removed.some((gone) => file === gone || file.startsWith(`${gone}/`))));

beforeEach(async () => {
  temp = await makeTempDir('fieldbook-package-contents-');
  resources = path.join(temp.dir, 'resources');
});
afterEach(() => temp.remove());

describe("a package's runtime files", () => {
  it('are all found in a complete package', async () => {
    await pack(app);
    expect(missingRuntimeFiles(resources)).toEqual([]);
    expect(() => checkRuntimeFiles(resources)).not.toThrow();
  });

  it("name each file the main process misses in the archive, and the renderer's files index.html loads", async () => {
    await pack(without('dist/electron/preload.cjs', 'dist/renderer/assets/index.css', 'dist/renderer/pdfjs/wasm', 'node_modules/pend'));
    expect(missingRuntimeFiles(resources)).toEqual([
      "app.asar/node_modules/pend (needed by yauzl)",
      "app.asar/dist/electron/preload.cjs (the window's preload)",
      'app.asar/dist/renderer/assets/index.css (loaded by index.html)',
      "app.asar/dist/renderer/pdfjs/wasm/ (the reader's pdf.js)",
    ]);
  });

  it('name what the workers miss on disk, even where Electron would find it in the archive', async () => {
    // Packed but not unpacked: Electron's main process would see these files, a worker thread would not.
    await pack(app, '{dist/workers,node_modules/pdfjs-dist,node_modules/yauzl,node_modules/pend}');
    expect(missingRuntimeFiles(resources)).toEqual(['app.asar.unpacked/node_modules/lunr-languages (needed by dist/workers/search-build-worker.mjs)']);
  });

  it("name a dependency's dependency, and pdf.js's CMaps and standard fonts, missing on disk", async () => {
    await pack(without('node_modules/tinyseg', 'node_modules/pdfjs-dist/cmaps', 'node_modules/pdfjs-dist/standard_fonts'));
    expect(missingRuntimeFiles(resources)).toEqual([
      'app.asar.unpacked/node_modules/pdfjs-dist/cmaps/ (pdf.js in extract-worker.mjs)',
      'app.asar.unpacked/node_modules/pdfjs-dist/standard_fonts/ (pdf.js in extract-worker.mjs)',
      'app.asar.unpacked/node_modules/tinyseg (needed by lunr-languages)',
    ]);
  });

  it('fail the check with a message naming the missing file', async () => {
    await pack(without('dist/workers/extract-worker.mjs'));
    expect(() => checkRuntimeFiles(resources)).toThrow(/lacks:\n {2}app\.asar\.unpacked\/dist\/workers\/extract-worker\.mjs \(a worker, loaded from the disk\)/);
  });
});
