import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServices, type OpenNotebook, type Services } from '../../../../../main/app/services';
import { withCurrentPdfText } from '../../../../../main/import/pdf/pdf-text-upgrade';
import { readDocumentContent } from '../../../../../main/notebook/content/document-content';
import { describeRange } from '../../../../../shared/anchoring/text-quote';
import type { DocumentRecord, HighlightRecord } from '../../../../../shared/model/records';
import { TEXT_ASSEMBLY } from '../../../../../shared/pdf/page-text';
import { firstAssembly } from '../../../../support/first-assembly';
import { buildPdf } from '../../../../support/pdf-builder';
import { chromiumPdf, missingFor, rtlCorpus } from '../../../../support/rtl-pdf-fixtures';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let services: Services;
let notebook: OpenNotebook;

beforeEach(async () => {
  temp = await makeTempDir();
  services = await createServices({ host: 'browser', dataDir: path.join(temp.dir, 'data'), notebookDir: path.join(temp.dir, 'notebook') });
  notebook = services.current();
});
afterEach(async () => {
  await services.close();
  await temp.remove();
});

/** Reads a document as the API's documents.content does: brought to the current text assembly first. */
function readUpgraded(id: string) {
  return readDocumentContent(notebook, id, (document) => withCurrentPdfText(notebook, document));
}

/** Imports the PDF, then turns its record into one an import of the first version left: that version's text and structure, no version recorded. */
async function importedUnderFirstAssembly(bytes: Uint8Array): Promise<{ document: DocumentRecord; oldText: string }> {
  const file = path.join(temp.dir, 'sample.pdf');
  await writeFile(file, bytes);
  await notebook.imports.importPaths([file]);
  const [imported] = await notebook.records.list('documents');
  const old = await firstAssembly(bytes);
  const text = await notebook.store.blobs.put(old.text, 'text/plain; charset=utf-8');
  const structure = await notebook.store.blobs.put(JSON.stringify({ blocks: old.blocks, pages: old.pages }), 'application/json');
  const { textAssembly: _version, ...pdf } = imported!.pdf!;
  const document = await notebook.records.update('documents', imported!.id, { text, structure, pdf });
  return { document, oldText: old.text };
}

async function highlightOld(document: DocumentRecord, oldText: string, range: { start: number; end: number }): Promise<HighlightRecord> {
  return notebook.records.create('highlights', { documentId: document.id, target: describeRange(oldText, range.start, range.end, 0), color: 'yellow', comment: '', tags: [], actorIds: [], eventIds: [] });
}

function rangeOf(oldText: string, quote: string): { start: number; end: number } {
  const start = oldText.indexOf(quote);
  expect(start, `“${quote}” is in the old text`).toBeGreaterThanOrEqual(0);
  return { start, end: start + quote.length };
}

const letters = (text: string) => [...text.normalize('NFKC').replace(/\s/g, '')].sort().join('');

/**
 * Where the first version stored the glyphs of `words`: it kept Chromium's
 * drawing order (last letter first) and presentation forms, and put word
 * gaps a glyph off. A highlight made then over those words covered the
 * shortest stretch holding exactly their letters.
 */
function scrambledRangeOf(oldText: string, words: string): { start: number; end: number } {
  const wanted = letters(words);
  for (let length = wanted.length; length <= oldText.length; length++) {
    for (let start = 0; start + length <= oldText.length; start++) {
      if (letters(oldText.slice(start, start + length)) === wanted) return { start, end: start + length };
    }
  }
  throw new Error(`The letters of “${words}” are not together in the old text`);
}

async function quotesAfterOpening(document: DocumentRecord): Promise<{ text: string; quotes: Map<string, string> }> {
  const { text } = await readUpgraded(document.id);
  const highlights = await notebook.records.list('highlights', { documentId: document.id });
  for (const { target } of highlights) expect(text.slice(target.position.start, target.position.end)).toBe(target.quote.exact);
  return { text, quotes: new Map(highlights.map((highlight) => [highlight.id, highlight.target.quote.exact])) };
}

describe('opening a PDF imported with an older text assembly', () => {
  const missing = missingFor('chromium');
  it.skipIf(missing !== undefined)(`reads its text again and carries its highlights to the same words, quoted in reading order${missing ? ` (skipped: ${missing})` : ''}`, async () => {
    const { document, oldText } = await importedUnderFirstAssembly(await chromiumPdf([rtlCorpus[0]!, rtlCorpus[8]!]));
    expect(oldText).not.toContain('الخطوط العربية');
    const arabic = await highlightOld(document, oldText, scrambledRangeOf(oldText, 'الخطوط العربية'));
    const english = await highlightOld(document, oldText, rangeOf(oldText, 'field notes quote'));

    const { text, quotes } = await quotesAfterOpening(document);
    expect(text).toContain('انواع الخطوط العربية');
    expect(quotes.get(arabic.id)).toBe('الخطوط العربية');
    expect(quotes.get(english.id)).toBe('field notes quote');
    const upgraded = await notebook.records.get('documents', document.id);
    expect(upgraded.pdf?.textAssembly).toBe(TEXT_ASSEMBLY);
    expect(upgraded.notices ?? []).toEqual(document.notices ?? []);

    // Opened again, nothing changes.
    expect((await quotesAfterOpening(document)).quotes).toEqual(quotes);
    expect((await notebook.records.get('documents', document.id)).updatedAt).toBe(upgraded.updatedAt);
  });

  it('joins a hyphenated word under a highlight across the line end, and keeps a highlight it cannot place, with a notice', async () => {
    const bytes = buildPdf({ pages: [{ lines: ['The court heard the lawsuit say-', 'ing nothing new about the convoy.'] }] });
    const { document, oldText } = await importedUnderFirstAssembly(bytes);
    const across = await highlightOld(document, oldText, rangeOf(oldText, 'lawsuit say-\ning'));
    // A highlight whose words are in neither text (merged from a teammate's different copy, say).
    const elsewhere = await notebook.records.create('highlights', {
      documentId: document.id,
      target: describeRange('An unrelated passage about a ferry.', 3, 20),
      color: 'blue',
      comment: 'kept',
      tags: [],
      actorIds: [],
      eventIds: [],
    });

    const { text } = await readUpgraded(document.id);
    expect(text).toBe('The court heard the lawsuit saying nothing new about the convoy.');
    expect((await notebook.records.get('highlights', across.id)).target.quote.exact).toBe('lawsuit saying');
    const kept = await notebook.records.get('highlights', elsewhere.id);
    expect(kept).toEqual(elsewhere);
    expect((await notebook.records.get('documents', document.id)).notices).toContain(
      "This PDF's text was read again with Fieldbook's current reading of PDFs; One highlight could not be placed on the new text and is kept as orphaned.",
    );
  });
});

describe('a PDF of an older text assembly that cannot be read again', () => {
  it('still opens with the text it has, and changes nothing', async () => {
    const { document, oldText } = await importedUnderFirstAssembly(buildPdf({ pages: [{ lines: ['The court heard the lawsuit say-', 'ing nothing new.'] }] }));
    // The original file is damaged on disk (its blob replaced by garbage).
    await writeFile(notebook.store.blobs.pathOf(document.original.sha256), 'not a PDF');
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args));
    try {
      expect((await readUpgraded(document.id)).text).toBe(oldText);
    } finally {
      spy.mockRestore();
    }
    expect(errors).toHaveLength(1);
    expect(await notebook.records.get('documents', document.id)).toEqual(document);
  });
});
