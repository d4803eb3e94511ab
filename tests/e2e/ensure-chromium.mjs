// The end-to-end tests drive Debian's Chromium (Playwright cannot download its
// own browser here). Install it when missing, or say exactly how.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.FIELDBOOK_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

const how = 'sudo apt-get update && sudo apt-get install -y chromium';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(`The end-to-end tests need Debian's Chromium at ${chromium}, which is missing. Install it with: ${how}`);
  process.exit(1);
}
console.log(`Installing Debian's chromium package (needed by the end-to-end tests)…`);
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
} catch {
  console.error(`Installing Chromium failed. Install it by hand with: ${how}`);
  process.exit(1);
}
if (!existsSync(chromium)) {
  console.error(`Chromium was installed but is not at ${chromium}; set FIELDBOOK_CHROMIUM to its path.`);
  process.exit(1);
}
