// What electron-builder is handed as `electronDist` for Linux x64: the files
// of Electron's release zip (electron/electron script/zip_manifests/
// dist_zip.linux.x64.manifest), and the fuse wire compiled into the binary
// (electron/electron build/fuses/build.py) that `electronFuses` flips.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Locales Chromium ships a .pak for. */
const LOCALES = [
  'af', 'am', 'ar', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en-GB', 'en-US', 'es-419', 'es', 'et', 'fa', 'fi', 'fil', 'fr', 'gu', 'he', 'hi', 'hr', 'hu', 'id', 'it', 'ja', 'kn', 'ko', 'lt', 'lv', 'ml', 'mr', 'ms', 'nb', 'nl', 'pl', 'pt-BR', 'pt-PT', 'ro', 'ru', 'sk', 'sl', 'sr', 'sv', 'sw', 'ta', 'te', 'th', 'tr', 'uk', 'ur', 'vi', 'zh-CN', 'zh-TW',
];

/** The executable electron-builder renames to the app's name (`fieldbook`) and flips the fuses of. */
export const ELECTRON_EXECUTABLE = 'electron';

/**
 * The zip's files, but for the two electron-builder deletes after unpacking
 * a downloaded zip (`resources/default_app.asar`, `version`): it keeps them
 * from a custom `electronDist`, so a distribution without them packs exactly
 * what `npm run dist` packs. `resources/` itself is a folder electron-builder
 * writes the app into.
 */
export const ELECTRON_LINUX_FILES: readonly string[] = [
  'LICENSE',
  'LICENSES.chromium.html',
  'chrome-sandbox',
  'chrome_100_percent.pak',
  'chrome_200_percent.pak',
  'chrome_crashpad_handler',
  ELECTRON_EXECUTABLE,
  'icudtl.dat',
  'libEGL.so',
  'libGLESv2.so',
  'libffmpeg.so',
  'libvk_swiftshader.so',
  'libvulkan.so.1',
  ...LOCALES.map((locale) => `locales/${locale}.pak`),
  'resources.pak',
  'snapshot_blob.bin',
  'v8_context_snapshot.bin',
  'vk_swiftshader_icd.json',
];

/** Precedes the fuse wire in Electron's binary; @electron/fuses finds the wire by it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;

/**
 * Electron's defaults, in wire order ('1' on, '0' off): run as node,
 * cookie encryption, NODE_OPTIONS, --inspect, embedded asar integrity,
 * only load the app from asar, browser-specific V8 snapshot, file://
 * privileges. The eight fuses @electron/fuses 1.8 names.
 */
const DEFAULT_FUSES = '10110001';

/** The bytes Electron's build compiles into the binary: sentinel, wire version, wire length, one byte per fuse. */
export function defaultFuseWire(): Buffer {
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([FUSE_WIRE_VERSION, DEFAULT_FUSES.length]), Buffer.from(DEFAULT_FUSES, 'latin1')]);
}

/**
 * Fails, naming every missing file, unless `dir` holds an unpacked Linux
 * Electron distribution with a fuse wire: electron-builder itself copies
 * whatever it is given and only stumbles later, far from the cause.
 */
export function checkElectronDist(dir: string): void {
  const missing = [...ELECTRON_LINUX_FILES, 'resources/'].filter((file) => !existsSync(path.join(dir, file)));
  if (missing.length > 0) throw new Error(`The Electron distribution at ${dir} lacks ${missing.join(', ')}.`);
  if (!readFileSync(path.join(dir, ELECTRON_EXECUTABLE)).includes(FUSE_SENTINEL, 0, 'latin1')) {
    throw new Error(`${path.join(dir, ELECTRON_EXECUTABLE)} has no fuse wire (sentinel ${FUSE_SENTINEL}): electron-builder could not set electronFuses.`);
  }
}

/** The version electron-builder packs for: the `electron` devDependency's. */
export function installedElectronVersion(): string {
  const manifest = createRequire(import.meta.url).resolve('electron/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
