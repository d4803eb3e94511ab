import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { readAllRecords, type RecordSet } from '../../../../main/exchange/record-set';
import { exportQdpx, type QdpxExportResult } from '../../../../main/interop/refi-qda/export-qdpx';
import { refiGuid } from '../../../../main/interop/refi-qda/guid';
import { QDA_NAMESPACE } from '../../../../main/interop/refi-qda/project-xml';
import { createTextDocument } from '../../../../main/notebook/records/documents';
import { addTextDocument } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { highlightQuote, populatedNotebook, type FixtureIds } from '../exchange/exchange-fixture';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Text that breaks naive XML writers: a CDATA end, markup, an entity, control characters, a carriage return, RTL with marks, an astral character. */
const hostileText = 'Start ]]> and <b>bold</b> &amp; "quotes"\u0001\u0008 bell\r\nنص عربي \u200Fمع علامة 😀 after the emoji ends here.';
const hostileTitle = 'Title ]]> <script>alert(1)</script> & \u0007 "q"\ttab\nline';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let ids: FixtureIds;
let hostileDocument: string;
let pdfDocument: string;
let records: RecordSet;
let first: { result: QdpxExportResult; bytes: Buffer; entries: Map<string, Buffer> };
let second: { bytes: Buffer };
let xml: Document;

async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))));
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        entries.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      }),
    );
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

beforeAll(async () => {
  temp = await makeTempDir();
  const notebook = await populatedNotebook(path.join(temp.dir, 'nb'));
  ids = notebook.ids;
  const document = await addTextDocument(notebook.records, hostileTitle, hostileText);
  hostileDocument = document.id;
  for (const quote of ['<b>bold</b> &amp;', 'نص عربي \u200Fمع علامة', 'after the emoji']) await highlightQuote(notebook.records, document.id, quote);
  const pdf = await createTextDocument(notebook.records, { kind: 'pdf', title: 'Scanned report', text: 'Page one says the convoy left. Page two, مرحبا, says it returned.', authors: [], direction: 'auto', tags: [] });
  pdfDocument = pdf.id;
  await highlightQuote(notebook.records, pdf.id, 'مرحبا');
  await notebook.records.update('actors', ids.actor, { description: 'Described with ]]> and <tags>' });
  await notebook.records.create('notes', { title: 'Loose note', body: 'Body with \u0002 and ]]>', attachedTo: undefined });
  records = await readAllRecords(notebook.store);
  const out = path.join(temp.dir, 'one.qdpx');
  const result = await exportQdpx(notebook.store, out, 'Fieldbook test');
  const bytes = await readFile(out);
  first = { result, bytes, entries: await unzip(bytes) };
  await exportQdpx(notebook.store, path.join(temp.dir, 'two.qdpx'), 'Fieldbook test');
  second = { bytes: await readFile(path.join(temp.dir, 'two.qdpx')) };
  await notebook.store.close();
  const text = (first.entries.get('project.qde') as Buffer).toString('utf8');
  xml = new (new JSDOM('').window.DOMParser)().parseFromString(text, 'application/xml');
});
afterAll(() => temp.remove());

const all = (name: string) => [...xml.getElementsByTagNameNS(QDA_NAMESPACE, name)];
const byGuid = (guid: string) => all('*').find((element) => element.getAttribute('guid') === guid);
const children = (element: Element, name: string) => [...element.children].filter((child) => child.localName === name);

