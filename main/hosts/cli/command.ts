import type { ParseArgsOptionsConfig } from 'node:util';

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** One line per option, shown by --help. */
  readonly optionHelp: readonly string[];
  readonly options: ParseArgsOptionsConfig;
  readonly positionals?: boolean;
  /** Resolves to the exit code. Long-running commands resolve when they stop. */
  run(values: OptionValues, positionals: string[], output: CommandOutput): Promise<number>;
}

/** A mistake in how the command was called: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

/** The value of a string option that must be given. */
export function requiredString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required.`);
  return value;
}

export function optionalString(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function stringList(values: OptionValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}
