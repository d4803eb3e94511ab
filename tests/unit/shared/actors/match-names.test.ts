import { describe, expect, it } from 'vitest';
import { createNameMatcher, itemsNamed, MatchRank, nameKey } from '../../../../shared/actors/match-names';

interface Item {
  id: string;
  name: string;
  aliases: string[];
}

const actors: Item[] = [
  { id: 'kh', name: "Kata'ib Hezbollah", aliases: ['Kataib Hizballah', 'كتائب حزب الله'] },
  { id: 'pm', name: 'Mustafa al-Kadhimi', aliases: ['Al-Kazemi', 'مصطفى الكاظمى'] },
  { id: 'qa', name: 'Esmail Qāʾānī', aliases: ['Qaani', 'إسماعيل قاآني'] },
  { id: 'ab', name: 'Asaʿib Ahl al-Haq', aliases: ['عصائب أهل الحق'] },
  { id: 'pmf', name: 'Popular Mobilization Forces', aliases: ['الحشد الشعبي', 'PMF'] },
  { id: 'mosul', name: 'Mosul', aliases: ['الموصل'] },
  { id: 'basra', name: 'Basra', aliases: ['البصرة', 'Basrah'] },
  { id: 'nb', name: 'Nibras', aliases: ['Nebras'] },
];
const namesOf = (actor: Item) => [actor.name, ...actor.aliases];
const match = createNameMatcher(actors, namesOf);
const ids = (query: string) => match(query).map((found) => found.item.id);

describe('name matching for the quick picker', () => {
  it.each([
    ['kataib', 'kh', 'apostrophe dropped'],
    ['KATA’IB', 'kh', 'case and a typographic apostrophe'],
    ['qaani', 'qa', 'macrons and a hamza letter in the transliteration'],
    ['Qāani', 'qa', 'accents in the query'],
    ['asaib', 'ab', 'ʿayn modifier letter'],
    ['الكاظمي', 'pm', 'ى (alef maqsura) typed as ي'],
    ['الكاظمى', 'pm', 'the spelling as stored'],
    ['اسماعيل', 'qa', 'إ (alef with hamza below) typed as bare alef'],
    ['قاانى', 'qa', 'آ (alef madda) as alef, final ي as ى'],
    ['عصايب اهل', 'ab', 'ئ (hamza on ya) and أ (hamza on alef) typed bare'],
    ['البصره', 'basra', 'ة (ta marbuta) typed as ه'],
    ['الحَشْد الشَّعْبِيّ', 'pmf', 'harakat in the query'],
    ['الحـــشد', 'pmf', 'tatweel in the query'],
    ['al kadhimi', 'pm', 'a space for a hyphen'],
    ['alkadhimi', 'pm', 'no space at all'],
  ])('“%s” finds %s (%s)', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it('ranks the whole name, then a prefix, then a word inside, then a substring', () => {
    const items = [
      { id: 'substring', name: 'Alkadhimiyya', aliases: [] },
      { id: 'word', name: 'Mustafa Kadhim', aliases: [] },
      { id: 'prefix', name: 'Kadhimiya district', aliases: [] },
      { id: 'exact', name: 'Kadhim', aliases: [] },
      { id: 'inner', name: 'Al-Kadhimiya', aliases: [] },
    ];
    const found = createNameMatcher(items, namesOf)('kadhim');
    expect(found.map((entry) => [entry.item.id, entry.rank])).toEqual([
      ['exact', MatchRank.exact],
      ['prefix', MatchRank.prefix],
      ['inner', MatchRank.wordPrefix],
      ['word', MatchRank.wordPrefix],
      ['substring', MatchRank.substring],
    ]);
    expect(createNameMatcher(items, namesOf)('adhimiy').map((entry) => entry.rank)).toEqual([MatchRank.substring, MatchRank.substring, MatchRank.substring]);
  });

  it('prefers the main name to an alias and reports the name that matched', () => {
    const items = [
      { id: 'alias', name: 'Hadi al-Amiri', aliases: ['Badr'] },
      { id: 'main', name: 'Badr', aliases: ['Badr Organization'] },
    ];
    const found = createNameMatcher(items, namesOf)('badr');
    expect(found.map((entry) => [entry.item.id, entry.name])).toEqual([
      ['main', 'Badr'],
      ['alias', 'Badr'],
    ]);
  });

  it('keeps one entry per item, at its best rank, and honours the limit', () => {
    expect(ids('basra')).toEqual(['basra']);
    const many = Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, name: `Brigade ${i}`, aliases: [] }));
    expect(createNameMatcher(many, namesOf)('brigade', 5)).toHaveLength(5);
  });

  it('finds nothing for an empty or punctuation-only query', () => {
    expect(match('')).toEqual([]);
    expect(match(" '-- ")).toEqual([]);
  });

  it('resolves a typed name to the items that have it exactly, after folding', () => {
    expect(itemsNamed(actors, namesOf, 'KATAIB HIZBALLAH').map((actor) => actor.id)).toEqual(['kh']);
    expect(itemsNamed(actors, namesOf, 'مصطفى الكاظمي').map((actor) => actor.id)).toEqual(['pm']);
    expect(itemsNamed(actors, namesOf, 'Kadhimi')).toEqual([]);
    expect(nameKey('  Al-Kadhimi, Mustafa ')).toBe('al kadhimi mustafa');
  });
});
