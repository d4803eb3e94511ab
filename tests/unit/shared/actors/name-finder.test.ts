import { describe, expect, it } from 'vitest';
import { NameFinder } from '../../../../shared/actors/name-finder';

const finderItems = [
  { id: 'kh', names: ["Kata'ib Hezbollah", 'كتائب حزب الله'] },
  { id: 'pm', names: ['Mustafa al-Kadhimi', 'Kadhimi', 'مصطفى الكاظمى'] },
  { id: 'pmf', names: ['Popular Mobilization Forces', 'الحشد الشعبي', 'PMF'] },
  { id: 'us', names: ['United States', 'US'] },
  { id: 'basra', names: ['البصرة'] },
  { id: 'qa', names: ['Qāʾānī'] },
];
const finder = new NameFinder(finderItems);

function found(text: string): [string, string][] {
  return finder.find(text).map((hit) => [hit.id, text.slice(hit.start, hit.end)]);
}

describe('finding names in text', () => {
  it('finds Latin names whatever their case, accents and apostrophes, and maps back to the original offsets', () => {
    const text = 'Fighters of KATA’IB HEZBOLLAH and Kataʾib  Hezbollah met Qaani, then Qāʾānī.';
    expect(found(text)).toEqual([
      ['kh', 'KATA’IB HEZBOLLAH'],
      ['kh', 'Kataʾib  Hezbollah'],
      ['qa', 'Qaani'],
      ['qa', 'Qāʾānī'],
    ]);
  });

  it('matches on word boundaries only', () => {
    expect(found('Kadhimiya and Kadhimis are not him; al-Kadhimi is.')).toEqual([['pm', 'Kadhimi']]);
  });

  it('keeps the longest of an actor’s overlapping names', () => {
    expect(found('Prime Minister Mustafa al-Kadhimi spoke. Kadhimi left.')).toEqual([
      ['pm', 'Mustafa al-Kadhimi'],
      ['pm', 'Kadhimi'],
    ]);
  });

  it('follows a name across a line break, and takes a hyphen and a space for each other', () => {
    expect(found('the Popular\nMobilization Forces')).toEqual([['pmf', 'Popular\nMobilization Forces']]);
    expect(found('Mustafa al Kadhimi and Kata’ib-Hezbollah')).toEqual([
      ['pm', 'Mustafa al Kadhimi'],
      ['kh', 'Kata’ib-Hezbollah'],
    ]);
  });

  it('matches short all-capital names with their case only', () => {
    expect(found('Give us the US position; the PMF and the pmf.')).toEqual([
      ['us', 'US'],
      ['pmf', 'PMF'],
    ]);
  });

  it('finds Arabic names across alef, hamza, ya and ta marbuta forms, harakat and tatweel, keeping the marks in the range', () => {
    const text = 'قال مصطفى الكاظمي إن كتائب حزب اللّه وكتايب حزب الله والحَشْدُ الشعبـــي في البصره.';
    expect(found(text)).toEqual([
      ['pm', 'مصطفى الكاظمي'],
      ['kh', 'كتائب حزب اللّه'],
      ['kh', 'كتايب حزب الله'],
      ['pmf', 'الحَشْدُ الشعبـــي'],
      ['basra', 'البصره'],
    ]);
  });

  it('finds an Arabic name behind a joined proclitic (wa-, bi-) without taking it into the range', () => {
    const text = 'بالبصرة ووالحشد الشعبي';
    expect(found('وكتائب حزب الله بالبصرة')).toEqual([
      ['kh', 'كتائب حزب الله'],
      ['basra', 'البصرة'],
    ]);
    expect(found(text)).toEqual([['basra', 'البصرة']]);
  });

  it('ignores names too short to mean anything, and finds nothing with no names', () => {
    expect(new NameFinder([{ id: 'x', names: ['A', "'", ''] }]).find('A day in A town')).toEqual([]);
    expect(new NameFinder([]).find('anything')).toEqual([]);
  });
});

describe('finding names: edges', () => {
  it('takes an English possessive, and a name quoted in apostrophes, without the signs around it', () => {
    expect(found("al-Kadhimi’s office and Kata'ib Hezbollah's men, 'Kadhimi'")).toEqual([
      ['pm', 'Kadhimi'],
      ['kh', "Kata'ib Hezbollah"],
      ['pm', 'Kadhimi'],
    ]);
  });

  it('follows a name whose marks make the original much longer than the folded name', () => {
    const stretched = (word: string) => [...word].join('\u0640'.repeat(8));
    const marked = `${stretched('كَتَائِبُ')}   ${stretched('حِزْبِ')}   اللّٰهِ`;
    expect(marked.length).toBeGreaterThan(3 * 'كتايب حزب الله'.length + 16);
    expect(found(`${'x '.repeat(5)}${marked}`)).toEqual([['kh', marked]]);
  });
});

describe('finding names: one finder over many texts', () => {
  it('tells apart names of several words that share their first word, and names with punctuation inside', () => {
    const shared = new NameFinder([
      { id: 'badr-org', names: ['Badr Organization'] },
      { id: 'badr-brigade', names: ['Badr Brigade', 'Badr 9th Brigade'] },
      { id: 'army', names: ['U.S. Army'] },
      { id: 'state', names: ['U.S.'] },
    ]);
    const text = 'The Badr Brigade, not the Badr Organization, met the U.S. Army; badr-organization and the U.S. agreed. Badr left.';
    expect(shared.find(text).map((hit) => [hit.id, text.slice(hit.start, hit.end)])).toEqual([
      ['badr-brigade', 'Badr Brigade'],
      ['badr-org', 'Badr Organization'],
      ['army', 'U.S. Army'],
      // A name is trimmed to its letters at both ends, so the full stop after “U.S” is the sentence's.
      ['state', 'U.S'],
      ['badr-org', 'badr-organization'],
      ['state', 'U.S'],
    ]);
  });

  it('gives the same answer for a text however many texts it has read before, words it has seen spelt other ways included', () => {
    const texts = ['Kataib Hezbollah and KATAIB hezbollah.', 'بالبصرة والكاظمي', 'Kadhimi’s men; kadhimi, KADHIMI', 'the 𝐀rmy of Kata’ib Hezbollah’s allies'];
    const fresh = texts.map((text) => new NameFinder([...finderItems]).find(text));
    const reused = new NameFinder([...finderItems]);
    for (let round = 0; round < 3; round++) expect(texts.map((text) => reused.find(text))).toEqual(fresh);
    expect(fresh.map((hits) => hits.length)).toEqual([2, 1, 3, 1]);
  });
});
