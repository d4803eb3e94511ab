// Packs the built app offline (electron-builder --dir with the Electron
// stand-in, into a temporary folder) and checks the package: its fuses, its
// files, and that the workers it ships do their work when started the way
// the packaged main bundle starts them. Needs `npm run build` first (npm test
// builds before the unit tests).
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractAll, extractFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packDir, type PackedApp } from '../../../main/build/pack-dir';
import { archiveFiles, missingRuntimeFiles } from '../../../main/build/package-contents';
import { ImportService } from '../../../main/import/import-service';
import { pdfjsAssetOptions } from '../../../main/import/pdf/pdfjs';
import { ExtractionPool } from '../../../main/import/worker/extraction-pool';
import { TextCache } from '../../../main/notebook/records/text-cache';
import { openNotebookSearch } from '../../../main/search/notebook-search';
import { SegmentBuilder } from '../../../main/search/segment-builder';
import { workerEntry } from '../../../main/tasks/worker-entry';
import { SearchArgs } from '../../../shared/search/results';
import { tinyPng } from '../../support/html-fixtures';
import { openTestNotebook } from '../../support/notebook-fixture';
import { missingOcrFonts, textImage } from '../../support/ocr-fixtures';
import { buildPdf } from '../../support/pdf-builder';
import { makeTempDir } from '../../support/temp-dir';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
/** Packing takes about 15 s on two idle cores; the budget allows for a machine busy with other tests. */
const PACK_BUDGET_MS = 240_000;
const WORK_BUDGET_MS = 120_000;

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let packed: PackedApp;

beforeAll(async () => {
  temp = await makeTempDir('fieldbook-package-');
  packed = await packDir({ projectDir: root, outDir: path.join(temp.dir, 'out') });
}, PACK_BUDGET_MS);
afterAll(() => temp?.remove());

