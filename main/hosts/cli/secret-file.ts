import { readFile } from 'node:fs/promises';
import { UsageError } from './command';

/**
 * A password or passphrase read from a file named on the command line, never
 * from the command line itself (which other users can see in the process
 * list). The first line counts; its line ending does not.
 */
export async function readSecretFile(file: string, option: string): Promise<string> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--${option}: cannot read “${file}” (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  const secret = content.split(/\r?\n/, 1)[0] ?? '';
  if (secret === '') throw new UsageError(`--${option}: “${file}” is empty.`);
  return secret;
}
