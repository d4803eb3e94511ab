import { parseEventDate } from '../../../../shared/timeline/event-date';
import { DatePrecision, EventCreate } from '../../../../shared/model/records';
import { resolveActor } from '../../../actors/resolve-actor';
import { EventRecords } from '../../../timeline/event-records';
import { type Command, optionalString, requiredString, stringList, UsageError } from '../command';
import { withNotebook } from '../open-notebook';

export const eventAddCommand: Command = {
  name: 'event add',
  summary: 'Add a dated event with the actors taking part and their roles',
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook' },
    title: { value: 'T', required: true, help: 'what happened, in a few words' },
    date: { value: 'D', required: true, help: 'YYYY-MM-DD, YYYY-MM or YYYY; a range is START..END' },
    precision: { value: 'P', help: `${DatePrecision.options.join(', ')} (default: from the form of --date)` },
    actor: { value: 'NAME:ROLE', repeatable: true, help: 'an actor taking part, by name or alias, and its role, e.g. "Kataib Hezbollah:perpetrator"' },
    type: { value: 'T', help: 'the event type (see the notebook\'s list: Battles, Protests…)' },
    location: { value: 'L', help: 'where it happened' },
    fatalities: { value: 'N', help: 'the number killed' },
    injuries: { value: 'N', help: 'the number injured' },
    source: { value: 'S', help: 'where the fatality and injury figures come from' },
    notes: { value: 'TEXT', help: 'notes on the event' },
    json: { help: 'print the new event as JSON' },
  },
  async run(values, _positionals, output) {
    const title = requiredString(values, 'title');
    const date = dateOption(requiredString(values, 'date'), optionalString(values, 'precision'));
    const source = optionalString(values, 'source') ?? '';
    const fatalities = countOption(values.fatalities, 'fatalities');
    const injuries = countOption(values.injuries, 'injuries');
    const roles = stringList(values, 'actor').map(splitActorRole);
    const event = await withNotebook(values, { readOnly: false }, async ({ records }) => {
      const actors = await records.list('actors');
      const input = EventCreate.safeParse({
        title,
        date,
        participants: roles.map(({ name, role }) => ({ actorId: resolveActor(actors, name).id, role })),
        ...(optionalString(values, 'type') ? { type: optionalString(values, 'type') } : {}),
        ...(optionalString(values, 'location') ? { location: optionalString(values, 'location') } : {}),
        ...(optionalString(values, 'notes') ? { notes: optionalString(values, 'notes') } : {}),
        ...(fatalities === undefined ? {} : { fatalities: { count: fatalities, source } }),
        ...(injuries === undefined ? {} : { injuries: { count: injuries, source } }),
      });
      if (!input.success) throw new UsageError(input.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; '));
      return new EventRecords(records).create(input.data);
    });
    output.out(values.json ? JSON.stringify(event) : `Added ${event.title} (${event.id})`);
    return 0;
  },
};

function dateOption(text: string, precision: string | undefined) {
  const parsedPrecision = precision === undefined ? undefined : DatePrecision.safeParse(precision);
  if (parsedPrecision && !parsedPrecision.success) throw new UsageError(`--precision must be one of ${DatePrecision.options.join(', ')}.`);
  try {
    return parseEventDate(text, parsedPrecision?.data);
  } catch (error) {
    throw new UsageError(`--date: ${(error as Error).message}`);
  }
}

function countOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim())) throw new UsageError(`--${name} must be a whole number.`);
  return Number(value);
}

/** "NAME:ROLE": the last colon splits, so a name may contain one; no colon means no role. */
function splitActorRole(text: string): { name: string; role: string } {
  const colon = text.lastIndexOf(':');
  const [name, role] = colon < 0 ? [text, ''] : [text.slice(0, colon), text.slice(colon + 1)];
  if (name.trim() === '') throw new UsageError(`--actor "${text}" names no actor; write NAME:ROLE.`);
  return { name: name.trim(), role: role.trim() };
}
