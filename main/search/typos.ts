/**
 * Every string one edit away from a word: a letter dropped, added, changed,
 * or two neighbours swapped (the typos people make), with the word itself.
 * Added and changed letters are drawn from `alphabet`, the letters the index
 * has, so the candidates stay a few thousand at most and each is one lookup
 * in the sorted terms: cheaper than building lunr's token set automaton over
 * a segment's terms, which took 50 ms a segment on the first typo searched.
 */
export function oneEditAway(word: string, alphabet: readonly string[]): Set<string> {
  const letters = Array.from(word);
  const n = letters.length;
  const join = (parts: readonly string[]) => parts.join('');
  const found = new Set<string>([word]);
  for (let i = 0; i < n; i++) {
    found.add(join([...letters.slice(0, i), ...letters.slice(i + 1)]));
    if (i + 1 < n) found.add(join([...letters.slice(0, i), letters[i + 1] as string, letters[i] as string, ...letters.slice(i + 2)]));
  }
  const before = (i: number) => join(letters.slice(0, i));
  const after = (i: number) => join(letters.slice(i));
  for (let i = 0; i <= n; i++) {
    const head = before(i);
    const rest = after(i);
    const tail = after(i + 1);
    for (const letter of alphabet) {
      found.add(head + letter + rest);
      if (i < n) found.add(head + letter + tail);
    }
  }
  return found;
}

/** The distinct letters (code points) of the terms. */
export function lettersOf(terms: readonly string[]): string[] {
  const letters = new Set<string>();
  for (const term of terms) for (const letter of term) letters.add(letter);
  return [...letters].sort();
}
