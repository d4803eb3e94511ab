// The files a packaged Fieldbook needs at run time, looked for where its code
// looks for them. Electron's main process reads app.asar through Electron's
// asar support, which also shows the unpacked files; worker threads do not
// have it and read the real file system, so the workers and everything they
// load must be in app.asar.unpacked.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { workerEntry } from '../tasks/worker-entry.ts';

/** The worker bundles main/build/bundle.ts writes to dist/workers. */
const WORKER_BUNDLES = ['extract-worker.mjs', 'search-build-worker.mjs'] as const;

interface PackageManifest {
  main?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Files under one root by '/'-separated relative path: the archive as Electron shows it, or the unpacked folder on disk. */
interface FileView {
  /** Names a file for a message: where it is, from resources/. */
  readonly prefix: string;
  has(file: string): boolean;
  /** Whether the folder holds anything. */
  hasUnder(dir: string): boolean;
  read(file: string): string;
}

/** Paths inside app.asar as Electron shows them (unpacked files included), '/'-separated, without a leading slash. */
export function archiveFiles(resourcesDir: string): Set<string> {
  const listed = listPackage(path.join(resourcesDir, 'app.asar'), { isPack: false });
  return new Set(listed.map((file) => file.split(path.sep).join('/').replace(/^\//, '')));
}

function archiveView(resourcesDir: string): FileView {
  const archive = path.join(resourcesDir, 'app.asar');
  const files = archiveFiles(resourcesDir);
  return {
    prefix: 'app.asar/',
    has: (file) => files.has(file),
    hasUnder: (dir) => [...files].some((file) => file.startsWith(`${dir}/`)),
    read: (file) => extractFile(archive, file).toString('utf8'),
  };
}

function diskView(resourcesDir: string): FileView {
  const full = (file: string) => path.join(resourcesDir, 'app.asar.unpacked', ...file.split('/'));
  return {
    prefix: 'app.asar.unpacked/',
    has: (file) => existsSync(full(file)),
    hasUnder: (dir) => existsSync(full(dir)) && readdirSync(full(dir)).length > 0,
    read: (file) => readFileSync(full(file), 'utf8'),
  };
}

/**
 * Which of `names` a bundle imports. esbuild leaves package.json's
 * `dependencies` out of every bundle, so they are the only packages a bundle
 * loads, and it writes their imports as plain string literals.
 */
function importedPackages(code: string, names: string[]): string[] {
  const literal = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return names.filter((name) => new RegExp(`(?:from|import|require\\()\\s*\\(?\\s*["']${literal(name)}(?:/[^"']*)?["']`).test(code));
}

/**
 * A package's folder as Node finds it from `fromDir`: in the nearest
 * node_modules up the tree, but no higher than the view's root, since what
 * lies above a package (the repository, when packed into release/) is not
 * installed with it. Node also reads `exports`, but all of a package's files
 * ship, so finding the folder is enough.
 */
function findPackageDir(view: FileView, name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.posix.dirname(dir)) {
    const candidate = path.posix.join(dir, 'node_modules', name);
    if (view.has(`${candidate}/package.json`)) return candidate;
    if (dir === '.') return undefined;
  }
}

/**
 * Checks that the packages a bundle imports, and everything each needs in
 * turn, are found from the bundle's folder; an optional dependency that was
 * not installed is not missing. Returns where each imported package is.
 */
function checkImports(view: FileView, bundle: string, names: string[], missing: string[]): Map<string, string> {
  const roots = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (name: string, fromDir: string, neededBy: string, optional: boolean): string | undefined => {
    const dir = findPackageDir(view, name, fromDir);
    if (!dir) {
      if (!optional) missing.push(`${view.prefix}node_modules/${name} (needed by ${neededBy})`);
      return undefined;
    }
    if (seen.has(dir)) return dir;
    seen.add(dir);
    const manifest = JSON.parse(view.read(`${dir}/package.json`)) as PackageManifest;
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir, name, false);
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) visit(dependency, dir, name, true);
    return dir;
  };
  for (const name of importedPackages(view.read(bundle), names)) {
    const dir = visit(name, path.posix.dirname(bundle), bundle, false);
    if (dir) roots.set(name, dir);
  }
  return roots;
}

/**
 * The runtime files the package lacks, each named with why it is needed;
 * empty when the package is complete. `resourcesDir` is the package's
 * resources/ folder, holding app.asar and app.asar.unpacked.
 */
export function missingRuntimeFiles(resourcesDir: string): string[] {
  if (!existsSync(path.join(resourcesDir, 'app.asar'))) return [`app.asar (in ${resourcesDir})`];
  const archive = archiveView(resourcesDir);
  if (!archive.has('package.json')) return ['app.asar/package.json (names the main bundle)'];
  const missing: string[] = [];
  const need = (view: FileView, file: string, why: string): boolean => {
    const present = view.has(file);
    if (!present) missing.push(`${view.prefix}${file} (${why})`);
    return present;
  };
  const manifest = JSON.parse(archive.read('package.json')) as PackageManifest;
  const dependencies = Object.keys(manifest.dependencies ?? {});

  const main = path.posix.normalize(manifest.main ?? 'index.js');
  // The packaged main bundle's import.meta.url (bundle.ts derives it from __filename): what it starts the workers from.
  const mainUrl = pathToFileURL(path.join(resourcesDir, 'app.asar', ...main.split('/'))).href;
  if (need(archive, main, 'the main bundle, named by package.json')) checkImports(archive, main, dependencies, missing);
  // main/hosts/electron/main.ts: the preload beside the main bundle, the UI in ../renderer (main/app/paths.ts).
  const mainDir = path.posix.dirname(main);
  need(archive, `${mainDir}/preload.cjs`, "the window's preload");
  const renderer = path.posix.join(mainDir, '..', 'renderer');
  if (need(archive, `${renderer}/index.html`, 'the UI')) {
    for (const [, asset] of archive.read(`${renderer}/index.html`).matchAll(/(?:src|href)="\/([^"]+)"/g)) need(archive, `${renderer}/${asset}`, 'loaded by index.html');
  }
  // The reader's pdf.js fetches these from /pdfjs/ (renderer/src/reader/pdf/open-pdf.ts).
  for (const folder of ['cmaps', 'standard_fonts', 'wasm']) {
    if (!archive.hasUnder(`${renderer}/pdfjs/${folder}`)) missing.push(`app.asar/${renderer}/pdfjs/${folder}/ (the reader's pdf.js)`);
  }

  const disk = diskView(resourcesDir);
  const unpacked = path.join(resourcesDir, 'app.asar.unpacked');
  for (const bundle of WORKER_BUNDLES) {
    // main/tasks/worker-entry.ts: where the main bundle starts each worker.
    const worker = path.relative(unpacked, fileURLToPath(workerEntry(mainUrl, '', bundle).url)).split(path.sep).join('/');
    if (!need(disk, worker, 'a worker, loaded from the disk')) continue;
    const pdfjs = checkImports(disk, worker, dependencies, missing).get('pdfjs-dist');
    // main/import/pdf/pdfjs.ts: pdf.js in the worker reads these with fs, beside pdfjs-dist's package.json.
    for (const folder of pdfjs ? ['cmaps', 'standard_fonts'] : []) {
      if (!disk.hasUnder(`${pdfjs}/${folder}`)) missing.push(`app.asar.unpacked/${pdfjs}/${folder}/ (pdf.js in ${bundle})`);
    }
  }
  return [...new Set(missing)];
}

/** Fails, naming each missing file, unless the package at `resourcesDir` has every runtime file. */
export function checkRuntimeFiles(resourcesDir: string): void {
  const missing = missingRuntimeFiles(resourcesDir);
  if (missing.length > 0) throw new Error(`The package in ${resourcesDir} lacks:\n  ${missing.join('\n  ')}`);
}
