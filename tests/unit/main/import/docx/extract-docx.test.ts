import { describe, expect, it } from 'vitest';
import { defaultImportLimits } from '../../../../../main/import/extracted-document';
import { detectKind } from '../../../../../main/import/file-kind';
import { extractionOf } from '../../../../support/extract-file-fixture';
import { reportDocx, reportDocxBytes } from '../../../../support/docx-fixtures';
import { zipParts } from '../../../../support/zip-parts';

const { extract, failure } = extractionOf('docx', '/reports/Report.docx');

describe('Word documents', () => {
  it('are recognised by name and refused with advice when they are an older format', async () => {
    expect(detectKind('/reports/Report.docx', await reportDocxBytes())).toBe('docx');
    expect(() => detectKind('/reports/Old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toThrow(/save it as a Word document \(\.docx\) or PDF first/);
    expect(() => detectKind('/reports/Draft.odt', new Uint8Array([0x50, 0x4b]))).toThrow(/OpenDocument/);
  });

  it('give their text in order, headings as structure, footnotes and endnotes kept, with the metadata Word stored', async () => {
    const document = await extract(await reportDocxBytes());
    expect(document).toMatchObject({ kind: 'docx', title: reportDocx.title, authors: reportDocx.authors, language: 'en-GB', notices: [] });
    const blocks = document.structure.blocks.map((block) => ({ type: block.type, text: document.text.slice(block.start, block.end) }));
    expect(blocks[0]).toMatchObject({ type: 'heading', text: reportDocx.heading });
    for (const text of [reportDocx.english, reportDocx.arabic, reportDocx.footnote, reportDocx.endnote, ...reportDocx.cells]) expect(document.text).toContain(text);
    expect(document.text.indexOf(reportDocx.english)).toBeLessThan(document.text.indexOf(reportDocx.arabic));
    // The note's link back to its reference is not text.
    expect(document.text).not.toContain('↑');
  });

  it('keep embedded images as assets, and nothing that runs or loads from the network', async () => {
    const document = await extract(await reportDocxBytes());
    expect(document.assets.map((asset) => asset.mediaType)).toEqual(['image/png']);
    expect(document.html).toContain('<img alt="Salinity chart" src="asset:0">');
    expect(document.html).not.toMatch(/javascript:|tracker\.example|Tracking pixel/);
    expect(document.text).toContain('Open the dashboard');
  });

  it('that are not zip archives are refused as damaged', async () => {
    const error = await failure(new TextEncoder().encode('This is a text file named .docx'));
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.message).toBe('Report.docx is not a readable Word document (it is not a zip archive).');
  });

  it('that are zips without a document are refused as damaged', async () => {
    expect((await failure(await zipParts({ 'readme.txt': 'hello' }))).code).toBe('DAMAGED_FILE');
  });

  it('that unpack past the limit (a zip bomb) are refused before they are read', async () => {
    const bomb = await reportDocxBytes({ 'word/media/padding.bin': new Uint8Array(8 * 2 ** 20) });
    expect(bomb.byteLength).toBeLessThan(2 ** 20);
    const error = await failure(bomb, { ...defaultImportLimits, maxUnpackedBytes: 4 * 2 ** 20 });
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toBe('Report.docx unpacks to more than 4 MiB, which Fieldbook does not import.');
  });

  it('with countless parts are refused', async () => {
    const parts = Object.fromEntries(Array.from({ length: 10_001 }, (_, index) => [`customXml/item${index}.xml`, '<a/>']));
    expect((await failure(await reportDocxBytes(parts))).code).toBe('FILE_TOO_LARGE');
  });
});
