import { ApiError } from '../../../shared/api/errors';
import { appVersion } from '../../app/version';
import { type Command, type CommandOutput, UsageError } from './command';
import { actorAddCommand } from './commands/actor-add';
import { doctorCommand } from './commands/doctor';
import { eventAddCommand } from './commands/event-add';
import { exportCommand } from './commands/export';
import { exportAnnotationsCommand } from './commands/export-annotations';
import { exportQdpxCommand } from './commands/export-qdpx';
import { importQdpxCommand } from './commands/import-qdpx';
import { highlightAddCommand } from './commands/highlight-add';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { listCommand } from './commands/list';
import { mentionsCommand } from './commands/mentions';
import { noteAddCommand } from './commands/note-add';
import { mergeCommand } from './commands/merge';
import { reindexCommand } from './commands/reindex';
import { searchCommand } from './commands/search';
import { serveCommand } from './commands/serve';
import { commandHelp, parseCommandLine } from './options';

export const commands: readonly Command[] = [serveCommand, initCommand, importCommand, listCommand, actorAddCommand, eventAddCommand, highlightAddCommand, noteAddCommand, mentionsCommand, searchCommand, reindexCommand, exportCommand, mergeCommand, exportAnnotationsCommand, exportQdpxCommand, importQdpxCommand, doctorCommand];

const consoleOutput: CommandOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export function generalHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: fieldbook COMMAND [OPTIONS]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  --help     show help (also after a command: fieldbook serve --help)',
    '  --version  print the version',
  ].join('\n');
}

/** Runs one command line; returns the exit code (0 ok, 1 failed, 2 wrong usage). */
export async function runCli(argv: readonly string[], output: CommandOutput = consoleOutput): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    output.out(generalHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    output.out(appVersion);
    return 0;
  }
  // Commands may be two words ("actor add"): the longest name that prefixes the arguments wins.
  const command = [...commands].sort((a, b) => b.name.length - a.name.length).find((candidate) => candidate.name.split(' ').every((word, i) => argv[i] === word));
  if (!command) {
    output.err(`fieldbook: unknown command "${first}". Run "fieldbook --help" for the list.`);
    return 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    output.out(commandHelp(command));
    return 0;
  }
  try {
    const { values, positionals } = parseCommandLine(command, rest);
    return await command.run(values, positionals, output);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      output.err(`fieldbook ${command.name}: ${(error as Error).message}`);
      output.err(`Run "fieldbook ${command.name} --help" for its options.`);
      return 2;
    }
    if (error instanceof ApiError) {
      output.err(`fieldbook ${command.name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
