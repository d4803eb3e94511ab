import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { ApiError } from '../../../../shared/api/errors';
import { NoteAttachment, NoteCreate } from '../../../../shared/model/records';
import { NoteService } from '../../../notes/note-service';
import { type Command, optionalString, requiredString, UsageError } from '../command';
import { withNotebook } from '../open-notebook';

export const noteAddCommand: Command = {
  name: 'note add',
  summary: 'Add a Markdown note from a file, optionally attached to a document, actor or event',
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook' },
    title: { value: 'T', required: true, help: 'the note\'s title' },
    file: { value: 'F.md', required: true, help: 'the note\'s Markdown text (UTF-8); links are written [[actor:ID|name]] (see shared/notes/link-syntax.ts)' },
    attach: { value: 'KIND:ID', help: `the ${NoteAttachment.shape.kind.options.join(', ')} the note belongs to, e.g. actor:ID` },
    json: { help: 'print the new note as JSON' },
  },
  async run(values, _positionals, output) {
    const title = requiredString(values, 'title');
    const file = requiredString(values, 'file');
    const attach = optionalString(values, 'attach');
    const attachedTo = attach === undefined ? undefined : attachment(attach);
    const body = await readBody(file);
    const input = NoteCreate.safeParse({ title, body, ...(attachedTo ? { attachedTo } : {}) });
    if (!input.success) throw new UsageError(input.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; '));
    const note = await withNotebook(values, { readOnly: false }, ({ records }) => new NoteService(records).create(input.data));
    output.out(values.json ? JSON.stringify(note) : `Added note “${note.title}” (${note.id})`);
    return 0;
  },
};

function attachment(value: string): z.infer<typeof NoteAttachment> {
  const colon = value.indexOf(':');
  const parsed = NoteAttachment.safeParse({ kind: value.slice(0, colon), id: value.slice(colon + 1) });
  if (colon < 0 || !parsed.success) throw new UsageError(`--attach takes KIND:ID with KIND one of ${NoteAttachment.shape.kind.options.join(', ')}, e.g. actor:3f2a…; got “${value}”.`);
  return parsed.data;
}

async function readBody(file: string): Promise<string> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new ApiError('NOT_FOUND', `Cannot read the note's file ${file}: ${error.code === 'ENOENT' ? 'there is no such file' : error.message}`);
  });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not UTF-8 text.`);
  }
}
