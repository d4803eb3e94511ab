import path from 'node:path';
import { runDoctor } from '../../../notebook/doctor';
import { requiredString, type Command } from '../command';

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check every file and blob of a notebook; restore damaged files from backups, remove leftovers',
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook to check' },
    restore: { help: 'rebuild each damaged record file from its own whole records, then its newest good backup (the damaged file is kept, renamed)' },
    repair: { help: 'finish merges cut short; remove staging folders interrupted merges left and blobs no document (live, deleted or in a backup) names' },
    json: { help: 'print the report as JSON' },
  },
  async run(values, _positionals, output) {
    const report = await runDoctor(path.resolve(requiredString(values, 'notebook')), { restore: values.restore === true, repair: values.repair === true });
    const unresolved = report.problems.filter((problem) => !problem.restored && !problem.repaired);
    if (values.json) {
      output.out(JSON.stringify({ ...report, ok: unresolved.length === 0 }));
    } else {
      output.out(`Checked ${report.files} record files (${report.records} records) and ${report.blobs} blobs in ${report.notebook}.`);
      for (const problem of report.problems) {
        const fix = problem.restored
          ? ` Restored from ${problem.backup ?? ''}.`
          : problem.repaired
            ? problem.kind === 'interrupted-merge' ? ' Finished.' : ' Removed.'
            : problem.restorable
              ? ' Run again with --restore to rebuild it.'
              : problem.kind === 'staging-leftover' || problem.kind === 'unreferenced-blob'
                ? ' Run again with --repair to remove it.'
                : problem.kind === 'interrupted-merge'
                  ? ' Run again with --repair to finish it.'
                : '';
        output.out(`- ${problem.kind}: ${problem.file}: ${problem.message}${fix}`);
      }
      output.out(unresolved.length === 0 ? 'No problems left.' : `${unresolved.length} problem(s) left.`);
    }
    return unresolved.length === 0 ? 0 : 1;
  },
};