describe('the package electron-builder makes offline', () => {
  it('holds every file the app needs at run time, where the code looks for it', () => {
    expect(missingRuntimeFiles(packed.resourcesDir)).toEqual([]);
    const files = archiveFiles(packed.resourcesDir);
    for (const file of ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/workers/extract-worker.mjs', 'dist/workers/search-build-worker.mjs']) expect(files).toContain(file);
  });

  it("flips Electron's fuses exactly as electron-builder.yml sets them", async () => {
    const { electronFuses } = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
    const wire = await getCurrentFuseWire(packed.executable);
    const read = Object.fromEntries(
      Object.keys(electronFuses).map((name) => {
        const option = FuseV1Options[`${name[0]?.toUpperCase()}${name.slice(1)}` as keyof typeof FuseV1Options];
        expect(option, `${name} is a fuse @electron/fuses knows`).toBeDefined();
        // A fuse is the character '1' (on) or '0' (off); anything else is shown as it is.
        const byte = wire[option];
        const state = byte === undefined ? 'not in the wire' : String.fromCharCode(byte);
        return [name, state === '1' ? true : state === '0' ? false : state];
      }),
    );
    expect(read).toEqual(electronFuses);
  });

  it('ships no test data, source maps, sources or development packages', () => {
    const files = [...archiveFiles(packed.resourcesDir)];
    const own = files.filter((file) => !file.startsWith('node_modules/'));
    expect(own.filter((file) => !/^(package\.json|node_modules|dist|dist\/(electron|renderer|workers)(\/.*)?)$/.test(file))).toEqual([]);
    expect(own.filter((file) => /\.(tsx?|pdf)$/.test(file) || /(^|\/)(tests?|fixtures?)\//.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);

    const archive = path.join(packed.resourcesDir, 'app.asar');
    const shipped = files
      .filter((file) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(file))
      .map((file) => {
        const manifest = JSON.parse(extractFile(archive, file).toString('utf8')) as { name: string; version: string };
        return `${manifest.name}@${manifest.version}`;
      });
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean }> };
    const inLock = (dev: boolean) =>
      new Set(
        Object.entries(lock.packages)
          .filter(([key, entry]) => key !== '' && (entry.dev ?? false) === dev)
          .map(([key, entry]) => `${key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`),
      );
    const production = inLock(false);
    const devOnly = inLock(true);
    expect(shipped.length).toBeGreaterThan(5);
    expect(shipped.filter((name) => devOnly.has(name) && !production.has(name))).toEqual([]);
    const names = shipped.map((name) => name.slice(0, name.lastIndexOf('@')));
    for (const dev of ['electron', 'electron-builder', 'vitest', 'vite', '@playwright/test', 'playwright', 'typescript', 'tsx', 'esbuild', 'react', 'react-dom', '@electron/asar', '@electron/fuses']) expect(names).not.toContain(dev);
  });
});

describe('the packaged workers, started as the packaged main bundle starts them', () => {
  it(
    'import a PDF, a saved web page and a Markdown file, build the search index and find each by a word',
    async () => {
      // Node sees app.asar as Electron's asar support shows it to the main process: a folder, unpacked files included, with app.asar.unpacked beside it.
      const resources = path.join(temp.dir, 'run', 'resources');
      await mkdir(resources, { recursive: true });
      extractAll(path.join(packed.resourcesDir, 'app.asar'), path.join(resources, 'app.asar'));
      await cp(path.join(packed.resourcesDir, 'app.asar.unpacked'), path.join(resources, 'app.asar.unpacked'), { recursive: true });
      // The packaged main.cjs's import.meta.url (bundle.ts defines it from __filename).
      const manifest = JSON.parse(readFileSync(path.join(resources, 'app.asar', 'package.json'), 'utf8')) as { main: string };
      const mainUrl = pathToFileURL(path.join(resources, 'app.asar', manifest.main)).href;
      expect(mainUrl).toMatch(/\/resources\/app\.asar\/dist\/electron\/main\.cjs$/);

      const files = path.join(temp.dir, 'usb');
      await mkdir(path.join(files, 'Field report_files'), { recursive: true });
      await writeFile(path.join(files, 'ledger.pdf'), buildPdf({ info: { title: 'Quarry ledger' }, pages: [{ lines: ['Quarry ledger', 'Limestone from the quarry went north by barge.'] }] }));
      await writeFile(
        path.join(files, 'Field report.html'),
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Field report</title></head><body><article><h1>Field report</h1><p>The marshland villages rebuilt their reed houses after the flood, and the ferry ran again by spring.</p><img src="Field%20report_files/map.png" alt="Map"></article></body></html>',
      );
      await writeFile(path.join(files, 'Field report_files', 'map.png'), tinyPng());
      await writeFile(path.join(files, 'mill.md'), '# Mill notes\n\nThe **waterwheel** at the old mill turns again since the canal was cleared.\n');
      // tesseract.js reads its worker script, WebAssembly and models from the package too.
      const withPhoto = missingOcrFonts() === undefined;
      if (withPhoto) await writeFile(path.join(files, 'sign.png'), textImage('english', ['The granary opens at sunrise,', 'and the baker sells bread', 'to the families by the river.', 'Bring your own sacks for flour', 'and pay the miller in coins.']));

      const notebook = await openTestNotebook(path.join(temp.dir, 'notebook'));
      const extractWorker = workerEntry(mainUrl, './extract-worker.ts', 'extract-worker.mjs');
      const pool = new ExtractionPool(2, extractWorker);
      const builder = new SegmentBuilder(workerEntry(mainUrl, './worker/build-worker.ts', 'search-build-worker.mjs'));
      const search = openNotebookSearch({ store: notebook.store, records: notebook.records, texts: new TextCache(notebook.store.blobs) }, builder);
      notebook.events.subscribe((event, payload) => {
        if (event === 'records.changed') search.indexer.notify((payload as { type: string }).type, (payload as { ids: string[] }).ids);
      });
      try {
        await search.indexer.caughtUp;
        const summary = await new ImportService(notebook.records, () => pool).importPaths([files]);
        const failedImports = summary.results.filter((result) => result.status !== 'imported').map((result) => `${path.basename(result.path)}: ${result.reason}`);
        // Asked directly, a build worker that cannot load says why; behind the indexer, its failure would only be logged.
        const builtSegment = await builder.build([]).then(
          () => [],
          (error: unknown) => [`search index: ${error instanceof Error ? error.message : String(error)}`],
        );
        // Both workers' failures at once, each naming the module it could not load.
        expect([...failedImports, ...builtSegment]).toEqual([]);
        expect(summary.imported).toBe(withPhoto ? 4 : 3);
        // pdf.js in the extraction worker finds its CMaps and standard fonts from the worker's own file, and only warns when they are missing.
        const assets = pdfjsAssetOptions(extractWorker.url.href);
        expect(assets.cMapUrl.startsWith(path.join(resources, 'app.asar.unpacked', 'node_modules', 'pdfjs-dist'))).toBe(true);
        // The standard font pdf.js reads for this test's Helvetica, and a CMap of a Japanese CID font.
        expect(existsSync(path.join(assets.standardFontDataUrl, 'LiberationSans-Regular.ttf'))).toBe(true);
        expect(existsSync(path.join(assets.cMapUrl, 'Adobe-Japan1-UCS2.bcmap'))).toBe(true);

        await search.indexer.flush();
        const find = async (word: string) => (await search.service.search(SearchArgs.parse({ query: word }))).groups.map((group) => group.title);
        expect(await find('limestone')).toEqual(['Quarry ledger']);
        expect(await find('marshland')).toEqual(['Field report']);
        expect(await find('waterwheel')).toEqual(['Mill notes']);
        if (withPhoto) expect(await find('granary')).toEqual(['sign']);
      } finally {
        await pool.close();
        await search.indexer.close();
        await builder.close();
        await notebook.store.close();
      }
    },
    WORK_BUDGET_MS,
  );
});
