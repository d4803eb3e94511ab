import { ActorCreate } from '../../../../shared/model/records';
import { type Command, optionalString, requiredString, stringList, UsageError } from '../command';
import { withNotebook } from '../open-notebook';

export const actorAddCommand: Command = {
  name: 'actor add',
  summary: 'Add an actor (a person, organisation, armed group, state…) with its aliases',
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook' },
    name: { value: 'NAME', required: true, help: 'the actor\'s main name' },
    alias: { value: 'A', repeatable: true, help: 'another name or spelling, in any script' },
    kind: { value: 'K', help: `${ActorCreate.shape.kind.unwrap().options.join(', ')} (default: other)` },
    description: { value: 'TEXT', help: 'a short description' },
    json: { help: 'print the new actor as JSON' },
  },
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
