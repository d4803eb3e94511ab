import os from 'node:os';

/**
 * Timeouts in the tests catch hangs; they do not measure speed. A machine
 * busy with other work (another suite, a build) runs everything several times
 * slower, so every budget is a quiet machine's generous figure multiplied by
 * how overloaded the machine is when the run starts: runnable work per core
 * over the last minute, at least 1, at most 4. FIELDBOOK_TEST_SLOWDOWN sets
 * it; the first process to compute it sets that variable, so the processes a
 * run starts (Playwright's workers) share its figure.
 */
function measure(): number {
  const set = Number(process.env.FIELDBOOK_TEST_SLOWDOWN);
  if (Number.isFinite(set) && set > 0) return set;
  const perCore = (os.loadavg()[0] ?? 0) / os.availableParallelism();
  const measured = Math.round(Math.min(4, Math.max(1, perCore)) * 10) / 10;
  process.env.FIELDBOOK_TEST_SLOWDOWN = String(measured);
  return measured;
}

export const slowdown = measure();

/** `ms` on a quiet machine, scaled for this one. */
export function budget(ms: number): number {
  return Math.round(ms * slowdown);
}
