import { describe, expect, it } from 'vitest';
import { type Anchor, anchorAll, anchorTarget } from '../../../../shared/anchoring/anchor-target';
import { describeRange } from '../../../../shared/anchoring/text-quote';
import type { HighlightTarget } from '../../../../shared/model/records';
import { generatedProse, seededRandom } from './generated-prose';

const text = generatedProse(60_000);
const painted = (in_: string, anchor: Anchor | undefined) => (anchor ? in_.slice(anchor.start, anchor.end) : undefined);
/** Replace [start, end) of `source` with `replacement`. */
const splice = (source: string, start: number, end: number, replacement: string) => source.slice(0, start) + replacement + source.slice(end);

describe('anchorTarget', () => {
  it('uses the stored position when the text is unchanged', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 50; i += 1) {
      const start = Math.floor(random() * (text.length - 200));
      const end = start + 1 + Math.floor(random() * 150);
      expect(anchorTarget(text, describeRange(text, start, end))).toEqual({ start, end, method: 'position' });
    }
  });

  it('finds the exact quote when text was inserted before it', () => {
    const target = describeRange(text, 30_000, 30_090);
    const inserted = 'A new opening paragraph, added when the page was captured again. ';
    const anchor = anchorTarget(inserted + text, target);
    expect(anchor).toMatchObject({ start: 30_000 + inserted.length, end: 30_090 + inserted.length, method: 'quote' });
    expect(anchor?.score).toBeCloseTo(1, 3);
  });

  it('finds the passage when a few characters changed inside and around it', () => {
    const target = describeRange(text, 20_000, 20_080);
    // Two substitutions and a deletion inside the quote, one insertion in its prefix, and text inserted far before.
    let edited = splice(text, 20_060, 20_061, '#');
    edited = splice(edited, 20_040, 20_042, '');
    edited = splice(edited, 20_010, 20_011, '%');
    edited = splice(edited, 19_990, 19_990, '++');
    edited = `Preface. ${edited}`;
    const shift = 'Preface. '.length + 2;
    const anchor = anchorTarget(edited, target);
    expect(anchor).toMatchObject({ method: 'fuzzy', start: 20_000 + shift, end: 20_078 + shift });
    expect(anchor?.score).toBeGreaterThan(0.9);
    const revisedQuote = `${text.slice(20_000, 20_010)}%${text.slice(20_011, 20_040)}${text.slice(20_042, 20_060)}#${text.slice(20_061, 20_080)}`;
    expect(painted(edited, anchor)).toBe(revisedQuote);
  });

  it('chooses among repeated quotes by their context once the position no longer holds', () => {
    const quote = 'the convoy was stopped at the bridge';
    const repeated = [generatedProse(3000, 11), quote, generatedProse(3000, 12), quote, generatedProse(3000, 13), quote, generatedProse(3000, 14)].join(' ');
    const second = repeated.indexOf(quote, repeated.indexOf(quote) + 1);
    const target = describeRange(repeated, second, second + quote.length);
    // After this insertion the old position is nearest the first occurrence: only the context points to the second.
    const moved = generatedProse(3000, 20) + repeated;
    const anchor = anchorTarget(moved, target);
    expect(anchor).toMatchObject({ start: second + 3000, method: 'quote' });
  });

  it('chooses among repeats with the same context by closeness to the old position', () => {
    const paragraph = `${generatedProse(400, 5)} `;
    const document = paragraph.repeat(6);
    const fourth = 3 * paragraph.length + 100;
    const target = describeRange(document, fourth, fourth + 50);
    const anchor = anchorTarget(`Heading. ${document}`, target);
    expect(anchor).toMatchObject({ start: fourth + 'Heading. '.length, method: 'quote' });
  });

  it('chooses the right repeat of an edited quote by context and position', () => {
    const quote = 'witnesses said the militia had left the village before dawn';
    const parts = [generatedProse(2000, 31), quote, generatedProse(2000, 32), quote, generatedProse(2000, 33)];
    const original = parts.join(' ');
    const second = original.lastIndexOf(quote);
    const target = describeRange(original, second, second + quote.length);
    const edited = original.replaceAll('the militia', 'the militias');
    const anchor = anchorTarget(edited, target);
    expect(anchor?.method).toBe('fuzzy');
    expect(anchor?.start).toBe(edited.lastIndexOf('witnesses said'));
    expect(painted(edited, anchor)).toBe('witnesses said the militias had left the village before dawn');
  });

  it('anchors a vocalised Arabic quote in the same text printed without diacritics, and the other way round', () => {
    const vocalised = 'كَتَبَ المُرَاسِلُ تَقْرِيرًا طَوِيلًا عَنِ الاجْتِمَاعِ الَّذِي عُقِدَ فِي المَدِينَةِ أَمْسِ، وَقَالَ إِنَّ المَجْلِسَ ناقَشَ نَقْصَ المِيَاهِ';
    const plain = vocalised.replace(/[\u064B-\u0652\u0670]/g, '');
    expect(plain).not.toBe(vocalised);
    const document = (body: string) => `${generatedProse(5000, 41)} ${body} ${generatedProse(5000, 42)}`;
    const withMarks = document(vocalised);
    const withoutMarks = document(plain);
    const phrase = (source: string, from: string, to: string) => {
      const start = source.indexOf(from);
      return [start, source.indexOf(to, start) + to.length] as const;
    };

    const [start, end] = phrase(withMarks, 'تَقْرِيرًا', 'المَدِينَةِ');
    const fromVocalised = anchorTarget(withoutMarks, describeRange(withMarks, start, end));
    expect(fromVocalised?.method).toBe('fuzzy');
    expect(painted(withoutMarks, fromVocalised)).toBe('تقريرا طويلا عن الاجتماع الذي عقد في المدينة');

    const [plainStart, plainEnd] = phrase(withoutMarks, 'تقريرا', 'المدينة');
    const fromPlain = anchorTarget(withMarks, describeRange(withoutMarks, plainStart, plainEnd));
    expect(fromPlain?.method).toBe('fuzzy');
    // The marks on the last letter belong to it, so they are part of the range.
    expect(painted(withMarks, fromPlain)).toBe('تَقْرِيرًا طَوِيلًا عَنِ الاجْتِمَاعِ الَّذِي عُقِدَ فِي المَدِينَةِ');

    // Tatweel (kashida) only stretches letters, and is ignored like the marks.
    const stretched = withoutMarks.replace('الاجتماع', 'الاجـــتماع');
    expect(painted(stretched, anchorTarget(stretched, describeRange(withoutMarks, plainStart, plainEnd)))).toBe('تقريرا طويلا عن الاجـــتماع الذي عقد في المدينة');
  });

  it('picks the right one of many repeats of a vocalised quote by its context', () => {
    const vocalised = 'وَصَلَ الوَفْدُ إِلَى المَدِينَةِ';
    const plain = 'وصل الوفد إلى المدينة';
    const parts = (phrase: string) => Array.from({ length: 40 }, (_, i) => `${generatedProse(150, 100 + i)} ${phrase}`).join(' ');
    const withMarks = parts(vocalised);
    const withoutMarks = `Summary. ${parts(plain)}`;
    let start = -1;
    for (let i = 0; i < 33; i += 1) start = withMarks.indexOf(vocalised, start + 1);
    const anchor = anchorTarget(withoutMarks, describeRange(withMarks, start, start + vocalised.length));
    let expected = -1;
    for (let i = 0; i < 33; i += 1) expected = withoutMarks.indexOf(plain, expected + 1);
    expect(anchor).toMatchObject({ method: 'fuzzy', start: expected, end: expected + plain.length });
  });

  it('anchors Arabic unchanged by position and edited by approximate match', () => {
    const arabic = `${generatedProse(2000, 51)} أعلنت السلطات المحلية إغلاق الطريق الرئيسي بين المدينتين بعد اشتباكات عنيفة قرب الحاجز ${generatedProse(2000, 52)}`;
    const start = arabic.indexOf('إغلاق');
    const target = describeRange(arabic, start, arabic.indexOf('قرب'));
    expect(anchorTarget(arabic, target)?.method).toBe('position');
    const edited = `مقدمة. ${arabic.replace('اشتباكات عنيفة', 'اشتباكات عنيفه')}`;
    const anchor = anchorTarget(edited, target);
    expect(anchor).toMatchObject({ method: 'fuzzy', start: start + 'مقدمة. '.length });
    expect(painted(edited, anchor)).toBe('إغلاق الطريق الرئيسي بين المدينتين بعد اشتباكات عنيفه ');
  });

  it('never starts or ends a range inside a surrogate pair', () => {
    const emoji = ['😀', '🔥', '👍🏽', '🇸🇾', '𝔸', '𠀀', '🚒'];
    const random = seededRandom(9);
    const pieces: string[] = [];
    for (let i = 0; i < 3000; i += 1) pieces.push(random() < 0.3 ? (emoji[Math.floor(random() * emoji.length)] as string) : generatedProse(4 + Math.floor(random() * 8), i));
    const astral = pieces.join(' ');
    const insideAPair = (source: string, offset: number) => offset > 0 && offset < source.length && /[\uDC00-\uDFFF]/.test(source.charAt(offset)) && /[\uD800-\uDBFF]/.test(source.charAt(offset - 1));
    let checked = 0;
    for (let i = 0; i < 60; i += 1) {
      const start = Math.floor(random() * (astral.length - 200));
      const end = start + 20 + Math.floor(random() * 100);
      const target = describeRange(astral, start, end);
      // Replace an astral character near each end, and shift the text, so that every stage gets its turn.
      const edited = `» ${astral.slice(0, start - 3)}🌍${astral.slice(start - 1, end - 2)}🌊${astral.slice(end)}`;
      for (const [source, anchor] of [
        [astral, anchorTarget(astral, target)],
        [edited, anchorTarget(edited, target)],
      ] as const) {
        if (!anchor) continue;
        checked += 1;
        expect(insideAPair(source, anchor.start)).toBe(false);
        expect(insideAPair(source, anchor.end)).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(90);
  });

  it('widens a stored range that splits an emoji', () => {
    const source = `${generatedProse(500, 61)} flames 🔥🔥 seen ${generatedProse(500, 62)}`;
    const fire = source.indexOf('🔥');
    // A selection from a tool that counted code points wrongly: it starts and ends between the halves of an emoji.
    const target = describeRange(source, fire + 1, fire + 3);
    expect(anchorTarget(source, target)).toEqual({ start: fire, end: fire + 4, method: 'position' });
  });

  it('returns undefined for a quote that no longer exists', () => {
    const target = describeRange(generatedProse(5000, 99), 1000, 1080);
    expect(anchorTarget(text, target)).toBeUndefined();
    expect(anchorTarget('', target)).toBeUndefined();
  });

  it('rejects a similar quote whose context is unrelated', () => {
    const source = `${generatedProse(3000, 71)} the council met on Tuesday to discuss the water shortage ${generatedProse(3000, 72)}`;
    const elsewhere = `${generatedProse(3000, 73)} the council met on Thursday to discuss the water shortage ${generatedProse(3000, 74)}`;
    const start = elsewhere.indexOf('the council');
    const target = describeRange(elsewhere, start, start + 'the council met on Thursday to discuss the water shortage'.length);
    expect(anchorTarget(source, target)).toBeUndefined();
  });

  it('tries only the position and the exact quote when fuzzy matching is off', () => {
    const target = describeRange(text, 10_000, 10_080);
    const edited = splice(text, 10_040, 10_041, '#');
    expect(anchorTarget(edited, target, { fuzzy: false })).toBeUndefined();
    expect(anchorTarget(`x${text}`, target, { fuzzy: false })?.method).toBe('quote');
  });

  it('anchors a quote stored in another Unicode normalisation form', () => {
    const source = `${generatedProse(2000, 81)} the café in Zürich closed ${generatedProse(2000, 82)}`.normalize('NFC');
    const start = source.indexOf('the café');
    const target = describeRange(source, start, start + 'the café in Zürich'.length);
    const decomposed: HighlightTarget = { ...target, quote: { ...target.quote, exact: target.quote.exact.normalize('NFD') }, position: { ...target.position, end: target.position.start + target.quote.exact.normalize('NFD').length } };
    expect(anchorTarget(source, decomposed)).toMatchObject({ start, end: start + 'the café in Zürich'.length });
  });
});

describe('anchorAll', () => {
  it('anchors each target as anchorTarget does, in order, whether or not the text gets indexed', () => {
    const random = seededRandom(17);
    const targets = Array.from({ length: 40 }, () => {
      const start = Math.floor(random() * (text.length - 200));
      return describeRange(text, start, start + 30 + Math.floor(random() * 120));
    });
    targets.push(describeRange(generatedProse(4000, 90), 100, 180));
    let changed = `Introduction. ${text}`;
    for (let i = 0; i < 30; i += 1) {
      const at = Math.floor(random() * changed.length);
      changed = splice(changed, at, at + 1, '~');
    }
    for (const source of [text, changed]) {
      const expected = targets.map((target) => anchorTarget(source, target));
      expect(anchorAll(source, targets)).toEqual(expected);
      expect(anchorAll(source, targets.slice(0, 3))).toEqual(expected.slice(0, 3));
    }
    const anchors = anchorAll(changed, targets);
    expect(new Set(anchors.map((anchor) => anchor?.method))).toEqual(new Set(['quote', 'fuzzy', undefined]));
  });
});
