import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { importQdpx } from '../../../interop/refi-qda/import-qdpx';
import { type Command, optionalString, UsageError } from '../command';
import { withNotebook } from '../open-notebook';

const CodesAs = z.enum(['tags', 'actors']);

export const importQdpxCommand: Command = {
  name: 'import-qdpx',
  summary: 'Import a REFI-QDA project (.qdpx) from NVivo, ATLAS.ti, MAXQDA, QualCoder or another QDA tool',
  positionals: { usage: 'FILE', help: 'the .qdpx file' },
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook to import into (not while the app has it open)' },
    'codes-as': { value: 'KIND', help: 'what the project\'s codes become: tags (the default) or actors' },
    json: { help: 'print the report as JSON' },
  },
  async run(values, positionals, output) {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('Name one .qdpx file to import.');
    const codesAs = CodesAs.safeParse(optionalString(values, 'codes-as') ?? 'tags');
    if (!codesAs.success) throw new UsageError(`--codes-as must be one of ${CodesAs.options.join(', ')}.`);
    const bytes = await readFile(path.resolve(file));
    const report = await withNotebook(values, { readOnly: false }, ({ records }) => importQdpx(records, bytes, path.basename(file), codesAs.data));
    if (values.json) {
      output.out(JSON.stringify(report));
      return 0;
    }
    output.out(`Imported ${report.documents} documents (${report.existingDocuments} already here), ${report.highlights} highlights, ${report.tags} tags, ${report.actors} actors, ${report.notes} notes.`);
    for (const line of report.notShown) output.out(`Not shown: ${line}`);
    return 0;
  },
};
