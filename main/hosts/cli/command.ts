export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/**
 * One option, declared once: parseArgs reads its type from it, and --help its
 * usage and its line, so what help says is what the parser accepts.
 */
export interface OptionSpec {
  /** The value's placeholder in help ("DIR"); an option without one is a flag. */
  readonly value?: string;
  readonly help: string;
  /** May be given more than once; the values arrive as a list. */
  readonly repeatable?: boolean;
  /** The command line is refused without it, before the command runs. */
  readonly required?: boolean;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** The words after the options, when the command takes any: how the usage line shows them, and what they are. */
  readonly positionals?: { readonly usage: string; readonly help?: string };
  readonly options: OptionTable;
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
