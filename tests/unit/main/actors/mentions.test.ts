import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../../main/actors/mention-finder';
import { tagMentions } from '../../../../main/actors/mention-tagger';
import { createHighlight } from '../../../../main/notebook/records/highlights';
import { TextCache } from '../../../../main/notebook/records/text-cache';
import { addTextDocument, type OpenTestNotebook } from '../../../support/notebook-fixture';
import { useTestNotebook } from '../../../support/use-test-notebook';

let nb: OpenTestNotebook;
let texts: TextCache;

useTestNotebook((opened) => {
  nb = opened;
  texts = new TextCache(nb.store.blobs);
});

const ENGLISH = 'Kata’ib Hezbollah denied the strike. Officials said KATAIB HEZBOLLAH and Prime Minister al-Kadhimi met twice.';
const ARABIC = 'قال مصطفى الكاظمي إن كتائب حزب الله لم تعلن مسؤوليتها، وأكد الكاظمى ذلك.';

async function setUp() {
  const { records } = nb;
  const english = await addTextDocument(records, 'English brief', ENGLISH);
  const arabic = await addTextDocument(records, 'Arabic brief', ARABIC);
  const kh = await records.create('actors', { name: "Kata'ib Hezbollah", kind: 'armed-group', aliases: ['كتائب حزب الله'], description: '', affiliations: [] });
  const pm = await records.create('actors', { name: 'Mustafa al-Kadhimi', kind: 'person', aliases: ['al-Kadhimi', 'الكاظمي', 'مصطفى الكاظمي'], description: '', affiliations: [] });
  return { english, arabic, kh, pm };
}

