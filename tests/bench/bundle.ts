// Bundles the benchmarks the way main/build/bundle.ts bundles the app, so they
// measure the code as it ships: run from source through tsx, every function is
// wrapped to keep its name (esbuild's keepNames), which costs the hot loops of
// search and import time the app never spends.
import { build } from 'esbuild';

await build({
  entryPoints: ['tests/bench/run.ts'],
  outfile: 'dist/bench/run.mjs',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __fieldbookCreateRequire } from 'node:module'; const require = __fieldbookCreateRequire(import.meta.url);" },
});
