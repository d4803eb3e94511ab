import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { budget } from './support/time-budget';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Budgets catch hangs, scaled for a busy machine (see support/time-budget.ts).
    testTimeout: budget(20_000),
    hookTimeout: budget(30_000),
  },
});
