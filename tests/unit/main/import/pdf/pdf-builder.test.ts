// The fixtures are only as good as the builder: these check that its files
// are well formed by themselves, so pdf.js passing never hides a repair.
import { describe, expect, it } from 'vitest';
import { buildPdf, buildTextPdf, generatedPageLines, rc4, type0 } from '../../../../support/pdf-builder';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('pdf-builder', () => {
  it('writes an xref table whose offsets point at each object', () => {
    const file = latin1(buildPdf({ pages: [{ lines: ['One'] }, { image: true }], info: { title: 'T' }, outline: [{ title: 'A', page: 1, named: 'a' }], encryption: { userPassword: 'pw' } }));
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(file)?.[1]);
    expect(file.slice(startxref, startxref + 4)).toBe('xref');
    const [, count] = /^xref\n0 (\d+)\n/.exec(file.slice(startxref)) ?? [];
    const rows = file.slice(startxref).split('\n').slice(3, 2 + Number(count));
    expect(rows.length).toBe(Number(count) - 1);
    rows.forEach((row, i) => {
      expect(row).toMatch(/^\d{10} 00000 n $/);
      const offset = Number(row.slice(0, 10));
      expect(file.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    expect(file.startsWith('%PDF-1.7\n')).toBe(true);
  });

  it('encrypts strings and streams: no plain text is left in an encrypted file', () => {
    const plain = latin1(buildPdf({ pages: [{ lines: ['Secret words'] }], info: { title: 'Hidden title' }, compress: false }));
    const encrypted = latin1(buildPdf({ pages: [{ lines: ['Secret words'] }], info: { title: 'Hidden title' }, compress: false, encryption: { userPassword: 'pw' } }));
    const hex = (text: string) => Buffer.from(text, 'latin1').toString('hex');
    expect(plain).toContain(hex('Secret words'));
    expect(plain).toContain(hex('Hidden title'));
    expect(encrypted).not.toContain(hex('Secret words'));
    expect(encrypted).not.toContain(hex('Hidden title'));
    expect(encrypted).toMatch(/\/Filter \/Standard \/V 2 \/R 3 \/Length 128 \/O <[0-9a-f]{64}> \/U <[0-9a-f]{64}>/);
  });

  it('implements RC4 (the classic test vector: key "Key", "Plaintext")', () => {
    expect(Buffer.from(rc4(Buffer.from('Key'), Buffer.from('Plaintext'))).toString('hex')).toBe('bbf316e8d940af0ad3');
  });

  it('maps Type0 codes to Unicode through a ToUnicode CMap and draws RTL text in visual order', () => {
    const file = latin1(buildPdf({ pages: [{ lines: [{ runs: [type0('بت')], dir: 'rtl' }] }], compress: false }));
    // Visual order: the logically last letter, ت, is drawn first (and so gets the first code).
    expect(file).toContain('<0001> <062A>');
    expect(file).toContain('<0002> <0628>');
    expect(file).toContain('<00010002> Tj');
  });

  it('generates distinct, page-tagged lines that fit the page', () => {
    const lines = generatedPageLines(41, 8);
    expect(lines).toHaveLength(8);
    expect(lines.join(' ')).toContain('(p42.1).');
    expect(new Set([...generatedPageLines(0, 8), ...lines]).size).toBe(16);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(72);
    expect(generatedPageLines(41, 8)).toEqual(lines);
    expect(() => buildPdf({ pages: [{ lines: ['x'.repeat(200)] }] })).toThrow(/too long/);
    expect(() => buildPdf({ pages: [{ lines: generatedPageLines(0, 60) }] })).toThrow(/too many lines/);
    expect(() => buildPdf({ pages: [{ lines: generatedPageLines(0, 40) }] })).not.toThrow();
  });

  it('builds 1,000 pages', () => {
    const bytes = buildTextPdf(1000);
    expect(latin1(bytes.subarray(0, 2000))).toContain('/Type /Pages /Kids [');
    expect(latin1(bytes)).toContain('/Count 1000');
  });
});
