import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);

// The configuration against electron-builder's own schema, and what only the real targets read (`npm run dist`, which needs the network): packaged-app.test.ts packs and checks the `--dir` package offline.
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  directories: { buildResources: string };
  linux: { icon: string };
  mac: { icon: string };
  win: { icon: string };
};
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  homepage?: string;
  author?: string | { name?: string; email?: string };
  devDependencies: Record<string, string>;
  dependencies?: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's configuration schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('catches a wrong option (the schema check is not vacuous)', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ ...config, linux: { target: 'AppImage', categry: 'Office' } })).toBe(false);
  });

  it("packs the Electron entry point named in package.json and the built preload", () => {
    expect(packageJson.main).toBe('dist/electron/main.cjs');
    expect(config.files).toContain('dist/electron/**');
    expect(config.files).toContain('dist/renderer/**');
  });

  it('points at icons that exist', () => {
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) expect(existsSync(path.join(root, icon))).toBe(true);
    expect(existsSync(path.join(root, config.directories.buildResources))).toBe(true);
  });

  it('ships only the runtime dependencies the bundles leave out, and electron stays a devDependency as electron-builder requires', () => {
    expect(Object.keys(packageJson.dependencies ?? {}).sort()).toEqual(['@exodus/bytes', '@tesseract.js-data/ara', '@tesseract.js-data/eng', 'html-encoding-sniffer', 'jsdom', 'lunr-languages', 'parse5', 'pdfjs-dist', 'tesseract.js', 'yauzl', 'yazl']);
    expect(packageJson.devDependencies.electron).toBeDefined();
  });

  it('unpacks the workers and the runtime dependencies they import from the asar archive (worker threads cannot load from it)', () => {
    expect(config.files).toContain('dist/workers/**');
    expect((config as { asarUnpack?: string[] }).asarUnpack).toEqual(['dist/workers/**', 'node_modules/**']);
  });

  it("gives the deb target the homepage and maintainer's address it refuses to build without", () => {
    expect(packageJson.homepage).toMatch(/^https:\/\//);
    const maintainer = (config as { linux: { maintainer?: string } }).linux.maintainer;
    const email = typeof packageJson.author === 'object' ? packageJson.author.email : undefined;
    expect(maintainer ?? email).toMatch(/@/);
  });
});
