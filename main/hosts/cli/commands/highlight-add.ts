import { HighlightCreate } from '../../../../shared/model/records';
import { resolveActor } from '../../../actors/resolve-actor';
import { createHighlight } from '../../../notebook/records/highlights';
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
    '--actor NAME     an actor the passage is evidence of, by name or alias, ignoring case, accents, apostrophes and Arabic letter forms (repeatable)',
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
        actorIds: stringList(values, 'actor').map((name) => resolveActor(actors, name).id),
      });
      if (!input.success) throw new UsageError(input.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; '));
      return createHighlight(records, texts, input.data);
    });
    output.out(values.json ? JSON.stringify(highlight) : `Highlighted “${highlight.target.quote.exact.slice(0, 60)}” (${highlight.id})`);
    return 0;
  },
};
