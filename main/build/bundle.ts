// Bundles the Node-side entry points with esbuild (run by `npm run build`).
// Electron's main and its sandboxed preload must be CommonJS: a sandboxed
// preload cannot load ES modules, and one bundle per entry keeps it a single file.
import { readFileSync } from 'node:fs';
import { build, type BuildOptions } from 'esbuild';
import { cliBuilds, linkBin } from './cli-bin.ts';

// Runtime dependencies (pdfjs-dist, jsdom) load their own files at run time, so they stay in node_modules.
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  external: ['electron', ...Object.keys(dependencies)],
  logLevel: 'warning',
};

// ESM bundles may pull in CommonJS dependencies that call require().
const esmBanner = "import { createRequire as __fieldbookCreateRequire } from 'node:module'; const require = __fieldbookCreateRequire(import.meta.url);";

await Promise.all([
  // CommonJS has no import.meta.url; code that finds files beside its bundle (the extraction worker) reads it from this shim.
  build({
    ...common,
    entryPoints: ['main/hosts/electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    define: { 'import.meta.url': '__fieldbookImportMetaUrl' },
    banner: { js: "const __fieldbookImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  // No banner: a sandboxed preload has no __filename and may require only 'electron' (and the events, timers, url polyfills).
  build({ ...common, entryPoints: ['main/hosts/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['main/import/worker/extract-worker.ts'], outfile: 'dist/workers/extract-worker.mjs', format: 'esm', banner: { js: esmBanner } }),
  build({ ...common, entryPoints: ['main/search/worker/build-worker.ts'], outfile: 'dist/workers/search-build-worker.mjs', format: 'esm', banner: { js: esmBanner } }),
  ...cliBuilds(common, esmBanner).map((options) => build(options)),
  build({ ...common, entryPoints: ['main/hosts/launcher/start.ts'], outfile: 'dist/launcher/start.mjs', format: 'esm', banner: { js: esmBanner } }),
]);
await linkBin();
