import path from 'node:path';
import { mergeExchangeFile } from '../../../exchange/merge-notebook';
import type { MergeReport } from '../../../../shared/exchange/merge-report';
import { readSecretFile } from '../secret-file';
import { type Command, type CommandOutput, optionalString, UsageError } from '../command';
import { withNotebook } from '../open-notebook';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Merge a .fieldbook file into a notebook, all or nothing, and report what changed',
  positionals: { usage: 'FILE', help: 'the .fieldbook file to merge' },
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook to merge into' },
    'passphrase-file': { value: 'F', help: 'the passphrase of an encrypted file' },
    'dry-run': { help: 'check the file and report what the merge would do; change nothing' },
    json: { help: 'print the merge report as JSON' },
  },
  async run(values, positionals, output) {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('Name one .fieldbook file to merge.');
    const passphraseFile = optionalString(values, 'passphrase-file');
    const passphrase = passphraseFile ? await readSecretFile(passphraseFile, 'passphrase-file') : undefined;
    const dryRun = values['dry-run'] === true;
    // A dry run only reads, so it works while the app has the notebook open.
    const report = await withNotebook(values, { readOnly: dryRun }, ({ store }) => mergeExchangeFile(store, path.resolve(file), { dryRun, ...(passphrase !== undefined ? { passphrase } : {}) }));
    if (values.json) output.out(JSON.stringify(report));
    else printReport(report, output);
    return 0;
  },
};

function printReport(report: MergeReport, output: CommandOutput): void {
  const counts = (kind: keyof MergeReport['counts']) =>
    Object.entries(report.counts[kind])
      .filter(([, count]) => count > 0)
      .map(([type, count]) => `${count} ${type}`)
      .join(', ') || 'nothing';
  output.out(`${report.dryRun ? 'Dry run (nothing written): would merge' : 'Merged'} a file by ${report.file.author || 'someone'} from ${report.file.createdAt} (${report.file.selection}).`);
  output.out(`Added: ${counts('added')}. Updated: ${counts('updated')}. Already up to date: ${counts('unchanged')}.`);
  if (report.blobs.added > 0) output.out(`Content added: ${report.blobs.added} file(s), ${report.blobs.bytes} bytes.`);
  for (const conflict of report.conflicts) {
    const why = conflict.reason === 'kept-both-versions' ? `both versions of ${conflict.fields.join(', ')} kept` : conflict.reason === 'edited-after-deletion' ? 'deleted on one side, changed or restored later on the other: kept' : `${conflict.fields.join(', ')} differ: this notebook's kept`;
    output.out(`Conflict: ${conflict.type} ${conflict.label} (${conflict.id}): ${why}.`);
  }
  for (const skipped of report.skipped) output.out(`Skipped: ${skipped.type} ${skipped.label} (${skipped.id}): ${skipped.reason}`);
  for (const proposal of report.proposals) output.out(`Perhaps the same actor: “${proposal.incoming.label}” (${proposal.incoming.id}) and “${proposal.existing.label}” (${proposal.existing.id}), both called “${proposal.matched}”. Not merged.`);
}
