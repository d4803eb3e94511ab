import { HighlightCreate } from '../../../../shared/model/records';
import { resolveActor } from '../../../actors/resolve-actor';
import { createHighlight } from '../../../notebook/records/highlights';
import { type Command, optionalString, requiredString, stringList, UsageError } from '../command';
import { withNotebook } from '../open-notebook';

export const highlightAddCommand: Command = {
  name: 'highlight add',
  summary: 'Highlight a passage of a document, found by its exact quote',
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook' },
    document: { value: 'ID', required: true, help: 'the document (see: fieldbook list documents)' },
    quote: { value: 'TEXT', required: true, help: 'the passage, exactly as in the document; it must occur once' },
    color: { value: 'C', help: `${HighlightCreate.shape.color.unwrap().options.join(', ')} (default: yellow)` },
    comment: { value: 'TEXT', help: 'a comment on the passage' },
    actor: { value: 'NAME', repeatable: true, help: 'an actor the passage is evidence of, by name or alias, ignoring case, accents, apostrophes and Arabic letter forms' },
    json: { help: 'print the new highlight as JSON' },
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
