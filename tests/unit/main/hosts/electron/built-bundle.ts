import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..', '..');

/**
 * The Electron tests run the bundles `npm run build` writes, because the
 * defects they guard live in the build (banners, externals) as much as in the
 * sources. `npm test` builds before the unit tests; run alone, a missing or
 * stale bundle must say so rather than test yesterday's code.
 */
export function builtBundle(name: 'main.cjs' | 'preload.cjs'): string {
  const file = path.join(repoRoot, 'dist', 'electron', name);
  if (!existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run \`npm run build\` first (npm test does).`);
  const built = statSync(file).mtimeMs;
  const newer = ['main', 'shared'].flatMap((dir) => sourcesIn(path.join(repoRoot, dir))).find((source) => statSync(source).mtimeMs > built);
  if (newer) throw new Error(`${path.relative(repoRoot, file)} is older than ${path.relative(repoRoot, newer)}: run \`npm run build\` first (npm test does).`);
  return file;
}

function sourcesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(dir, name));
}
