import { describe, expect, it } from 'vitest';
import { parsePdfDate, readPdfMetadata, splitAuthors, type XmpLike } from '../../../../../main/import/pdf/pdf-metadata';

const xmp = (values: Record<string, unknown>): XmpLike => ({ get: (name) => values[name] ?? null });

describe('parsePdfDate', () => {
  it.each([
    ['D:2019', '2019'],
    ['D:201903', '2019-03'],
    ['D:20190315', '2019-03-15'],
    ['D:2019031514', '2019-03-15T14:00:00'],
    ['D:20190315142233', '2019-03-15T14:22:33'],
    ['D:20190315142233Z', '2019-03-15T14:22:33Z'],
    ["D:20190315142233Z00'00'", '2019-03-15T14:22:33Z'],
    ["D:20190315142233+05'30'", '2019-03-15T14:22:33+05:30'],
    ["D:20190315142233-08'00", '2019-03-15T14:22:33-08:00'],
    ['D:20190315142233-08', '2019-03-15T14:22:33-08:00'],
    ['20190315', '2019-03-15'],
  ])('reads %s as %s', (raw, iso) => {
    expect(parsePdfDate(raw)).toBe(iso);
  });

  it.each(['', 'yesterday', 'D:20191315', 'D:20190230', 'D:20190315250000', 'D:19700101000000Z', 'D:00000000'])('rejects %j', (raw) => {
    expect(parsePdfDate(raw)).toBeUndefined();
  });
});

describe('splitAuthors', () => {
  it.each([
    ['Jane Doe', ['Jane Doe']],
    ['Jane Doe; John Smith', ['Jane Doe', 'John Smith']],
    ['Jane Doe;John Smith;', ['Jane Doe', 'John Smith']],
    ['Jane Doe and John Smith', ['Jane Doe', 'John Smith']],
    ['Jane Doe & John Smith', ['Jane Doe', 'John Smith']],
    ['Jane Doe, John Smith and Amal Haddad', ['Jane Doe', 'John Smith', 'Amal Haddad']],
    ['Doe, Jane', ['Doe, Jane']],
    ['Doe, J. and Smith, K.', ['Doe, J.', 'Smith, K.']],
    ['Research and Development Unit', ['Research and Development Unit']],
    ['Office for the Coordination of Humanitarian Affairs, Geneva', ['Office for the Coordination of Humanitarian Affairs, Geneva']],
    ['  Jane   Doe  ', ['Jane Doe']],
    ['Jane Doe; Jane Doe', ['Jane Doe']],
    ['   ', []],
  ])('splits %j into %j', (raw, authors) => {
    expect(splitAuthors(raw)).toEqual(authors);
  });
});

describe('readPdfMetadata', () => {
  it('prefers the Info dictionary, cleaned up', () => {
    const info = { Title: '  Field\u0000 report \n 12 ', Author: 'Jane Doe; John Smith', CreationDate: "D:20240315102030+01'00'", Language: 'ar-SY' };
    expect(readPdfMetadata(info, xmp({ 'dc:title': 'XMP title', 'dc:creator': ['Someone Else'] }))).toEqual({
      title: 'Field report 12',
      authors: ['Jane Doe', 'John Smith'],
      publishedAt: '2024-03-15T10:20:30+01:00',
      language: 'ar-SY',
    });
  });

  it('falls back to XMP for the title and authors, and skips placeholder titles', () => {
    expect(readPdfMetadata({ Title: 'untitled' }, xmp({ 'dc:title': 'Notes from the river road', 'dc:creator': ['Amal Haddad', 'Omar Said'] }))).toEqual({
      title: 'Notes from the river road',
      authors: ['Amal Haddad', 'Omar Said'],
    });
  });

  it('leaves out what the file does not say, or says unusably', () => {
    expect(readPdfMetadata({ Title: 42, CreationDate: 'last week', Language: 'not a language tag' }, null)).toEqual({ title: '', authors: [] });
  });
});
