// The `fieldbook` bin (dist/cli/fieldbook.mjs): it checks the Node version, then loads the command line. The check
// cannot sit in the command line's own bundle: an ES module's imports are evaluated before any of its code, and on
// an older Node they fail with errors that name neither Node nor a version ("Promise.withResolvers is not a
// function"). So this file must itself run on old Nodes: plain code, and nothing imported.

/** As package.json's engines say. */
const MINIMUM = { major: 22, minor: 12 };

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < MINIMUM.major || (major === MINIMUM.major && minor < MINIMUM.minor)) {
  process.stderr.write(
    `fieldbook: Fieldbook needs Node.js ${MINIMUM.major}.${MINIMUM.minor} or newer, and this is Node.js ${process.versions.node} (${process.execPath}). ` +
      `In the Fieldbook folder, run "npx fieldbook …" (npm runs it on the Node ${MINIMUM.major} the project pins), or install Node.js ${MINIMUM.major}.\n`,
  );
  process.exitCode = 1;
} else {
  // Beside this file once built; a computed address, so the bundler leaves it for run time.
  await import(new URL('./fieldbook-cli.mjs', import.meta.url).href);
}
