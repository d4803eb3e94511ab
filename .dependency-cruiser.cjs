// Fieldbook's layers as a check (`npm run lint:layers`, part of `npm test`).
// Paths are relative to the folder the check runs in: the repository, or the
// fixture tree of tests/unit/architecture/layers.test.ts, which plants a
// breach of each rule to show that the rule bites.
//
// The hosts (main/hosts/) are the adapters that start the services and carry
// the API to a transport; everything else under main/ is a service and must run
// without them (DESIGN.md: storage, import, search and exchange are plain Node
// modules). main/build is tooling that bundles the hosts, so services keep out
// of it too.
const hosts = '^main/(hosts|build)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'electron-only-in-electron-host',
      comment: 'Only main/hosts/electron/ may import electron: every other module runs, and is tested, without it.',
      severity: 'error',
      from: { pathNot: '^main/hosts/electron/' },
      to: { path: '(^|/)node_modules/electron/|^electron$' },
    },
    {
      name: 'renderer-imports-shared-and-itself',
      comment:
        'The renderer is untrusted and runs in a browser: it reaches main only through the API, so it imports shared/, its own code and browser packages, never main/ or Node.',
      severity: 'error',
      from: { path: '^renderer/src/' },
      to: { pathNot: '^(renderer/src|shared)/|(^|/)node_modules/' },
    },
    {
      name: 'shared-imports-neither-side',
      comment: 'shared/ runs in main and in the renderer alike, so it imports neither of them, nor Node.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: '^shared/|(^|/)node_modules/' },
    },
    {
      name: 'services-import-no-host',
      comment: 'Services run under every host (Electron, browser host, command line), so none of them may depend on one.',
      severity: 'error',
      from: { path: '^main/', pathNot: hosts },
      to: { path: hosts },
    },
    {
      name: 'launcher-imports-hosts-not-the-reverse',
      comment:
        "The launcher (`npm start`) picks a host: Electron, or the command line's `serve --open` when Electron's binary is missing. It depends on the command line one way; no host may import the launcher back.",
      severity: 'error',
      from: { path: '^main/', pathNot: '^main/hosts/launcher/' },
      to: { path: '^main/hosts/launcher/' },
    },
    {
      name: 'no-folder-cycle',
      comment: 'Two folders that import each other are one module in two places: neither can be read, moved or tested alone.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(main|renderer/src|shared)/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycle',
      comment: 'A cycle between files makes their load order matter and hides which one owns the idea.',
      severity: 'error',
      from: { path: '^(main|renderer/src|shared)/' },
      to: { circular: true },
    },
    {
      name: 'resolvable',
      comment: 'An import the check cannot resolve is one it cannot judge: every layer rule would pass it unseen.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    // Type-only imports couple layers just as much, and TypeScript erases them before any other tool sees them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // ESM-only packages (lowdb) publish only an `import` condition.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