describe('REFI-QDA export', () => {
  it('writes a well-formed project in the QDA-XML namespace and a flat sources folder', () => {
    expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(xml.documentElement.namespaceURI).toBe(QDA_NAMESPACE);
    expect(xml.documentElement.localName).toBe('Project');
    expect([...first.entries.keys()].filter((name) => name !== 'project.qde').every((name) => /^sources\/[0-9a-f-]{36}\.(txt|pdf)$/.test(name))).toBe(true);
    expect(first.result.documents).toBe(3);
    expect(first.result.highlights).toBe(6);
    expect(first.result.unanchored).toEqual([]);
  });

  it('places every selection on its highlight\'s characters, counted in code points of the exported text', () => {
    const selections = all('PlainTextSelection');
    expect(selections).toHaveLength(6);
    for (const selection of selections) {
      const highlight = records.highlights.find((record) => refiGuid('highlight', record.id) === selection.getAttribute('guid'));
      expect(highlight).toBeDefined();
      const source = selection.parentElement as Element;
      const file = (source.getAttribute('plainTextPath') as string).replace('internal://', 'sources/');
      const codePoints = [...(first.entries.get(file) as Buffer).toString('utf8')];
      const exact = codePoints.slice(Number(selection.getAttribute('startPosition')), Number(selection.getAttribute('endPosition'))).join('');
      expect(exact).toBe(highlight?.target.quote.exact);
    }
  });

  it('exports a PDF with its original file and its text as the representation that carries the selections', () => {
    const source = byGuid(refiGuid('document', pdfDocument)) as Element;
    expect(source.localName).toBe('PDFSource');
    const pdf = records.documents.find((document) => document.id === pdfDocument);
    const original = first.entries.get((source.getAttribute('path') as string).replace('internal://', 'sources/'));
    expect(original && createHash('sha256').update(original).digest('hex')).toBe(pdf?.original.sha256);
    const [representation] = children(source, 'Representation');
    expect(children(representation as Element, 'PlainTextSelection').map((selection) => selection.getAttribute('name'))).toEqual(['مرحبا']);
  });

  it('keeps the exported text byte for byte, control characters included', () => {
    const source = all('TextSource').find((element) => element.getAttribute('guid') === refiGuid('document', hostileDocument)) as Element;
    const file = (source.getAttribute('plainTextPath') as string).replace('internal://', 'sources/');
    expect((first.entries.get(file) as Buffer).toString('utf8')).toBe(hostileText);
  });

  it('reads hostile names and notes back as written, with only XML-forbidden characters replaced', () => {
    const source = byGuid(refiGuid('document', hostileDocument)) as Element;
    expect(source.getAttribute('name')).toBe(hostileTitle.replace('\u0007', '\uFFFD'));
    const actor = byGuid(refiGuid('actor', ids.actor)) as Element;
    expect(children(actor, 'Description')[0]?.textContent).toContain('Described with ]]> and <tags>');
    const loose = all('Note').find((note) => note.getAttribute('name') === 'Loose note') as Element;
    expect(children(loose, 'PlainTextContent')[0]?.textContent).toBe('Body with \uFFFD and ]]>');
  });

  it('gives the same GUIDs and the same bytes when exported twice', () => {
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(byGuid(refiGuid('document', ids.document))?.localName).toBe('TextSource');
  });

  it('uses version-5 GUIDs, each once, and every reference points at one of them', () => {
    const guids = all('*').flatMap((element) => (element.hasAttribute('guid') ? [element.getAttribute('guid') as string] : []));
    expect(guids.every((guid) => GUID.test(guid))).toBe(true);
    expect(new Set(guids).size).toBe(guids.length);
    const references = [...all('CodeRef'), ...all('NoteRef')].map((element) => element.getAttribute('targetGUID') as string);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(guids).toContain(reference);
    const users = new Set(all('User').map((element) => element.getAttribute('guid')));
    for (const element of all('*').filter((candidate) => candidate.hasAttribute('creatingUser'))) expect(users).toContain(element.getAttribute('creatingUser'));
  });

  it('makes tags codes, and actors and events codes under groups that cannot be applied, aliases in the description', () => {
    const codes = children(children(all('CodeBook')[0] as Element, 'Codes')[0] as Element, 'Code');
    expect(codes.map((code) => [code.getAttribute('name'), code.getAttribute('isCodable')])).toEqual([
      ['elections', 'true'],
      ['Actors', 'false'],
      ['Events', 'false'],
    ]);
    const actor = byGuid(refiGuid('actor', ids.actor)) as Element;
    expect(actor.parentElement?.getAttribute('name')).toBe('Actors');
    expect(children(actor, 'Description')[0]?.textContent).toContain('- كتائب حزب الله');
    expect(byGuid(refiGuid('event', ids.event))?.parentElement?.getAttribute('name')).toBe('Events');
  });

  it('codes a highlight with its tags, actors and events and links its comment as a note', () => {
    const selection = byGuid(refiGuid('highlight', ids.highlight)) as Element;
    const coded = children(selection, 'Coding').map((coding) => children(coding, 'CodeRef')[0]?.getAttribute('targetGUID'));
    expect(coded.sort()).toEqual([refiGuid('tag', ids.tag), refiGuid('actor', ids.pm), refiGuid('event', ids.event)].sort());
    const comment = byGuid(children(selection, 'NoteRef')[0]?.getAttribute('targetGUID') as string) as Element;
    expect(children(comment, 'PlainTextContent')[0]?.textContent).toBe('First meeting since the vote.');
    const document = byGuid(refiGuid('document', ids.document)) as Element;
    const attached = byGuid(children(document, 'NoteRef')[0]?.getAttribute('targetGUID') as string) as Element;
    expect(attached.getAttribute('name')).toBe('Reading notes');
  });
});
