import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api/errors';
import { DocumentStructure } from '../../../../../shared/model/document-structure';
import { TEXT_ASSEMBLY } from '../../../../../shared/pdf/page-text';
import { defaultImportLimits, type ExtractedDocument } from '../../../../../main/import/extracted-document';
import { extractPdf, readSharedPages, type ExtractPdfOptions, type PageChunk } from '../../../../../main/import/pdf/extract-pdf';
import { buildPdf, buildTextPdf, generatedPageLines, type0 } from '../../../../support/pdf-builder';

const limits = defaultImportLimits;

function extract(bytes: Uint8Array, options: Partial<ExtractPdfOptions> = {}): Promise<ExtractedDocument> {
  return extractPdf(bytes, { limits, ...options });
}

/** The ApiError an extraction fails with (failing the test if it succeeds or throws anything else). */
async function failure(bytes: Uint8Array, options: Partial<ExtractPdfOptions> = {}): Promise<ApiError> {
  const error: unknown = await extract(bytes, options).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** Ranges lie inside the text, in order, without overlapping; blocks hold no blank lines. */
function expectWellFormed(document: ExtractedDocument): void {
  expect(DocumentStructure.safeParse(document.structure).success).toBe(true);
  expect(document.text).toBe(document.text.trim());
  expect(document.text).toBe(document.text.normalize('NFC'));
  let end = 0;
  for (const page of document.structure.pages ?? []) {
    expect(page.start).toBeGreaterThanOrEqual(end);
    expect(page.end).toBeGreaterThanOrEqual(page.start);
    expect(page.end).toBeLessThanOrEqual(document.text.length);
    end = page.end;
  }
  end = 0;
  for (const block of document.structure.blocks) {
    expect(block.start).toBeGreaterThanOrEqual(end);
    expect(block.end).toBeGreaterThan(block.start);
    expect(block.end).toBeLessThanOrEqual(document.text.length);
    expect(document.text.slice(block.start, block.end)).not.toMatch(/\n\n|^\s|\s$/);
    end = block.end;
  }
}

const pageTexts = (document: ExtractedDocument) => (document.structure.pages ?? []).map((page) => document.text.slice(page.start, page.end));
const blockTexts = (document: ExtractedDocument) => document.structure.blocks.map((block) => document.text.slice(block.start, block.end));

describe('extractPdf: text and pages', () => {
  it('finds each page’s text at its range, pages separated by a blank line', async () => {
    const document = await extract(
      buildPdf({
        pages: [
          { lines: ['Situation report 14', 'Prepared by the field office.', '', 'Roads to the north remain closed “until further notice”.'] },
          { lines: ['Annex A — list of sites', 'Site 1: the old depot', 'Site 2: the river crossing'] },
          { lines: ['End of report.'] },
        ],
      }),
    );
    expectWellFormed(document);
    expect(document.kind).toBe('pdf');
    expect(pageTexts(document)).toEqual([
      'Situation report 14\nPrepared by the field office.\n\nRoads to the north remain closed “until further notice”.',
      'Annex A — list of sites\nSite 1: the old depot\nSite 2: the river crossing',
      'End of report.',
    ]);
    expect(document.text).toBe(pageTexts(document).join('\n\n'));
    expect(document.structure.pages?.map((page) => page.index)).toEqual([0, 1, 2]);
    expect(blockTexts(document)).toEqual([
      'Situation report 14\nPrepared by the field office.',
      'Roads to the north remain closed “until further notice”.',
      'Annex A — list of sites\nSite 1: the old depot\nSite 2: the river crossing',
      'End of report.',
    ]);
    expect(document.structure.blocks.every((block) => block.type === 'paragraph')).toBe(true);
    expect(document.assets).toEqual([]);
    expect(document.html).toBeUndefined();
    expect(document.notices).toEqual([]);
  });

  it('gives a page without text an empty range where the text stands, and says how many pages lack text', async () => {
    const document = await extract(buildPdf({ pages: [{ lines: ['First page text.'] }, { image: true }, { lines: ['Third page text.'] }] }));
    expectWellFormed(document);
    expect(document.text).toBe('First page text.\n\nThird page text.');
    expect(document.structure.pages).toEqual([
      { index: 0, start: 0, end: 16 },
      { index: 1, start: 16, end: 16 },
      { index: 2, start: 18, end: 34 },
    ]);
    expect(document.notices).toEqual(['1 of 3 pages has no text layer (a scanned or blank page?): it can be read but not searched or highlighted.']);
  });

  it('imports a PDF with no text layer, empty but readable, and says so', async () => {
    const document = await extract(buildPdf({ pages: [{ image: true }, { image: true }], info: { title: 'Scanned letter' } }));
    expect(document.text).toBe('');
    expect(document.title).toBe('Scanned letter');
    expect(document.structure.blocks).toEqual([]);
    expect(document.structure.pages).toEqual([
      { index: 0, start: 0, end: 0 },
      { index: 1, start: 0, end: 0 },
    ]);
    expect(document.pdf?.pageCount).toBe(2);
    expect(document.notices).toEqual(['This PDF has no text layer (a scan?): it can be read but not searched or highlighted.']);
  });

  it('reports progress after every page and leaves the caller’s bytes intact', async () => {
    const bytes = buildTextPdf(4);
    const copy = bytes.slice();
    const progress: [number, number][] = [];
    const document = await extract(bytes, { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(pageTexts(document)[3]).toBe(generatedPageLines(3, 6).join('\n'));
    expect(bytes).toEqual(copy);
  });

  it('extracts a 1,000-page PDF with every page at its range', async () => {
    const bytes = buildTextPdf(1000, { linesPerPage: 5 });
    let reported = 0;
    const document = await extract(bytes, { onProgress: (done) => (reported = done) });
    expect(reported).toBe(1000);
    expect(document.pdf?.pageCount).toBe(1000);
    expect(document.structure.pages).toHaveLength(1000);
    const texts = pageTexts(document);
    for (let page = 0; page < 1000; page++) expect(texts[page]).toBe(generatedPageLines(page, 5).join('\n'));
    expect(document.structure.blocks).toHaveLength(1000);
    expectWellFormed(document);
  });
});

describe('extractPdf: pages read by another thread alongside', () => {
  const bytes = buildTextPdf(60, { seed: 3 });

  it('gives exactly the document read alone, each page once, when a second reader claims pages as it goes', async () => {
    const alone = await extract(bytes);
    let helperPages = 0;
    const shared = await extract(bytes, {
      // The second reader runs on this thread too: both interleave at every page, as two threads would.
      sharePages: (claims) => readSharedPages(bytes, claims, { limits, onProgress: (done) => (helperPages = done) }),
    });
    expect(shared).toEqual(alone);
    expect(helperPages).toBeGreaterThan(0);
    expect(helperPages).toBeLessThan(60);
  });

  it('reads the pages itself when the other reader claims some and then fails', async () => {
    const alone = await extract(bytes);
    const shared = await extract(bytes, {
      sharePages: async (claims) => {
        // Claims the next three groups of pages, then gives up on them.
        Atomics.add(new Int32Array(claims), 0, 3);
        throw new Error('the helper died');
      },
    });
    expect(shared).toEqual(alone);
  });

  it('does not wait for a reader that joins after every page was claimed', async () => {
    let join: (chunks: PageChunk[] | undefined) => void = () => undefined;
    const shared = await extract(bytes, { sharePages: () => new Promise((resolve) => (join = resolve)) });
    expect(shared.structure.pages).toHaveLength(60);
    join(undefined);
  });

  it('does not share a short document', async () => {
    let asked = false;
    await extract(buildTextPdf(10), { sharePages: async () => ((asked = true), undefined) });
    expect(asked).toBe(false);
  });
});

describe('extractPdf: Arabic and mixed text', () => {
  it('extracts Arabic drawn right to left in logical order', async () => {
    const document = await extract(
      buildPdf({
        pages: [
          {
            lines: [
              { runs: [type0('تقرير عن الوضع في المدينة')], dir: 'rtl' },
              { runs: [type0('وصلت القافلة إلى المعبر في الصباح')], dir: 'rtl' },
            ],
          },
        ],
      }),
    );
    expectWellFormed(document);
    expect(document.text).toBe('تقرير عن الوضع في المدينة\nوصلت القافلة إلى المعبر في الصباح');
  });

  it('keeps logical order in lines that mix English and Arabic', async () => {
    const document = await extract(
      buildPdf({
        pages: [
          {
            lines: [
              { runs: [{ text: 'Field report: ' }, type0('تقرير ميداني'), { text: ' (draft)' }] },
              { runs: [type0('تقرير PDF عن الوضع 2024')], dir: 'rtl' },
              'Plain English line.',
            ],
          },
        ],
      }),
    );
    expectWellFormed(document);
    expect(document.text).toBe('Field report: تقرير ميداني (draft)\nتقرير PDF عن الوضع 2024\nPlain English line.');
  });

  it('joins words hyphenated at line ends and keeps the hyphens of names', async () => {
    const lines = ['The court heard a lawsuit say-', 'ing that a Kata\'ib-', 'led group met al-', 'Kadhimi twice.'];
    const document = await extract(buildPdf({ pages: [{ lines }] }));
    expectWellFormed(document);
    expect(document.text.replace(/\s+/g, ' ')).toBe("The court heard a lawsuit saying that a Kata'ib-led group met al-Kadhimi twice.");
  });

  it('NFC-normalises text a PDF maps to decomposed characters', async () => {
    const document = await extract(buildPdf({ pages: [{ lines: [{ runs: [type0('Cafe\u0301 de la gare')] }] }] }));
    expect(document.text).toBe('Caf\u00e9 de la gare');
  });
});

describe('extractPdf: metadata and outline', () => {
  it('reads title, authors, date, language, fingerprint and page count', async () => {
    const document = await extract(
      buildPdf({
        pages: [{ lines: ['Body text.'] }, { lines: ['More text.'] }],
        info: { title: 'Rapport d’évaluation — été 2024', author: 'Jane Doe; John Smith', creationDate: "D:20240315102030+01'00'" },
        lang: 'fr-FR',
        fileId: '0123456789abcdef0123456789abcdef',
      }),
    );
    expect(document.title).toBe('Rapport d’évaluation — été 2024');
    expect(document.authors).toEqual(['Jane Doe', 'John Smith']);
    expect(document.publishedAt).toBe('2024-03-15T10:20:30+01:00');
    expect(document.language).toBe('fr-FR');
    expect(document.pdf).toEqual({ fingerprint: '0123456789abcdef0123456789abcdef', pageCount: 2, textAssembly: TEXT_ASSEMBLY });
  });

  it('falls back to XMP for title and authors, and to an empty title when there is none', async () => {
    const withXmp = await extract(buildPdf({ pages: [{ lines: ['Text.'] }], xmp: { title: 'ملاحظات ميدانية', creators: ['Amal Haddad', 'Omar Said'] } }));
    expect(withXmp.title).toBe('ملاحظات ميدانية');
    expect(withXmp.authors).toEqual(['Amal Haddad', 'Omar Said']);

    const bare = await extract(buildPdf({ pages: [{ lines: ['Text.'] }] }));
    expect(bare.title).toBe('');
    expect(bare.authors).toEqual([]);
    expect(bare.publishedAt).toBeUndefined();
    expect(bare.language).toBeUndefined();
    expect(bare.structure.outline).toBeUndefined();
  });

  it('reads the outline with nested entries and their page indexes', async () => {
    const document = await extract(
      buildPdf({
        pages: [{ lines: ['Summary'] }, { lines: ['Findings'] }, { lines: ['Sources'] }, { lines: ['Annex'] }],
        outline: [
          {
            title: 'Summary',
            page: 0,
            children: [
              { title: 'Findings', page: 1 },
              { title: 'Sources (named destination)', page: 2, named: 'sources' },
            ],
          },
          { title: 'Annex', page: 3 },
        ],
      }),
    );
    expect(document.structure.outline).toEqual([
      {
        title: 'Summary',
        page: 0,
        children: [
          { title: 'Findings', page: 1, children: [] },
          { title: 'Sources (named destination)', page: 2, children: [] },
        ],
      },
      { title: 'Annex', page: 3, children: [] },
    ]);
  });
});

describe('extractPdf: encrypted files', () => {
  const spec = {
    pages: [{ lines: ['Confidential interview notes.', 'Second line.'] }, { lines: [{ runs: [type0('سري للغاية')], dir: 'rtl' as const }] }],
    info: { title: 'Interview notes', author: 'A. Monitor' },
  };

  it('asks for the password, naming the file', async () => {
    const error = await failure(buildPdf({ ...spec, encryption: { userPassword: 'river-2024' } }), { fileName: 'notes.pdf' });
    expect(error.code).toBe('PASSWORD_REQUIRED');
    expect(error.message).toBe('“notes.pdf” is password protected.');
  });

  it.each([2, 3] as const)('opens with the right password (RC4, revision %i), metadata included', async (revision) => {
    const document = await extract(buildPdf({ ...spec, encryption: { userPassword: 'river-2024', ownerPassword: 'owner-pw', revision } }), { password: 'river-2024' });
    expect(document.text).toBe('Confidential interview notes.\nSecond line.\n\nسري للغاية');
    expect(document.title).toBe('Interview notes');
    expect(document.authors).toEqual(['A. Monitor']);
  });

  it('says the password is wrong when it is', async () => {
    const error = await failure(buildPdf({ ...spec, encryption: { userPassword: 'river-2024' } }), { password: 'river-2023', fileName: 'notes.pdf' });
    expect(error.code).toBe('PASSWORD_INCORRECT');
    expect(error.message).toBe('The password for “notes.pdf” is wrong.');
  });
});

describe('extractPdf: damaged and unsuitable files', () => {
  const good = buildTextPdf(8);

  it('rejects a truncated file instead of importing what survived', async () => {
    const error = await failure(good.slice(0, Math.floor(good.length / 2)), { fileName: 'cut.pdf' });
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.message).toBe('“cut.pdf” is incomplete: it stops before the end of the PDF (was a download or copy interrupted?).');
  });

  it('rejects a truncated file whose end marker was patched back on, with pdf.js’s reason', async () => {
    const patched = new Uint8Array([...good.slice(0, Math.floor(good.length / 2)), ...Buffer.from('\n%%EOF\n')]);
    const error = await failure(patched);
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.message).toMatch(/^This PDF is damaged and could not be read \(.+\)\.$/);
  });

  it('rejects a file that is not a PDF: random bytes, an HTML page', async () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 255);
    const html = new TextEncoder().encode('<!doctype html><html><head><title>Report</title></head><body><p>Not a PDF.</p></body></html>');
    for (const bytes of [random, html]) {
      const error = await failure(bytes, { fileName: 'report.pdf' });
      expect(error.code).toBe('DAMAGED_FILE');
      expect(error.message).toBe('“report.pdf” is not a PDF (it has no PDF header).');
    }
  });

  it('rejects a file with a PDF header but no PDF inside, with pdf.js’s reason', async () => {
    const error = await failure(new TextEncoder().encode(`%PDF-1.7\n${'lorem ipsum '.repeat(50)}\n%%EOF\n`));
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.message).toBe('This PDF is damaged and could not be read (Invalid PDF structure).');
  });

  it('refuses more pages than the limit before extracting any', async () => {
    const progress: number[] = [];
    const error = await failure(buildTextPdf(6), { limits: { ...limits, maxPdfPages: 5 }, onProgress: (done) => progress.push(done), fileName: 'long.pdf' });
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toBe('“long.pdf” has 6 pages; Fieldbook imports PDFs of up to 5 pages.');
    expect(progress).toEqual([]);
    const atLimit = await extract(buildTextPdf(5), { limits: { ...limits, maxPdfPages: 5 } });
    expect(atLimit.pdf?.pageCount).toBe(5);
  });

  it('refuses a file over the size limit', async () => {
    const error = await failure(good, { limits: { ...limits, maxFileBytes: 1024 } });
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toMatch(/^This PDF is \d+(\.\d)? KB; Fieldbook imports files of up to 1 KB\.$/);
  });
});

describe('extractPdf: cancellation', () => {
  it('stops between pages when the signal aborts', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const error = await failure(buildTextPdf(10), {
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done === 3) controller.abort();
      },
    });
    expect(error.code).toBe('CANCELLED');
    expect(progress).toEqual([1, 2, 3]);
  });

  it('hears an abort that arrives from another task while it works', async () => {
    const controller = new AbortController();
    let pagesDone = 0;
    const extraction = extract(buildTextPdf(300), { signal: controller.signal, onProgress: (done) => (pagesDone = done) });
    // A timer, like a cancel message reaching the worker: it only fires if extraction yields to the event loop.
    setTimeout(() => controller.abort(), 20);
    const error: unknown = await extraction.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('CANCELLED');
    expect(pagesDone).toBeLessThan(300);
  });

  it('does not start when already cancelled', async () => {
    const error = await failure(buildTextPdf(2), { signal: AbortSignal.abort() });
    expect(error.code).toBe('CANCELLED');
  });
});
