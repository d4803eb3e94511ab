import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';

/**
 * Read and validate a JSON file. A missing file is `undefined`; a file that is
 * unreadable, unparsable or fails its schema is an error naming the file, so
 * the caller never mistakes damage for absence and overwrites it.
 */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ApiError('NOTEBOOK_INVALID', `Cannot read ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ApiError('NOTEBOOK_INVALID', `${file} is damaged (not valid JSON: ${(error as Error).message}); it was left untouched.`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    throw new ApiError('NOTEBOOK_INVALID', `${file} does not match the expected format${where}: ${first?.message ?? 'invalid'}; it was left untouched.`);
  }
  return parsed.data;
}
