import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultImportLimits } from '../../../../main/import/extracted-document';
import { filesDone, ImportService, importStep } from '../../../../main/import/import-service';
import { ExtractionPool } from '../../../../main/import/worker/extraction-pool';
import { DocumentStructure } from '../../../../shared/model/document-structure';
import { missingOcrFonts, ocrCorpus, textImage, wordRecall } from '../../../support/ocr-fixtures';
import { buildPdf, buildTextPdf } from '../../../support/pdf-builder';
import { openTestNotebook, type OpenTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { webCapture } from '../../../support/web-capture-fixture';

// 1x1 transparent PNG.
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

let pool: ExtractionPool;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let notebook: OpenTestNotebook;

beforeAll(() => {
  pool = new ExtractionPool(2);
});
afterAll(() => pool.close());
beforeEach(async () => {
  temp = await makeTempDir();
  notebook = await openTestNotebook(path.join(temp.dir, 'nb'));
});
afterEach(async () => {
  await notebook.store.close();
  await temp.remove();
});

async function put(relative: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(temp.dir, 'usb', relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

describe('import pipeline', () => {
  it('imports a folder of every kind, in worker threads, storing text, structure, HTML and images as blobs', async () => {
    await put('capture.txt', webCapture);
    await put('notes/log.md', '# Log\n\nConvoy seen at the **bridge**.');
    await put('page.html', '<html lang="en"><head><title>Bridge closure</title></head><body><article><h1>Bridge closure</h1><p>The bridge was closed to traffic on Friday after the protest.</p><img src="page_files/map.png"><img src="https://tracker.example/x.png"></article></body></html>');
    await put('page_files/map.png', png);
    await put('brief.pdf', buildPdf({ info: { title: 'Convoy brief' }, pages: [{ lines: ['Convoy brief', 'The convoy left at dawn.'] }, { lines: ['It returned at noon.'] }] }));

    const service = new ImportService(notebook.records, () => pool);
    const progress: number[] = [];
    const steps: string[] = [];
    const summary = await service.importPaths([path.join(temp.dir, 'usb')], {
      onProgress: (step) => {
        progress.push(step.done);
        steps.push(importStep(step));
      },
    });
    expect(summary).toMatchObject({ imported: 4, duplicates: 0, failed: 0, cancelled: false, notReached: [] });
    expect(progress.at(-1)).toBe(4);
    // A PDF's pages are counted as they are read.
    expect(steps).toEqual(expect.arrayContaining(['brief.pdf', 'brief.pdf, page 1 of 2', 'brief.pdf, page 2 of 2']));
    expect(filesDone({ done: 1, total: 4, current: 'long.pdf', pages: { done: 150, total: 600 } })).toBe(1.25);

    const documents = await notebook.records.list('documents');
    const byTitle = Object.fromEntries(documents.map((document) => [document.title, document]));
    expect(Object.keys(byTitle).sort()).toEqual(['Bridge closure', 'Convoy brief', 'Log', "Water, Power and Patronage in Basra's Summer Protests"]);

    const pdf = byTitle['Convoy brief']!;
    expect(pdf).toMatchObject({ kind: 'pdf', language: 'en', direction: 'ltr', pdf: { pageCount: 2 } });
    const pdfText = await notebook.store.blobs.getText(pdf.text.sha256);
    expect(pdfText).toContain('The convoy left at dawn.');
    const structure = DocumentStructure.parse(JSON.parse(await notebook.store.blobs.getText(pdf.structure!.sha256)));
    expect(structure.pages).toHaveLength(2);
    expect(pdfText.slice(structure.pages![1]!.start, structure.pages![1]!.end)).toBe('It returned at noon.');

    const html = byTitle['Bridge closure']!;
    expect(html.assets).toEqual([expect.objectContaining({ name: 'page_files/map.png', mediaType: 'image/png' })]);
    const stored = await notebook.store.blobs.getText(html.html!.sha256);
    expect(stored).toContain(`fieldbook-asset:${html.assets![0]!.sha256}`);
    expect(stored).not.toContain('tracker.example');
    expect(Buffer.from(await notebook.store.blobs.get(html.original.sha256)).toString()).toContain('tracker.example');

    expect(byTitle["Water, Power and Patronage in Basra's Summer Protests"]).toMatchObject({ kind: 'text', authors: ['Layla Haddad', 'Omar Nouri'], publishedAt: '2023-08-17' });
  });

  it.skipIf(missingOcrFonts() !== undefined)('imports a photo as a document whose text OCR read in a worker, the original kept as it came', async () => {
    const jpeg = textImage('english', ocrCorpus.english, 'image/jpeg');
    const file = await put('notice.jpg', jpeg);
    const steps: string[] = [];
    const summary = await new ImportService(notebook.records, () => pool).importPaths([file], { onProgress: (step) => steps.push(importStep(step)) });
    expect(summary).toMatchObject({ imported: 1, failed: 0 });
    expect(steps).toContain('notice.jpg, page 1 of 1');
    const [document] = await notebook.records.list('documents');
    expect(document).toMatchObject({ kind: 'image', title: 'notice', language: 'en', original: { mediaType: 'image/jpeg' } });
    expect(Buffer.from(await notebook.store.blobs.get(document!.original.sha256)).equals(jpeg)).toBe(true);
    expect(wordRecall(ocrCorpus.english, await notebook.store.blobs.getText(document!.text.sha256))).toBeGreaterThanOrEqual(0.9);
    const structure = DocumentStructure.parse(JSON.parse(await notebook.store.blobs.getText(document!.structure!.sha256)));
    expect(structure.ocr?.words.length).toBeGreaterThan(30);
  });

  it('reports duplicates and failures with reasons, and goes on', async () => {
    await put('a.txt', 'The same words, twice.');
    await put('b.txt', 'The same words, twice.');
    await put('broken.pdf', '%PDF-1.7\n1 0 obj <<');
    await put('locked.pdf', buildPdf({ pages: [{ lines: ['Secret'] }], encryption: { userPassword: 'open sesame' } }));
    await put('binary.txt', new Uint8Array([0, 1, 2, 0, 0, 3]));
    await put('fine.md', '# Fine\n\nStill imported.');
    const summary = await new ImportService(notebook.records, () => pool).importPaths([path.join(temp.dir, 'usb')]);
    const byName = Object.fromEntries(summary.results.map((result) => [path.basename(result.path), result]));
    expect(summary).toMatchObject({ imported: 2, duplicates: 1, failed: 3 });
    expect(byName['b.txt']).toMatchObject({ status: 'duplicate', reason: expect.stringContaining('Already in the notebook') });
    expect(byName['broken.pdf']).toMatchObject({ status: 'failed' });
    expect(byName['locked.pdf']).toMatchObject({ status: 'failed', code: 'PASSWORD_REQUIRED', reason: expect.stringMatching(/password/i) });
    expect(byName['binary.txt']).toMatchObject({ status: 'failed', reason: expect.stringContaining('binary') });
    expect((await notebook.records.list('documents')).map((document) => document.title).sort()).toEqual(['Fine', 'The same words, twice.']);

    const again = await new ImportService(notebook.records, () => pool).importPaths([path.join(temp.dir, 'usb', 'fine.md')]);
    expect(again).toMatchObject({ imported: 0, duplicates: 1 });
  });

  it('opens a password-protected PDF with the password given for it, and says so when the password is wrong', async () => {
    await put('locked.pdf', buildPdf({ pages: [{ lines: ['Behind a password'] }], encryption: { userPassword: 'open sesame' } }));
    await put('other.pdf', buildPdf({ pages: [{ lines: ['Another lock'] }], encryption: { userPassword: 'different' } }));
    const passwords = new Map([[path.join(temp.dir, 'usb', 'locked.pdf'), 'open sesame'], [path.join(temp.dir, 'usb', 'other.pdf'), 'guess']]);
    const summary = await new ImportService(notebook.records, () => pool).importPaths([path.join(temp.dir, 'usb')], { passwordFor: (file) => passwords.get(file) });
    const byName = Object.fromEntries(summary.results.map((result) => [path.basename(result.path), result]));
    expect(byName['locked.pdf']).toMatchObject({ status: 'imported' });
    expect(byName['other.pdf']).toMatchObject({ status: 'failed', code: 'PASSWORD_INCORRECT', reason: 'The password for “other.pdf” is wrong.' });
    const [document] = await notebook.records.list('documents');
    expect(await notebook.store.blobs.getText(document!.text.sha256)).toBe('Behind a password');
  });

  it('counts the later of two identical files as the duplicate, even when the first is slow and a file between them fails at once', async () => {
    await put('1-first.txt', 'The same report, twice.');
    await put('2-fake.pdf', 'not a PDF at all');
    await put('3-other.md', '# Other\n\nSomething else.');
    await put('4-copy.txt', 'The same report, twice.');
    // The first file's extraction is held back until its copy has been extracted (or, when the import keeps its order and so never gets that far, for 3 s).
    let copyExtracted = () => {};
    const copyReady = new Promise<void>((resolve) => (copyExtracted = resolve));
    const slowFirst = {
      run: async (request: Parameters<ExtractionPool['run']>[0], control?: Parameters<ExtractionPool['run']>[1]) => {
        if (request.file.endsWith('1-first.txt')) await Promise.race([copyReady, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        const result = await pool.run(request, control);
        if (request.file.endsWith('4-copy.txt')) copyExtracted();
        return result;
      },
    } as unknown as ExtractionPool;
    const summary = await new ImportService(notebook.records, () => slowFirst).importPaths([path.join(temp.dir, 'usb')]);
    expect(summary.results.map((result) => [path.basename(result.path), result.status])).toEqual([
      ['1-first.txt', 'imported'],
      ['2-fake.pdf', 'failed'],
      ['3-other.md', 'imported'],
      ['4-copy.txt', 'duplicate'],
    ]);
  });

  it('reports the pages of the file the others wait for, one file at a time', async () => {
    await put('a-long.pdf', buildTextPdf(60, { seed: 1 }));
    await put('b-long.pdf', buildTextPdf(50, { seed: 2 }));
    const steps: string[] = [];
    await new ImportService(notebook.records, () => pool).importPaths([path.join(temp.dir, 'usb')], { onProgress: (step) => steps.push(importStep(step)) });
    const pageSteps = steps.filter((step) => step.includes(', page '));
    const lastOfA = pageSteps.findLastIndex((step) => step.startsWith('a-long.pdf'));
    const firstOfB = pageSteps.findIndex((step) => step.startsWith('b-long.pdf'));
    // b-long.pdf is read alongside, but spoken of only once a-long.pdf is stored: the line never flips between them.
    expect(lastOfA).toBeGreaterThanOrEqual(0);
    expect(firstOfB === -1 || firstOfB > lastOfA).toBe(true);
    expect(steps.at(-1)).toBe('b-long.pdf');
  });

  it('refuses files over the size limit before reading them', async () => {
    await put('big.txt', 'x'.repeat(5000));
    const summary = await new ImportService(notebook.records, () => pool, { ...defaultImportLimits, maxFileBytes: 1000 }).importPaths([path.join(temp.dir, 'usb')]);
    expect(summary.results[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('limited to') });
  });

  it('stops when cancelled, keeping what was finished and storing nothing half-done', async () => {
    for (let i = 0; i < 6; i += 1) await put(`book-${i}.pdf`, buildTextPdf(120, { seed: i }));
    const controller = new AbortController();
    const summary = await new ImportService(notebook.records, () => pool).importPaths([path.join(temp.dir, 'usb')], {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 1) controller.abort();
      },
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.notReached.length).toBeGreaterThan(0);
    // Every file is either reported or named as not reached, once.
    expect([...summary.results.map((result) => result.path), ...summary.notReached].sort()).toEqual(Array.from({ length: 6 }, (_, i) => path.join(temp.dir, 'usb', `book-${i}.pdf`)));
    expect((await notebook.records.list('documents')).length).toBe(summary.imported);
  });
});

describe('an import whose workers cannot start', () => {
  it('says so once for the import, leaves every file not reached and blames none of them', async () => {
    const files = [await put('a.md', '# A'), await put('b.txt', 'B'), await put('c.md', '# C')];
    const broken = new ExtractionPool(2, { url: pathToFileURL(path.join(import.meta.dirname, '../../../support/workers/unloadable-worker.mjs')), execArgv: [] });
    try {
      const summary = await new ImportService(notebook.records, () => broken).importPaths(files);
      expect(summary).toMatchObject({ imported: 0, duplicates: 0, failed: 0, results: [], notReached: files, error: { code: 'WORKER_FAILED' } });
      expect(summary.error?.message).toMatch(/^The import worker could not start: Cannot find package 'fieldbook-package-that-is-not-installed'/);
    } finally {
      await broken.close();
    }
  });
});
