import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * pdf.js fetches CMaps, standard fonts and image decoders by URL while it
 * reads a PDF; the app ships them under /pdfjs/ (see reader/pdf/open-pdf.ts)
 * so nothing is ever fetched from a CDN.
 */
function pdfjsAssets(): Plugin {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    name: 'fieldbook-pdfjs-assets',
    apply: 'build',
    generateBundle() {
      for (const folder of ['cmaps', 'standard_fonts', 'wasm']) {
        for (const file of readdirSync(path.join(root, folder))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${file}`, source: readFileSync(path.join(root, folder, file)) });
        }
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // The app's icon and other packaged files; served at the root of the app.
  publicDir: fileURLToPath(new URL('../assets', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [pdfjsAssets()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Both hosts forbid inline code and data: scripts (CSP), so nothing may be inlined.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The page runs only in Chromium (Electron 45 is 142). Lowered for older browsers, :dir(rtl)
    // became :lang(ar, fa…), which misses Arabic typed into a field of an English page.
    cssTarget: 'chrome120',
  },
});
