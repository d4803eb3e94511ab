import { describe, expect, it } from 'vitest';
import { layoutPageText, pageText, TEXT_ASSEMBLY, traceGlyphs, type PageTextItem } from '../../../../shared/pdf/page-text';

/** A horizontal 12 pt item at (x, y); width defaults to half an em per character. */
function item(str: string, x: number, y: number, options: { width?: number; eol?: boolean; size?: number; dir?: 'ltr' | 'rtl' } = {}): PageTextItem {
  const size = options.size ?? 12;
  return { str, transform: [size, 0, 0, size, x, y], width: options.width ?? str.length * size * 0.5, height: size, hasEOL: options.eol ?? false, dir: options.dir ?? 'ltr' };
}

describe('pageText', () => {
  it('breaks lines at hasEOL, including pdf.js’s empty end-of-line items', () => {
    expect(pageText([item('First line', 72, 700, { eol: true }), item('Second line', 72, 685), item('', 72, 685, { eol: true }), item('Third line', 72, 670)])).toBe(
      'First line\nSecond line\nThird line',
    );
  });

  it('inserts a space only where the page shows a gap and neither side has one', () => {
    // "exam" and "ple" touch; the other items are 6 pt apart; "spaced " already ends with a space.
    const items = [item('exam', 72, 700, { width: 24 }), item('ple', 96, 700, { width: 18 }), item('word', 120, 700, { width: 24 }), item('gap', 150, 700, { width: 18 })];
    expect(pageText(items)).toBe('example word gap');
    expect(pageText([item('spaced ', 72, 700, { width: 42 }), item('out', 130, 700)])).toBe('spaced out');
    // Kerning-sized gaps (under 0.1 em) are not word spaces.
    expect(pageText([item('Ke', 72, 700, { width: 12 }), item('rning', 85, 700)])).toBe('Kerning');
  });

  it('keeps right-to-left runs as given and spaces them by where they were drawn', () => {
    // pdf.js gives each run in logical order; the Arabic run sits right of the Latin one, in a line mostly English.
    const items = [item('Published as:', 72, 700, { width: 78 }), item('تقرير ميداني', 156, 700, { width: 72, dir: 'rtl' })];
    expect(pageText(items)).toBe('Published as: تقرير ميداني');
    // Drawn leftwards: the second run ends 6 pt left of the first one's start.
    expect(pageText([item('الوضع', 300, 700, { width: 30, dir: 'rtl' }), item('الحالي', 240, 700, { width: 54, dir: 'rtl' })])).toBe('الوضع الحالي');
  });

  it('trims lines, collapses spaces, drops control characters, and NFC-normalises', () => {
    expect(pageText([item('  Cafe\u0301   au\u00a0\u00a0lait \u0000 ', 72, 700, { eol: true }), item('\tnext\t', 72, 685)])).toBe('Caf\u00e9 au lait\nnext');
  });

  it('starts a paragraph at a blank line, a wide vertical gap, or a jump back up the page', () => {
    const lines = [
      item('One', 72, 700, { eol: true }),
      item('two', 72, 686, { eol: true }),
      item('three', 72, 672, { eol: true }),
      // 42 pt below: three times the usual 14 pt spacing.
      item('Four', 72, 630, { eol: true }),
      item('five', 72, 616, { eol: true }),
      item('   ', 72, 602, { eol: true }),
      item('Six', 72, 588, { eol: true }),
      // Back to the top: the next column.
      item('Seven', 320, 700, { eol: true }),
      item('eight', 320, 686),
    ];
    expect(pageText(lines)).toBe('One\ntwo\nthree\n\nFour\nfive\n\nSix\n\nSeven\neight');
  });

  it('keeps evenly double-spaced lines in one paragraph', () => {
    expect(pageText([item('Double', 72, 700, { eol: true }), item('spaced', 72, 672, { eol: true }), item('lines', 72, 644)])).toBe('Double\nspaced\nlines');
  });

  it('separates items pdf.js left on one line although they sit on different baselines', () => {
    expect(pageText([item('Heading', 72, 700), item('Body', 72, 670)])).toBe('Heading\nBody');
  });

  it('measures rotated text along its own lines', () => {
    // Text running up the page (rotated 90°): advances along y.
    const up = (str: string, x: number, y: number): PageTextItem => ({ str, transform: [0, 12, -12, 0, x, y], width: str.length * 6, height: 12, hasEOL: false });
    expect(pageText([up('rotated', 100, 100), up('text', 100, 148)])).toBe('rotated text');
    expect(pageText([up('joined', 100, 100), up('up', 100, 136)])).toBe('joinedup');
  });

  it('is empty for a page without text', () => {
    expect(pageText([])).toBe('');
    expect(pageText([item('', 0, 0, { eol: true }), item(' ', 72, 700)])).toBe('');
  });
});

