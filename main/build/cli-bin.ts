import { chmod, mkdir, rm, symlink } from 'node:fs/promises';
import type { BuildOptions } from 'esbuild';

/**
 * The command line is built as two files: dist/cli/fieldbook.mjs, the `fieldbook` bin, which checks the Node
 * version first (see main/hosts/cli/check-node.ts) and then loads dist/cli/fieldbook-cli.mjs, the command line itself.
 */
export function cliBuilds(common: BuildOptions, esmBanner: string): BuildOptions[] {
  return [
    { ...common, entryPoints: ['main/hosts/cli/main.ts'], outfile: 'dist/cli/fieldbook-cli.mjs', format: 'esm', banner: { js: esmBanner } },
    { ...common, entryPoints: ['main/hosts/cli/check-node.ts'], outfile: 'dist/cli/fieldbook.mjs', format: 'esm', banner: { js: '#!/usr/bin/env node' } },
  ];
}

/**
 * npm links the bins of a project's dependencies into node_modules/.bin, never the project's own, so `npx
 * fieldbook` in a checkout found nothing to run: the build links it, executable. Run through npx, its `env node`
 * finds the Node that the `node` devDependency puts in node_modules/.bin. (Windows runs bins through npm's
 * command shims, which this does not write.)
 */
export async function linkBin(): Promise<void> {
  await chmod('dist/cli/fieldbook.mjs', 0o755);
  if (process.platform === 'win32') return;
  await mkdir('node_modules/.bin', { recursive: true });
  await rm('node_modules/.bin/fieldbook', { force: true });
  await symlink('../../dist/cli/fieldbook.mjs', 'node_modules/.bin/fieldbook');
}
