/** Spellings compared without case, accents, Arabic diacritics or tatweel, and with hyphens and apostrophes as spaces: the differences that most often split one name in two. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .toLocaleLowerCase()
    .replace(/[\s\-_'’ʿʾ.]+/g, ' ')
    .trim();
}
