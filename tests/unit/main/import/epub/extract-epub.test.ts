import { describe, expect, it } from 'vitest';
import { defaultImportLimits } from '../../../../../main/import/extracted-document';
import { detectKind } from '../../../../../main/import/file-kind';
import { extractionOf } from '../../../../support/extract-file-fixture';
import { book, bookEpubBytes } from '../../../../support/epub-fixtures';

const { extract, failure } = extractionOf('epub', '/books/Rivers.epub');

describe('EPUB books', () => {
  it('are recognised by name', async () => {
    expect(detectKind('/books/Rivers.epub', await bookEpubBytes())).toBe('epub');
  });

  it('read as one document in spine order, chapters as structure, with the book’s metadata', async () => {
    const document = await extract(await bookEpubBytes());
    expect(document).toMatchObject({ kind: 'epub', title: book.title, authors: book.authors, language: 'en', publishedAt: '2021-05-04' });
    const headings = document.structure.blocks.filter((block) => block.type === 'heading').map((block) => document.text.slice(block.start, block.end));
    expect(headings).toEqual(book.chapters.map((chapter) => chapter.heading));
    const [english, arabic] = [book.chapters[0].text, book.chapters[1].text];
    expect(document.text.indexOf(english)).toBeLessThan(document.text.indexOf(arabic));
    expect(document.text).toContain(book.footnote);
    expect(document.structure.blocks.find((block) => document.text.slice(block.start, block.end) === arabic)?.dir).toBe('rtl');
  });

  it('keep their own images as assets and lose scripts, handlers and remote images', async () => {
    const document = await extract(await bookEpubBytes());
    expect(document.assets.map((asset) => asset.mediaType)).toEqual(['image/png']);
    expect(document.html).toContain('<img src="asset:0" alt="Map of the marshes">');
    expect(document.html).not.toMatch(/script|onclick|alert|tracker\.example/);
    expect(document.notices).toEqual(['1 image is not shown because it is not in the book (Fieldbook never loads anything from the network).']);
  });

  it('laid out right to left keep that direction', async () => {
    expect((await extract(await bookEpubBytes({ rtl: true }))).direction).toBe('rtl');
  });

  it('whose reading order names a missing file are refused as damaged', async () => {
    const error = await failure(await bookEpubBytes({ override: { 'OEBPS/Text/chapter2.xhtml': new Uint8Array() }, spine: ['one', 'missing'] }));
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.message).toBe('Rivers.epub is not a readable e-book (its reading order names “missing”, which is not in the book).');
  });

  it('without a container are refused as damaged', async () => {
    const error = await failure(await bookEpubBytes({ override: { 'META-INF/container.xml': 'not xml <' } }));
    expect(error.message).toBe('Rivers.epub is not a readable e-book (it has no readable META-INF/container.xml).');
  });

  it('never read files outside the book, whatever their paths say', async () => {
    const chapter = '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Escaping the book.</p><img src="../../../../../etc/passwd"/><img src="file:///etc/passwd"/></body></html>';
    const document = await extract(await bookEpubBytes({ override: { 'OEBPS/Text/chapter2.xhtml': chapter } }));
    expect(document.assets.map((asset) => asset.name)).toEqual(['Rivers.epub_files/OEBPS/Images/map one.png']);
    expect(document.html).not.toContain('passwd');
  });

  it('that unpack past the limit are refused', async () => {
    const bomb = await bookEpubBytes({ override: { 'OEBPS/padding.bin': new Uint8Array(8 * 2 ** 20) } });
    expect((await failure(bomb, { ...defaultImportLimits, maxUnpackedBytes: 4 * 2 ** 20 })).code).toBe('FILE_TOO_LARGE');
  });
});
