// Bundles the Node-side entry points with esbuild (run by `npm run build`).
// Electron's main and its sandboxed preload must be CommonJS: a sandboxed
// preload cannot load ES modules, and one bundle per entry keeps it a single file.
import { build, type BuildOptions } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  external: ['electron'],
  logLevel: 'warning',
};

// ESM bundles may pull in CommonJS dependencies that call require().
const esmBanner = "import { createRequire as __fieldbookCreateRequire } from 'node:module'; const require = __fieldbookCreateRequire(import.meta.url);";

await Promise.all([
  build({ ...common, entryPoints: { main: 'main/electron/main.ts', preload: 'main/electron/preload.ts' }, outdir: 'dist/electron', format: 'cjs', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: ['main/cli/main.ts'], outfile: 'dist/cli/fieldbook.mjs', format: 'esm', banner: { js: `#!/usr/bin/env node\n${esmBanner}` } }),
  build({ ...common, entryPoints: ['main/launcher/start.ts'], outfile: 'dist/launcher/start.mjs', format: 'esm', banner: { js: esmBanner } }),
]);
