import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { type Command, type OptionValues, UsageError } from './command';

/**
 * The options and positionals of one command's arguments, as declared: an
 * undeclared option, a missing value or a missing required option is refused
 * (parseArgs' ERR_PARSE_ARGS_* errors, or a UsageError).
 */
export function parseCommandLine(command: Command, args: readonly string[]): { values: OptionValues; positionals: string[] } {
  const options: ParseArgsOptionsConfig = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [name, { type: spec.value === undefined ? 'boolean' : 'string', multiple: spec.repeatable === true }]),
  );
  const parsed = parseArgs({ args: [...args], options, allowPositionals: command.positionals !== undefined, strict: true });
  // Only options with a value repeat, so a list holds strings only; parseArgs' types cannot see that from a table built at run time.
  const values = parsed.values as OptionValues;
  const missing = Object.entries(command.options).find(([name, spec]) => spec.required && values[name] === undefined);
  if (missing) throw new UsageError(`--${missing[0]} is required.`);
  return { values, positionals: parsed.positionals };
}

function optionWords(name: string, value: string | undefined): string {
  return value === undefined ? `--${name}` : `--${name} ${value}`;
}

/** "fieldbook NAME", the required options, the positionals, then the optional ones in brackets; "..." after what repeats. */
export function usageLine(command: Command): string {
  const entries = Object.entries(command.options);
  const shown = (required: boolean) =>
    entries.filter(([, spec]) => (spec.required === true) === required).map(([name, spec]) => {
      const words = optionWords(name, spec.value);
      return `${required ? words : `[${words}]`}${spec.repeatable ? '...' : ''}`;
    });
  return ['fieldbook', command.name, ...shown(true), ...(command.positionals ? [command.positionals.usage] : []), ...shown(false)].join(' ');
}

/** A command's --help: its usage, what it does, then its positionals and options, in declared order, descriptions aligned. */
export function commandHelp(command: Command): string {
  const positionals: [string, string][] = command.positionals?.help ? [[command.positionals.usage, command.positionals.help]] : [];
  const options: [string, string][] = [
    ...Object.entries(command.options).map(([name, spec]): [string, string] => [optionWords(name, spec.value), spec.repeatable ? `${spec.help} (repeatable)` : spec.help]),
    ['--help', 'show this help'],
  ];
  const width = Math.max(...[...positionals, ...options].map(([words]) => words.length));
  const lines = (rows: [string, string][]) => rows.map(([words, help]) => `  ${words.padEnd(width)}  ${help}`);
  return [`Usage: ${usageLine(command)}`, '', command.summary, ...(positionals.length > 0 ? ['', 'Arguments:', ...lines(positionals)] : []), '', 'Options:', ...lines(options)].join('\n');
}
