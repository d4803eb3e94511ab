import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportQdpx } from '../../../../main/interop/refi-qda/export-qdpx';
import { importQdpx } from '../../../../main/interop/refi-qda/import-qdpx';
import { QDA_NAMESPACE } from '../../../../main/interop/refi-qda/project-xml';
import { addTextDocument, openTestNotebook, type OpenTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { rawZip } from '../exchange/raw-zip';
import { highlightQuote, populatedNotebook } from '../exchange/exchange-fixture';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let target: OpenTestNotebook;

beforeEach(async () => {
  temp = await makeTempDir();
  target = await openTestNotebook(path.join(temp.dir, 'target'), 'Omar');
});
afterEach(async () => {
  await target.store.close();
  await temp.remove();
});

const project = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="${QDA_NAMESPACE}" name="Other tool">${body}</Project>`;
const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const qdpx = (xml: string, sources: Record<string, string> = {}) =>
  rawZip([{ name: 'project.qde', data: Buffer.from(xml, 'utf8'), deflate: true }, ...Object.entries(sources).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8'), deflate: true }))]);

describe('REFI-QDA import', () => {
  it('takes a notebook exported to REFI-QDA back: same texts, highlights on the same characters, codes as tags, comments and notes', async () => {
    const source = await populatedNotebook(path.join(temp.dir, 'source'));
    const arabic = await addTextDocument(source.records, 'تقرير', 'قال المتحدث إن الاجتماع كان قصيرا 😀 وانتهى.');
    await highlightQuote(source.records, arabic.id, 'كان قصيرا 😀 وانتهى');
    const file = path.join(temp.dir, 'out.qdpx');
    await exportQdpx(source.store, file, 'test');
    const before = { documents: await source.records.list('documents'), highlights: await source.records.list('highlights'), notes: await source.records.list('notes') };
    const textOf = async (store: OpenTestNotebook['store'], sha256: string) => store.blobs.getText(sha256);
    const sourceTexts = await Promise.all(before.documents.map((document) => textOf(source.store, document.text.sha256)));
    await source.store.close();

    const report = await importQdpx(target.records, await readFile(file), 'out.qdpx');
    expect(report).toMatchObject({ documents: 2, existingDocuments: 0, highlights: 3 });
    const documents = await target.records.list('documents');
    expect((await Promise.all(documents.map((document) => textOf(target.store, document.text.sha256)))).sort()).toEqual([...sourceTexts].sort());
    const highlights = await target.records.list('highlights');
    const key = (highlight: { target: { quote: { exact: string }; position: { start: number; end: number } } }) => `${highlight.target.quote.exact}@${highlight.target.position.start}-${highlight.target.position.end}`;
    expect(highlights.map(key).sort()).toEqual(before.highlights.map(key).sort());
    const tags = new Map((await target.records.list('tags')).map((tag) => [tag.id, tag.name]));
    expect([...tags.values()].sort()).toEqual(['Green Zone meeting', "Kata'ib Hezbollah", 'Mustafa al-Kadhimi', 'elections']);
    const commented = highlights.find((highlight) => highlight.comment === 'First meeting since the vote.');
    expect(commented?.tags.map((id) => tags.get(id)).sort()).toEqual(['Green Zone meeting', 'Mustafa al-Kadhimi', 'elections']);
    const notes = await target.records.list('notes');
    expect(notes.find((note) => note.title === 'Reading notes')).toMatchObject({ body: before.notes[0]?.body, attachedTo: { kind: 'document' } });
    expect(notes.find((note) => note.title === 'Code “Kata\'ib Hezbollah”')?.body).toContain('- كتائب حزب الله');
    expect(report.notShown).toEqual(['Code group “Actors”: its codes are imported as tags, without the grouping.', 'Code group “Events”: its codes are imported as tags, without the grouping.', 'Users (Layla): what was imported is recorded as yours; their names are not kept on each item.']);

    const again = await importQdpx(target.records, await readFile(file), 'out.qdpx');
    expect(again).toMatchObject({ documents: 0, existingDocuments: 2, tags: 0 });
  });

  it('reads inline text, converts code points to the notebook\'s offsets and reports what it cannot show or place', async () => {
    // Two combining accents (fewer UTF-16 units once NFC) and an emoji (more units than code points) before the selection.
    const text = `e\u0301e\u0301 😀 ملاحظة مهمة here${'.'.repeat(20_000)}`;
    const xml = project(`<CodeBook><Codes><Code guid="${guid(1)}" name="theme" isCodable="true" color="#123456"/></Codes></CodeBook>
      <Cases><Case guid="${guid(9)}" name="c"/></Cases>
      <Sources>
        <TextSource guid="${guid(2)}" name="inline"><PlainTextContent>${text}</PlainTextContent>
          <PlainTextSelection guid="${guid(3)}" startPosition="7" endPosition="18"><Description>why</Description><Coding guid="${guid(4)}"><CodeRef targetGUID="${guid(1)}"/></Coding></PlainTextSelection>
          <PlainTextSelection guid="${guid(5)}" startPosition="10" endPosition="99999"/>
          <PlainTextSelection guid="${guid(8)}" startPosition="0" endPosition="20023"/>
          <Unknown/>
        </TextSource>
        <TextSource guid="${guid(6)}" name="escaping" plainTextPath="internal://../../etc/passwd"/>
        <PictureSource guid="${guid(7)}" name="photo" path="internal://${guid(7)}.png"/>
      </Sources>`);
    const report = await importQdpx(target.records, qdpx(xml), 'other.qdpx');
    expect(report).toMatchObject({ documents: 1, highlights: 1, tags: 1 });
    const [highlight] = await target.records.list('highlights');
    expect(highlight).toMatchObject({ comment: 'why', target: { quote: { exact: 'ملاحظة مهمة' } } });
    expect(report.notShown).toEqual([
      expect.stringContaining('positions 10–99999 are outside its 20023 characters'),
      expect.stringContaining('20022 characters long, more than a highlight holds (20000)'),
      expect.stringContaining('“escaping”: its text (internal://../../etc/passwd) is not in the package'),
      expect.stringContaining('PictureSource “photo”'),
      '1 cases: Fieldbook has nothing to show them as.',
    ]);
  });

  it('finds sources in a "Sources" folder under upper-case GUID names, as other tools write them, and attaches their notes', async () => {
    const name = 'C8A57C71-D156-4A94-8407-2BD2FA57E2A4.txt';
    const xml = project(`<Sources><TextSource guid="${guid(1)}" name="Interview" plainTextPath="internal://${name}"><PlainTextSelection guid="${guid(2)}" startPosition="0" endPosition="5"><NoteRef targetGUID="${guid(4)}"/></PlainTextSelection><NoteRef targetGUID="${guid(3)}"/></TextSource></Sources>
      <Notes><Note guid="${guid(3)}" name="Memo"><PlainTextContent>About the interview</PlainTextContent></Note><Note guid="${guid(4)}" name="On hello"><PlainTextContent>A greeting</PlainTextContent></Note></Notes>`);
    const report = await importQdpx(target.records, qdpx(xml, { [`Sources/${name}`]: 'Hello, said the interviewee.' }), 'nvivo.qdpx');
    expect(report).toMatchObject({ documents: 1, highlights: 1, notes: 1, notShown: [] });
    const [document] = await target.records.list('documents');
    expect(await target.records.list('highlights')).toMatchObject([{ comment: 'A greeting', target: { quote: { exact: 'Hello' } } }]);
    expect(await target.records.list('notes')).toMatchObject([{ title: 'Memo', body: 'About the interview', attachedTo: { kind: 'document', id: document?.id } }]);
  });

  it('makes codes actors when asked, reusing an actor known by that name or alias, and says what a document cannot carry', async () => {
    const known = await target.records.create('actors', { name: "Kata'ib Hezbollah", kind: 'armed-group', aliases: ['KH'], description: '', affiliations: [] });
    const xml = project(`<CodeBook><Codes><Code guid="${guid(1)}" name="kh" isCodable="true"/><Code guid="${guid(2)}" name="Ministry" isCodable="true"><Description>The ministry of the interior.</Description></Code><Code guid="${guid(8)}" name="" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="${guid(3)}" name="Brief"><PlainTextContent>KH met the Ministry.</PlainTextContent>
        <PlainTextSelection guid="${guid(4)}" startPosition="0" endPosition="20"><Coding guid="${guid(5)}"><CodeRef targetGUID="${guid(1)}"/></Coding><Coding guid="${guid(6)}"><CodeRef targetGUID="${guid(2)}"/></Coding></PlainTextSelection>
        <Coding guid="${guid(7)}"><CodeRef targetGUID="${guid(2)}"/></Coding>
      </TextSource></Sources>`);
    const report = await importQdpx(target.records, qdpx(xml), 'brief.qdpx', 'actors');
    expect(report).toMatchObject({ tags: 0, actors: 2, highlights: 1, notShown: ['1 codes applied to whole sources: a document cannot name an actor, only its highlights can.'] });
    const ministry = (await target.records.list('actors')).find((actor) => actor.name === 'Ministry');
    expect(ministry?.description).toBe('The ministry of the interior.');
    const [highlight] = await target.records.list('highlights');
    expect(highlight?.actorIds.sort()).toEqual([known.id, ministry?.id].sort());
    expect(highlight?.tags).toEqual([]);
    expect(await target.records.list('tags')).toEqual([]);
  });

  it('refuses entity declarations, broken XML, other XML and non-zips before storing anything', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Project xmlns="${QDA_NAMESPACE}" name="&b;"/>`;
    const external = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="${QDA_NAMESPACE}" name="&x;"/>`;
    await expect(importQdpx(target.records, qdpx(laughs), 'laughs.qdpx')).rejects.toThrow(/declares a document type or entities/);
    await expect(importQdpx(target.records, qdpx(external), 'external.qdpx')).rejects.toThrow(/declares a document type or entities/);
    await expect(importQdpx(target.records, qdpx(project('<Sources>')), 'broken.qdpx')).rejects.toThrow(/not well-formed XML/);
    await expect(importQdpx(target.records, qdpx('<?xml version="1.0"?><html/>'), 'html.qdpx')).rejects.toThrow(/is not a REFI-QDA project/);
    await expect(importQdpx(target.records, Buffer.from('PK\u0003\u0004 not a zip'), 'junk.qdpx')).rejects.toThrow(/not a readable REFI-QDA project/);
    await expect(importQdpx(target.records, rawZip([{ name: 'other.txt', data: Buffer.from('x') }]), 'empty.qdpx')).rejects.toThrow(/has no project.qde/);
    const bomb = rawZip([{ name: 'project.qde', data: Buffer.alloc(1024, 0x20), deflate: true, declaredSize: 3 * 2 ** 30 }]);
    await expect(importQdpx(target.records, bomb, 'bomb.qdpx')).rejects.toThrow(/unpacks to more than|damaged or larger/);
    expect(await target.records.list('documents')).toEqual([]);
    expect(await target.records.list('tags')).toEqual([]);
  });
});
