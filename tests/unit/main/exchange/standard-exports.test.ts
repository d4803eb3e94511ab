import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../../../main/exchange/csv';
import { EVENT_COLUMNS, eventsCsv } from '../../../../main/exchange/events-csv';
import { escapeMarkdown, markdownReport } from '../../../../main/exchange/markdown-report';
import { readAllRecords, type RecordSet } from '../../../../main/exchange/record-set';
import { ANNOTATION_CONTEXT, annotationCollection } from '../../../../main/exchange/w3c-annotations';
import { makeTempDir } from '../../../support/temp-dir';
import { populatedNotebook, type FixtureIds } from './exchange-fixture';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let records: RecordSet;
let ids: FixtureIds;

beforeAll(async () => {
  temp = await makeTempDir();
  const notebook = await populatedNotebook(path.join(temp.dir, 'nb'));
  ids = notebook.ids;
  // Text that breaks naive CSV and Markdown: commas, quotes, new lines, Arabic, a formula, a link.
  await notebook.records.update('events', ids.event, {
    notes: 'He said "no comment", then left.\nSecond line, with Arabic: قال المتحدث',
    location: 'Baghdad, Green Zone',
  });
  await notebook.records.create('events', { title: 'Later clash', date: { precision: 'range', start: '2026-11-10', end: '2026-11-12' }, location: '=HYPERLINK("http://evil")', type: 'Armed clash', participants: [], evidence: [], notes: '', fatalities: { count: 3, source: 'local hospital' } });
  await notebook.records.update('highlights', ids.highlight, { comment: 'See [this](javascript:alert(1)) <b>now</b>' });
  await notebook.records.delete('highlights', ids.denial);
  records = await readAllRecords(notebook.store);
  await notebook.store.close();
});
afterAll(() => temp.remove());

