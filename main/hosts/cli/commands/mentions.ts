import { findMentions } from '../../../actors/mention-finder';
import { resolveActor } from '../../../actors/resolve-actor';
import { type Command, optionalString } from '../command';
import { withNotebook } from '../open-notebook';

export const mentionsCommand: Command = {
  name: 'mentions',
  summary: 'List where actors are named in the documents but not yet tagged',
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook to read (works while the app has it open)' },
    actor: { value: 'NAME', help: 'only this actor, by name or alias' },
    json: { help: 'print {mentions, total, documents} as JSON' },
  },
  async run(values, _positionals, output) {
    const { found, names, titles } = await withNotebook(values, { readOnly: true }, async ({ records, texts }) => {
      const actors = await records.list('actors');
      const wanted = optionalString(values, 'actor');
      const actorId = wanted === undefined ? undefined : resolveActor(actors, wanted).id;
      const documents = await records.list('documents');
      return {
        found: await findMentions(records, texts, actorId === undefined ? {} : { actorId }),
        names: new Map(actors.map((actor) => [actor.id, actor.name])),
        titles: new Map(documents.map((document) => [document.id, document.title])),
      };
    });
    if (values.json) output.out(JSON.stringify(found));
    else {
      for (const mention of found.mentions) output.out(`${names.get(mention.actorId)}  ${titles.get(mention.documentId)} @${mention.start}  …${mention.before.slice(-30)}[${mention.text}]${mention.after.slice(0, 30)}…`);
      output.out(`${found.total} untagged mention${found.total === 1 ? '' : 's'} in ${found.documents} document${found.documents === 1 ? '' : 's'}`);
    }
    return 0;
  },
};
