import { describe, expect, it } from 'vitest';
import { foldMarks, foldMarksWithOffsets } from '../../../../shared/anchoring/fold-marks';

const vocalised = 'قَالَ المُتَحَدِّثُ إِنَّ الوَفْدَ وَصَلَ';

describe('foldMarks', () => {
  it('removes Arabic vowel marks, shadda, sukun, tanwin and tatweel, and nothing else', () => {
    expect(foldMarks(vocalised)).toBe('قال المتحدث إن الوفد وصل');
    expect(foldMarks('كتابًا جميـــلا')).toBe('كتابا جميلا');
    // Hamza forms are letters, not marks.
    expect(foldMarks('أإآؤئ')).toBe('أإآؤئ');
    expect(foldMarks('Latin text, 123 and émoji 🔥')).toBe('Latin text, 123 and émoji 🔥');
  });
});

describe('foldMarksWithOffsets', () => {
  it('maps folded offsets back to the original text, ending past the marks of the last letter', () => {
    const folded = foldMarksWithOffsets(vocalised);
    expect(folded.text).toBe(foldMarks(vocalised));
    const start = folded.text.indexOf('المتحدث');
    const end = start + 'المتحدث'.length;
    expect(vocalised.slice(folded.toOriginal(start), folded.toOriginal(end))).toBe('المُتَحَدِّثُ');
    expect(folded.toOriginal(folded.text.length)).toBe(vocalised.length);
  });

  it('maps original offsets to the folded text', () => {
    const folded = foldMarksWithOffsets(vocalised);
    const word = vocalised.indexOf('الوَفْدَ');
    expect(folded.fromOriginal(word)).toBe(folded.text.indexOf('الوفد'));
    // An offset on a mark maps to the next letter.
    expect(folded.fromOriginal(1)).toBe(1);
    expect(folded.fromOriginal(vocalised.length)).toBe(folded.text.length);
  });

  it('is the identity for text without marks', () => {
    const folded = foldMarksWithOffsets('plain text');
    expect(folded.text).toBe('plain text');
    expect([folded.toOriginal(3), folded.fromOriginal(5), folded.fromOriginal(99)]).toEqual([3, 5, 10]);
  });
});
