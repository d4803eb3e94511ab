import path from 'node:path';
import { z } from 'zod';
import type { ActorRecord } from '../../../../shared/model/records';
import { eventsCsv } from '../../../exchange/events-csv';
import { markdownReport, type ReportSubject } from '../../../exchange/markdown-report';
import { readAllRecords } from '../../../exchange/record-set';
import { findRecordByName, selectRecords } from '../../../exchange/selection';
import { annotationCollection } from '../../../exchange/w3c-annotations';
import { writeFileAtomic } from '../../../notebook/storage/atomic-write';
import { type Command, optionalString, type OptionValues, requiredString, stringList, UsageError } from '../command';
import { withNotebook } from '../open-notebook';
import { parseSelection, selectionOptions } from './export';

const Format = z.enum(['w3c', 'events-csv', 'markdown']);

export const exportAnnotationsCommand: Command = {
  name: 'export-annotations',
  summary: 'Export for other tools: W3C Web Annotations (JSON-LD), events as CSV, or a Markdown report',
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook (works while the app has it open)' },
    format: {
      value: 'F',
      required: true,
      help: 'w3c: highlights and comments as a W3C AnnotationCollection; events-csv: events with ACLED-like columns (both take the selection below); markdown: a report on exactly one --document, --actor or --event',
    },
    out: { value: 'FILE', required: true, help: 'the file to write' },
    ...selectionOptions,
    event: { value: 'ID', help: 'markdown only: an event, its participants and evidence' },
  },
  async run(values, _positionals, output) {
    const format = Format.safeParse(values.format);
    if (!format.success) throw new UsageError(`--format must be one of ${Format.options.join(', ')}.`);
    const out = path.resolve(requiredString(values, 'out'));
    const text = await withNotebook(values, { readOnly: true }, async ({ store }) => {
      const all = await readAllRecords(store);
      if (format.data === 'markdown') return markdownReport(all, reportSubject(values, all.actors));
      const { records } = selectRecords(all, parseSelection(values));
      return format.data === 'w3c' ? `${JSON.stringify(annotationCollection(records, store.info.name), null, 2)}\n` : eventsCsv(records);
    });
    await writeFileAtomic(out, text);
    output.out(`Wrote ${out}.`);
    return 0;
  },
};

function reportSubject(values: OptionValues, actors: ActorRecord[]): ReportSubject {
  const documents = stringList(values, 'document');
  const actor = optionalString(values, 'actor');
  const event = optionalString(values, 'event');
  const given = [documents.length > 0, actor !== undefined, event !== undefined].filter(Boolean).length;
  if (given !== 1 || documents.length > 1) throw new UsageError('A Markdown report is about one thing: give one --document, --actor or --event.');
  if (documents[0]) return { kind: 'document', id: documents[0] };
  if (event) return { kind: 'event', id: event };
  return { kind: 'actor', id: findRecordByName(actors, actor as string, (record) => [record.name, ...record.aliases], 'actor').id };
}
