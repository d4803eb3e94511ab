import { ActorCreate } from '../../../../shared/model/records';
import { type Command, optionalString, requiredString, stringList, UsageError } from '../command';
import { withNotebook } from '../open-notebook';

export const actorAddCommand: Command = {
  name: 'actor add',
  summary: 'Add an actor (a person, organisation, armed group, state…) with its aliases',
  usage: 'fieldbook actor add --notebook DIR --name NAME [--alias A]... [--kind K] [--description TEXT] [--json]',
  optionHelp: [
    '--notebook DIR      the notebook',
    '--name NAME         the actor\'s main name',
    '--alias A           another name or spelling, in any script (repeatable)',
    `--kind K            ${ActorCreate.shape.kind.unwrap().options.join(', ')} (default: other)`,
    '--description TEXT  a short description',
    '--json              print the new actor as JSON',
  ],
  options: { notebook: { type: 'string' }, name: { type: 'string' }, alias: { type: 'string', multiple: true }, kind: { type: 'string' }, description: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, _positionals, output) {
    const input = ActorCreate.safeParse({
      name: requiredString(values, 'name'),
      aliases: stringList(values, 'alias'),
      ...(optionalString(values, 'kind') ? { kind: optionalString(values, 'kind') } : {}),
      ...(optionalString(values, 'description') ? { description: optionalString(values, 'description') } : {}),
    });
    if (!input.success) throw new UsageError(input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    const actor = await withNotebook(values, { readOnly: false }, ({ records }) => records.create('actors', input.data));
    output.out(values.json ? JSON.stringify(actor) : `Added ${actor.name} (${actor.id})`);
    return 0;
  },
};
