import { formatEventDate } from '../../../../shared/timeline/event-date';
import { RecordType, type RecordOf } from '../../../../shared/model/records';
import { type Command, UsageError } from '../command';
import { withNotebook } from '../open-notebook';

export const listCommand: Command = {
  name: 'list',
  summary: 'List the records of one kind: documents, highlights, actors, events, notes or tags',
  positionals: { usage: RecordType.options.join('|') },
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook to read (works while the app has it open)' },
    deleted: { help: 'include deleted records' },
    json: { help: 'print the records as a JSON array' },
  },
  async run(values, positionals, output) {
    const parsed = RecordType.safeParse(positionals[0]);
    if (!parsed.success || positionals.length !== 1) throw new UsageError(`Say what to list: one of ${RecordType.options.join(', ')}.`);
    const type = parsed.data;
    const records = await withNotebook(values, { readOnly: true }, ({ records: service }) => service.list(type, { includeDeleted: values.deleted === true }));
    if (values.json) output.out(JSON.stringify(records));
    else {
      for (const record of records) output.out(`${record.id}  ${describe(type, record)}${record.deletedAt ? '  (deleted)' : ''}`);
      output.out(`${records.length} ${type}`);
    }
    return 0;
  },
};

function describe(type: RecordType, record: RecordOf<RecordType>): string {
  const r = record as Partial<Record<string, unknown>>;
  switch (type) {
    case 'highlights':
      return `“${(record as RecordOf<'highlights'>).target.quote.exact.slice(0, 80)}”`;
    case 'actors': {
      const actor = record as RecordOf<'actors'>;
      return [actor.name, ...actor.aliases].join(' / ');
    }
    case 'events': {
      const event = record as RecordOf<'events'>;
      return `${formatEventDate(event.date)}  ${event.title}`;
    }
    case 'tags':
      return String(r.name);
    default:
      return String(r.title);
  }
}
