/**
 * Seeded, made-up prose for anchoring tests and benchmarks: words built from
 * syllables, so that phrases rarely repeat by accident (as in real reports)
 * unless a test repeats them on purpose.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const SYLLABLES = ['ka', 'ra', 'mo', 'len', 'tu', 'shi', 'bar', 'do', 'vin', 'el', 'sa', 'qu', 'ni', 'por', 'al', 'zem', 'ho', 'wit', 'an', 'gre'];
const COMMON = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'near', 'said', 'was', 'on', 'by'];

export function generatedProse(length: number, seed = 1): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const words = Array.from({ length: 6 + Math.floor(random() * 14) }, () => {
      if (random() < 0.4) return pick(COMMON);
      if (random() < 0.05) return String(Math.floor(random() * 2000));
      return Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
    });
    const sentence = `${words.join(' ')}. `;
    parts.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
    size += sentence.length;
  }
  return parts.join('').slice(0, length);
}
