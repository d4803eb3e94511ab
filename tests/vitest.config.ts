import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { budget } from './support/time-budget';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Budgets catch hangs, scaled for a busy machine (see support/time-budget.ts). The load is read once at the start and
    // may climb later (a worker-thread import test took 41 s when the load rose from 4 to 11 mid-run), so the base is a minute.
    testTimeout: budget(60_000),
    hookTimeout: budget(60_000),
  },
});
