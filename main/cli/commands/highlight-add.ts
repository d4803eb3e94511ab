import { ApiError } from '../../../shared/api/errors';
import { HighlightCreate, type ActorRecord } from '../../../shared/model/records';
import { createHighlight } from '../../records/highlights';
import { type Command, optionalString, requiredString, stringList, UsageError } from '../command';
import { withNotebook } from '../open-notebook';

export const highlightAddCommand: Command = {
  name: 'highlight add',
  summary: 'Highlight a passage of a document, found by its exact quote',
  usage: 'fieldbook highlight add --notebook DIR --document ID --quote TEXT [--color C] [--comment TEXT] [--actor NAME]... [--json]',
  optionHelp: [
    '--notebook DIR   the notebook',
    '--document ID    the document (see: fieldbook list documents)',
    '--quote TEXT     the passage, exactly as in the document; it must occur once',
    `--color C        ${HighlightCreate.shape.color.unwrap().options.join(', ')} (default: yellow)`,
    '--comment TEXT   a comment on the passage',
    '--actor NAME     an actor the passage is evidence of, by name or alias (repeatable)',
    '--json           print the new highlight as JSON',
  ],
  options: {
    notebook: { type: 'string' },
    document: { type: 'string' },
    quote: { type: 'string' },
    color: { type: 'string' },
    comment: { type: 'string' },
    actor: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, output) {
    const highlight = await withNotebook(values, { readOnly: false }, async ({ records, texts }) => {
      const actors = await records.list('actors');
      const input = HighlightCreate.safeParse({
        documentId: requiredString(values, 'document'),
        anchor: { quote: requiredString(values, 'quote') },
        ...(optionalString(values, 'color') ? { color: optionalString(values, 'color') } : {}),
        ...(optionalString(values, 'comment') ? { comment: optionalString(values, 'comment') } : {}),
        actorIds: stringList(values, 'actor').map((name) => findActor(actors, name).id),
      });
      if (!input.success) throw new UsageError(input.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; '));
      return createHighlight(records, texts, input.data);
    });
    output.out(values.json ? JSON.stringify(highlight) : `Highlighted “${highlight.target.quote.exact.slice(0, 60)}” (${highlight.id})`);
    return 0;
  },
};

function findActor(actors: ActorRecord[], name: string): ActorRecord {
  const key = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase();
  const wanted = key(name);
  const matches = actors.filter((actor) => [actor.name, ...actor.aliases].some((candidate) => key(candidate) === wanted));
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length === 0) throw new ApiError('NOT_FOUND', `No actor is named “${name}”; add it first with: fieldbook actor add --name "${name}"`);
  throw new ApiError('CONFLICT', `“${name}” names ${matches.length} actors (${matches.map((actor) => actor.id).join(', ')}); use a name that only one of them has.`);
}
