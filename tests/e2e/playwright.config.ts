import { defineConfig } from '@playwright/test';
import { budget } from '../support/time-budget';
import type { HostOptions } from './fixtures';

// The same specs run against the browser host in Debian's Chromium and,
// where its binary is installed, against the Electron app.
export default defineConfig<HostOptions>({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results',
  // Budgets catch hangs (see time-budget.ts): a spec that takes 10 s on a quiet machine may take 60 on a loaded one.
  timeout: budget(60_000),
  expect: { timeout: budget(10_000) },
  fullyParallel: true,
  // Each test runs a server, a Chromium and the runner: two at a time keep two cores busy without starving one another.
  workers: 2,
  retries: 0,
  reporter: [['./skip-reasons-reporter.ts'], ['list']],
  projects: [
    { name: 'browser-host', use: { hostKind: 'browser' } },
    { name: 'electron', use: { hostKind: 'electron' } },
  ],
});
