import { defineConfig } from '@playwright/test';
import type { HostOptions } from './fixtures';

// The same specs run against the browser host in Debian's Chromium and,
// where its binary is installed, against the Electron app.
export default defineConfig<HostOptions>({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['./skip-reasons-reporter.ts'], ['list']],
  projects: [
    { name: 'browser-host', use: { hostKind: 'browser' } },
    { name: 'electron', use: { hostKind: 'electron' } },
  ],
});