describe('the mention finder', () => {
  it('lists each actor’s untagged mentions in both scripts, with the words as written and their context', async () => {
    const { english, arabic, kh, pm } = await setUp();
    const found = await findMentions(nb.records, texts);
    expect(found.total).toBe(6);
    expect(found.documents).toBe(2);
    const listed = found.mentions.map((mention) => [mention.documentId === english.id ? 'en' : 'ar', mention.actorId === kh.id ? 'kh' : 'pm', mention.text]);
    expect(listed).toEqual([
      ['en', 'kh', 'Kata’ib Hezbollah'],
      ['en', 'kh', 'KATAIB HEZBOLLAH'],
      ['en', 'pm', 'al-Kadhimi'],
      ['ar', 'pm', 'مصطفى الكاظمي'],
      ['ar', 'kh', 'كتائب حزب الله'],
      ['ar', 'pm', 'الكاظمى'],
    ]);
    const second = found.mentions[1];
    expect(second).toMatchObject({ name: "Kata'ib Hezbollah", before: 'Kata’ib Hezbollah denied the strike. Officials said ', after: ' and Prime Minister al-Kadhimi met twice.' });
    expect(ENGLISH.slice(second?.start, second?.end)).toBe('KATAIB HEZBOLLAH');
    expect(found.mentions.filter((mention) => mention.documentId === arabic.id && mention.actorId === pm.id).map((mention) => mention.name)).toEqual(['مصطفى الكاظمي', 'الكاظمي']);
  });

  it('leaves out mentions covered by a highlight tagged with that actor, but not by one tagged with another', async () => {
    const { english, kh, pm } = await setUp();
    await createHighlight(nb.records, texts, { documentId: english.id, anchor: { quote: 'Kata’ib Hezbollah denied' }, color: 'yellow', comment: '', tags: [], actorIds: [kh.id], eventIds: [] });
    await createHighlight(nb.records, texts, { documentId: english.id, anchor: { quote: 'Prime Minister al-Kadhimi' }, color: 'yellow', comment: '', tags: [], actorIds: [kh.id], eventIds: [] });
    const found = await findMentions(nb.records, texts, { actorId: kh.id });
    expect(found.mentions.map((mention) => mention.text)).toEqual(['KATAIB HEZBOLLAH', 'كتائب حزب الله']);
    const forPm = await findMentions(nb.records, texts, { actorId: pm.id });
    expect(forPm.mentions.map((mention) => mention.text)).toContain('al-Kadhimi');
  });

  it('takes a highlight as covering mentions of its own document only, and a deleted one as none', async () => {
    const { english, arabic, kh } = await setUp();
    // This English highlight covers “KATAIB HEZBOLLAH”, and also the offsets of the actor's Arabic name in the other document.
    const end = ENGLISH.indexOf('KATAIB HEZBOLLAH') + 16;
    const start = ARABIC.indexOf('كتائب') - 2;
    expect(start).toBeLessThan(end);
    const covering = await createHighlight(nb.records, texts, { documentId: english.id, anchor: { start, end }, color: 'yellow', comment: '', tags: [], actorIds: [kh.id], eventIds: [] });
    const listed = async () => (await findMentions(nb.records, texts, { actorId: kh.id })).mentions.map((mention) => [mention.documentId === arabic.id ? 'ar' : 'en', mention.text]);
    expect(await listed()).toEqual([
      ['en', 'Kata’ib Hezbollah'],
      ['ar', 'كتائب حزب الله'],
    ]);
    await nb.records.delete('highlights', covering.id);
    expect(await listed()).toEqual([
      ['en', 'Kata’ib Hezbollah'],
      ['en', 'KATAIB HEZBOLLAH'],
      ['ar', 'كتائب حزب الله'],
    ]);
  });

  it('cuts the list at its limit but counts every mention', async () => {
    await setUp();
    const found = await findMentions(nb.records, texts, { limit: 2 });
    expect(found.mentions).toHaveLength(2);
    expect(found.total).toBe(6);
  });

  it('refuses a deleted actor', async () => {
    const { kh } = await setUp();
    await nb.records.delete('actors', kh.id);
    await expect(findMentions(nb.records, texts, { actorId: kh.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await findMentions(nb.records, texts)).mentions.every((mention) => mention.actorId !== kh.id)).toBe(true);
  });
});

describe('tagging mentions', () => {
  it('tags all in one action: each becomes a highlight tagged with its actor, and none is left to find', async () => {
    const { english, kh } = await setUp();
    const found = await findMentions(nb.records, texts);
    expect(await tagMentions(nb.records, texts, found.mentions)).toEqual({ created: 6, updated: 0 });
    expect((await findMentions(nb.records, texts)).total).toBe(0);
    const highlights = await nb.records.list('highlights', { documentId: english.id });
    const first = highlights.find((highlight) => highlight.target.quote.exact === 'Kata’ib Hezbollah');
    expect(first?.actorIds).toEqual([kh.id]);
    expect(first?.target.position).toEqual({ type: 'TextPositionSelector', start: 0, end: 17 });
  });

  it('adds the actor to a highlight on exactly the same range, and shares one highlight between actors named by one range', async () => {
    const { english, kh, pm } = await setUp();
    const start = ENGLISH.indexOf('al-Kadhimi');
    const existing = await createHighlight(nb.records, texts, { documentId: english.id, anchor: { start, end: start + 10 }, color: 'green', comment: 'PM', tags: [], actorIds: [], eventIds: [] });
    const other = ENGLISH.indexOf('Officials');
    const result = await tagMentions(nb.records, texts, [
      { actorId: pm.id, documentId: english.id, start, end: start + 10 },
      { actorId: kh.id, documentId: english.id, start: other, end: other + 9 },
      { actorId: pm.id, documentId: english.id, start: other, end: other + 9 },
    ]);
    expect(result).toEqual({ created: 1, updated: 1 });
    expect((await nb.records.get('highlights', existing.id)).actorIds).toEqual([pm.id]);
    const shared = (await nb.records.list('highlights', { documentId: english.id })).find((highlight) => highlight.target.quote.exact === 'Officials');
    expect(shared?.actorIds).toEqual([kh.id, pm.id]);
  });

  it('checks every actor and document before writing anything', async () => {
    const { english, arabic, kh } = await setUp();
    await nb.records.delete('documents', arabic.id);
    await expect(
      tagMentions(nb.records, texts, [
        { actorId: kh.id, documentId: english.id, start: 0, end: 17 },
        { actorId: kh.id, documentId: arabic.id, start: 0, end: 3 },
      ]),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(tagMentions(nb.records, texts, [{ actorId: 'no-such-actor', documentId: english.id, start: 0, end: 17 }])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await nb.records.list('highlights')).toEqual([]);
  });
});
