import path from 'node:path';
import { appVersion } from '../../../app/version';
import { exportQdpx } from '../../../interop/refi-qda/export-qdpx';
import { type Command, requiredString } from '../command';
import { withNotebook } from '../open-notebook';

export const exportQdpxCommand: Command = {
  name: 'export-qdpx',
  summary: 'Export the notebook as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder and other QDA tools',
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook (works while the app has it open)' },
    out: { value: 'FILE', required: true, help: 'the .qdpx file to write (replaced if it exists)' },
    json: { help: 'print what was exported as JSON' },
  },
  async run(values, _positionals, output) {
    const out = path.resolve(requiredString(values, 'out'));
    const result = await withNotebook(values, { readOnly: true }, ({ store }) => exportQdpx(store, out, `Fieldbook ${appVersion}`));
    if (values.json) {
      output.out(JSON.stringify({ file: out, ...result }));
      return 0;
    }
    output.out(`Wrote ${out}: ${result.documents} documents, ${result.highlights} highlights.`);
    if (result.unanchored.length > 0) output.out(`Left out ${result.unanchored.length} highlights whose quote is no longer in their document: ${result.unanchored.map((entry) => entry.highlightId).join(', ')}.`);
    return 0;
  },
};
