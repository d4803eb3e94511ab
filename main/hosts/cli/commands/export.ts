import { ApiError } from '../../../../shared/api/errors';
import { userDataDir } from '../../../app/paths';
import { EventBus } from '../../../bus/event-bus';
import { exportNotebook } from '../../../exchange/export-notebook';
import { readSecretFile } from '../secret-file';
import { ExportSelection } from '../../../../shared/exchange/selection';
import { currentAuthor } from '../../../settings/author';
import { SettingsStore } from '../../../settings/settings-store';
import { type Command, optionalString, type OptionTable, type OptionValues, requiredString, stringList, UsageError } from '../command';
import { withNotebook } from '../open-notebook';

/** The selection options, shared with export-annotations. */
export const selectionOptions: OptionTable = {
  document: { value: 'ID', repeatable: true, help: 'a document, with its highlights' },
  tag: { value: 'NAME', help: 'the documents and highlights with this tag (name or id)' },
  actor: { value: 'NAME', help: 'an actor and its evidence: highlights and events (name, alias or id)' },
  since: { value: 'DATE', help: 'only records changed on or after DATE (YYYY-MM-DD)' },
  until: { value: 'DATE', help: 'only records changed on or before DATE (YYYY-MM-DD)' },
};

export function parseSelection(values: OptionValues): ExportSelection {
  const documents = stringList(values, 'document');
  const parsed = ExportSelection.safeParse({
    ...(documents.length > 0 ? { documentIds: documents } : {}),
    ...Object.fromEntries((['tag', 'actor', 'since', 'until'] as const).flatMap((name) => (optionalString(values, name) ? [[name, optionalString(values, name)]] : []))),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => `--${String(issue.path[0] ?? 'selection').replace('documentIds', 'document')}: ${issue.message}`).join('; '));
  return parsed.data;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write the notebook, or a selection, to a .fieldbook file to share (optionally encrypted)',
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook to export (works while the app has it open)' },
    out: { value: 'FILE', required: true, help: 'the file to write, e.g. iraq.fieldbook (replaced if it exists)' },
    'passphrase-file': { value: 'F', help: 'encrypt the whole file with the passphrase in F (at least 8 characters)' },
    ...selectionOptions,
    json: { help: 'print what was exported as JSON' },
  },
  async run(values, _positionals, output) {
    const out = requiredString(values, 'out');
    const selection = parseSelection(values);
    const passphraseFile = optionalString(values, 'passphrase-file');
    const passphrase = passphraseFile ? await readSecretFile(passphraseFile, 'passphrase-file') : undefined;
    const author = currentAuthor(await SettingsStore.open(userDataDir(), new EventBus()));
    const result = await withNotebook(values, { readOnly: true }, ({ store }) => exportNotebook(store, out, { selection, author, ...(passphrase !== undefined ? { passphrase } : {}) })).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'BAD_REQUEST' && /passphrase/.test(error.message)) throw new UsageError(error.message);
      throw error;
    });
    if (values.json) {
      output.out(JSON.stringify({ file: result.file, encrypted: result.encrypted, selection: result.manifest.selection, counts: result.counts, entries: result.manifest.entries.length }));
    } else {
      const counts = Object.entries(result.counts).map(([type, count]) => `${count} ${type}`).join(', ');
      output.out(`Exported ${result.manifest.selection}: ${counts}, to ${result.file}${result.encrypted ? ' (encrypted)' : ''}.`);
    }
    return 0;
  },
};