describe('layoutPageText', () => {
  /** Each item's share of the page text. */
  const shares = (items: PageTextItem[]) => {
    const layout = layoutPageText(items);
    expect(layout.text).toBe(pageText(items));
    const out = new Array<string>(items.length).fill('');
    for (const { item, start, end } of layout.pieces) out[item] = (out[item] ?? '') + layout.text.slice(start, end);
    return out;
  };

  it('gives each item the characters it drew, leaving out the spaces and breaks assembly added', () => {
    const items = [item('First', 72, 700, { width: 30 }), item('line', 108, 700, { eol: true }), item('', 72, 700, { eol: true }), item('  Second  ', 72, 686)];
    expect(pageText(items)).toBe('First line\n\nSecond');
    expect(shares(items)).toEqual(['First', 'line', '', 'Second']);
  });

  it('follows cleaning and normalisation inside an item', () => {
    expect(shares([item('Cafe\u0301 \u0000 au', 72, 700, { eol: true }), item('lait\u00a0', 72, 686)])).toEqual(['Caf\u00e9 au', 'lait']);
  });

  it('keeps right-to-left runs in logical order', () => {
    expect(shares([item('Published as:', 72, 700, { width: 78 }), item('تقرير ميداني', 156, 700, { width: 72, dir: 'rtl' })])).toEqual(['Published as:', 'تقرير ميداني']);
  });
});

describe('right-to-left lines', () => {
  /** One glyph per item, as cairo writes them: in logical order, each placed where it is drawn (leftwards), 6 pt a glyph. */
  function glyphs(text: string, right: number, y: number): PageTextItem[] {
    const out: PageTextItem[] = [];
    let x = right;
    for (const char of text) {
      if (char === ' ') {
        x -= 4;
        continue;
      }
      x -= 6;
      out.push(item(char, x, y, { width: 6, dir: 'rtl' }));
    }
    return out;
  }

  it('reads glyphs drawn in logical order and glyphs drawn in visual order the same way', () => {
    const logical = glyphs('انواع الخطوط', 300, 700);
    expect(pageText(logical)).toBe('انواع الخطوط');
    expect(pageText([...logical].reverse())).toBe('انواع الخطوط');
  });

  it('puts the words of a line drawn left to right in reading order, numbers and names inside', () => {
    // Chromium's way: left to right, each item reversed by pdf.js into logical order.
    const items = [item('صعبا', 72, 700, { width: 24, dir: 'rtl' }), item('2021', 100, 700, { width: 24 }), item('عام', 128, 700, { width: 18, dir: 'rtl' }), item('Ali', 150, 700, { width: 18 }), item('قال', 172, 700, { width: 18, dir: 'rtl' })];
    expect(pageText(items)).toBe('قال Ali عام 2021 صعبا');
  });

  it('decomposes presentation forms after ordering, so ligatures keep their letters in reading order', () => {
    // "لا" drawn as the lam-alef ligature, then "الخ" with the lam-khah ligature (initial form, U+FCCB).
    const items = [item('\ufccb', 80, 700, { width: 8, dir: 'rtl' }), item('ا', 88, 700, { width: 4, dir: 'rtl' }), item('\ufefb', 100, 700, { width: 8, dir: 'rtl' })];
    expect(pageText(items)).toBe('لا الخ');
    expect(pageText([item('\ufb01nal', 72, 700)])).toBe('final');
  });

  it('splits an item that holds both directions into pieces drawn at their own places', () => {
    // pdf.js gives the item in logical order: the number is drawn on the left.
    const layout = layoutPageText([item('عام 2021', 72, 700, { width: 48, dir: 'rtl' })]);
    expect(layout.text).toBe('عام 2021');
    expect(layout.pieces.map(({ start, end, from, to }) => [layout.text.slice(start, end), from, to])).toEqual([
      ['عام ', 0.5, 1],
      ['2021', 0, 0.5],
    ]);
  });
});