/** An RFC 4180 reader, strict: only what the writer must produce is accepted. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') break;
        else field += text[i++];
      }
      i += 1;
      if (text[i] !== ',' && text[i] !== '\r') throw new Error(`junk after a quoted field at ${i}`);
    } else if (text[i] === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (text[i] === '\n' || text[i] === '"') {
      throw new Error(`bare ${JSON.stringify(text[i])} outside quotes at ${i}`);
    } else field += text[i++];
  }
  if (field !== '' || row.length > 0) throw new Error('last row not ended by CRLF');
  return rows;
}

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection with the vocabulary’s required terms, selectors as in the model', () => {
    const collection = annotationCollection(records, 'Iraq notebook') as { '@context': string; type: string; id: string; total: number; first: { type: string; id: string; items: Record<string, unknown>[] } };
    expect(collection['@context']).toBe(ANNOTATION_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toMatch(/^urn:uuid:/);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.total).toBe(1);
    expect(collection.first.items).toHaveLength(1);
    const [annotation] = collection.first.items as [Record<string, unknown>];
    expect(annotation).toMatchObject({ id: `urn:uuid:${ids.highlight}`, type: 'Annotation', motivation: 'commenting', creator: { type: 'Person', name: 'Layla' } });
    const highlight = records.highlights.find((candidate) => candidate.id === ids.highlight);
    expect(annotation.target).toEqual({
      type: 'SpecificResource',
      source: 'https://example.org/brief',
      selector: [
        { type: 'TextQuoteSelector', exact: 'met the prime minister in the Green Zone', prefix: highlight?.target.quote.prefix, suffix: highlight?.target.quote.suffix },
        { type: 'TextPositionSelector', start: highlight?.target.position.start, end: highlight?.target.position.end },
      ],
    });
    expect(annotation.body).toEqual([
      { type: 'TextualBody', value: 'See [this](javascript:alert(1)) <b>now</b>', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'elections', purpose: 'tagging' },
      { type: 'TextualBody', value: 'Mustafa al-Kadhimi', purpose: 'identifying' },
      { type: 'TextualBody', value: 'Green Zone meeting', purpose: 'linking' },
    ]);
    // Every IRI-valued term is an absolute IRI, and the dates are xsd:dateTime.
    for (const iri of [collection.id, collection.first.id, annotation.id]) expect(() => new URL(iri as string)).not.toThrow();
    expect(Date.parse(annotation.created as string)).not.toBeNaN();
  });
});

describe('events CSV', () => {
  it('has ACLED-like columns and quotes commas, quotes, new lines and Arabic per RFC 4180', () => {
    const csv = eventsCsv(records);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...EVENT_COLUMNS]);
    const [meeting, clash] = rows.slice(1).map((row) => Object.fromEntries(EVENT_COLUMNS.map((column, i) => [column, row[i]])));
    expect(meeting).toMatchObject({
      event_id: ids.event,
      event_date: '2026-11-03',
      date_precision: 'day',
      event_type: 'Meeting',
      actor1: 'Mustafa al-Kadhimi',
      actor2: "Kata'ib Hezbollah",
      other_actors: '',
      location: 'Baghdad, Green Zone',
      fatalities: '0',
      notes: 'He said "no comment", then left.\nSecond line, with Arabic: قال المتحدث',
      sources: 'Brief on the Green Zone meeting (A. Analyst, 2026-11-04) https://example.org/brief',
    });
    // A value a spreadsheet would execute is defused; a date range is an ISO 8601 interval.
    expect(clash).toMatchObject({ event_date: '2026-11-10/2026-11-12', date_precision: 'range', location: `'=HYPERLINK("http://evil")`, fatalities: '3' });
  });

  it('quotes exactly the fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('كتائب حزب الله')).toBe('كتائب حزب الله');
    expect(csvField(undefined)).toBe('');
  });
});

describe('Markdown reports', () => {
  it('reports a document with its quoted passages, escaping what the sources wrote', () => {
    const report = markdownReport(records, { kind: 'document', id: ids.document });
    expect(report).toContain('# Brief on the Green Zone meeting');
    expect(report).toContain('*Brief on the Green Zone meeting*, A. Analyst, 2026-11-04, <https://example.org/brief>');
    expect(report).toContain('> met the prime minister in the Green Zone');
    expect(report).toContain('See \\[this\\]\\(javascript:alert\\(1\\)\\) \\<b\\>now\\</b\\>');
    expect(report).not.toContain("Kata'ib Hezbollah denied any role");
    expect(report).toContain('### Reading notes');
  });

  it('reports an actor with its events and cited evidence', () => {
    const report = markdownReport(records, { kind: 'actor', id: ids.pm });
    expect(report).toContain('# Mustafa al-Kadhimi');
    expect(report).toContain('Also written: the prime minister');
    expect(report).toContain('- 2026-11-03: Green Zone meeting (host)');
    expect(report).toMatch(/## Evidence \(1\)\n\n> met the prime minister in the Green Zone\n— \*Brief on the Green Zone meeting\*, A\. Analyst, 2026-11-04, <https:\/\/example\.org\/brief>/);
  });

  it('reports an event with its facts, participants and evidence, and refuses an unknown id', () => {
    const report = markdownReport(records, { kind: 'event', id: ids.event });
    expect(report).toContain('**Date:** 2026-11-03 (day)');
    expect(report).toContain('**Fatalities:** 0 (ministry)');
    expect(report).toContain('- Mustafa al-Kadhimi (host)');
    expect(report).toContain('> met the prime minister in the Green Zone');
    expect(report).toContain('قال المتحدث');
    expect(() => markdownReport(records, { kind: 'event', id: 'no-such-event' })).toThrow(/no event with id/);
  });

  it('escapes Markdown syntax and line-start markers', () => {
    expect(escapeMarkdown('# not a heading *or* _emphasis_')).toBe('\\# not a heading \\*or\\* \\_emphasis\\_');
    expect(escapeMarkdown('- not a list\n1. nor this')).toBe('\\- not a list\n\\1. nor this');
  });
});