describe('line-end hyphens and word spaces', () => {
  it('joins a hyphenated word across lines, its letters traced to both lines', () => {
    const items = [item('a lawsuit say-', 72, 700, { eol: true }), item('ing that the', 72, 686)];
    const layout = layoutPageText(items);
    expect(layout.text).toBe('a lawsuit saying that the');
    // The joined word is drawn by both items: a highlight over it paints on both lines.
    const word = layout.text.indexOf('saying');
    const drawing = layout.pieces.filter(({ start, end }) => start < word + 6 && end > word).map(({ item: index }) => index);
    expect(drawing).toEqual([0, 1]);
  });

  it('keeps real hyphens at line ends, joining the word', () => {
    expect(pageText([item('said al-', 72, 700, { eol: true }), item('Kadhimi today', 72, 686)])).toBe('said al-Kadhimi today');
    expect(pageText([item("a Kata'ib-", 72, 700, { eol: true }), item('led attack', 72, 686)])).toBe("a Kata'ib-led attack");
  });

  it('does not join across a paragraph break', () => {
    expect(pageText([item('ends with say-', 72, 700, { eol: true }), item('', 72, 700, { eol: true }), item('ing', 72, 672)])).toBe('ends with say-\n\ning');
  });

  it('restores word spaces from gaps of a tenth of an em, as pdftotext does', () => {
    // A heading drawn word by word with 1.5 pt gaps at 12 pt (0.125 em).
    const words = ['Overview', 'of', 'the', 'Model'];
    let x = 72;
    const items = words.map((word) => {
      const drawn = item(word, x, 700, { width: word.length * 6 });
      x += word.length * 6 + 1.5;
      return drawn;
    });
    expect(pageText(items)).toBe('Overview of the Model');
  });
});

describe('text assembly versions', () => {
  // One glyph per item, drawn left to right as Chromium draws Arabic: "ﻟﻌﺮﺑﻴﺔ" (لعربية) then a hyphenated English line.
  const arabic = [...'ﺔﻴﺑﺮﻌﻟ'].map((glyph, i) => item(glyph, 72 + i * 6, 700, { width: 6, dir: 'rtl', eol: i === 5 }));
  const english = [item('a lawsuit say-', 72, 686, { eol: true }), item('ing that', 72, 672)];

  it('version 1 reads pages as imports did before the version was recorded: drawing order, presentation forms, hyphens kept', () => {
    expect(traceGlyphs([...arabic, ...english], 1).text).toBe('ﺔﻴﺑﺮﻌﻟ\na lawsuit say-\ning that');
  });

  it('the current version reads them in reading order, as letters, hyphenation joined', () => {
    expect(traceGlyphs([...arabic, ...english], TEXT_ASSEMBLY).text).toBe('لعربية\na lawsuit saying that');
  });

  it('traces each character to where its glyph stands, whichever the version, so the two texts meet on the page', () => {
    for (const assembly of [1, TEXT_ASSEMBLY] as const) {
      const { text, glyphAt } = traceGlyphs(arabic, assembly);
      // The letter lam is the leftmost glyph (item 5); the teh marbuta the rightmost (item 0): each one glyph wide.
      expect(glyphAt([...text].findIndex((letter) => letter.normalize('NFKC') === 'ل'))).toEqual({ item: 5, along: 0.5, share: 1 });
      expect(glyphAt([...text].findIndex((letter) => letter.normalize('NFKC') === 'ة'))).toEqual({ item: 0, along: 0.5, share: 1 });
    }
    const { text, glyphAt } = traceGlyphs(english, TEXT_ASSEMBLY);
    expect(glyphAt(text.indexOf(' '))).toEqual({ item: 0, along: 1.5 / 14, share: 1 / 14 });
    // Assembly's own line break (version 1 keeps one where the hyphen was) has no glyph.
    const old = traceGlyphs(english, 1);
    expect(old.glyphAt(old.text.indexOf('\n'))).toBeUndefined();
  });
});
