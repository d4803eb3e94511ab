import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Says why specs were not run (for example: no Electron binary here), which the list reporter does not. */
export default class SkipReasonsReporter implements Reporter {
  readonly #reasons = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((annotation) => annotation.type === 'skip')?.description ?? 'skipped without a reason';
    const project = test.parent.project()?.name ?? '';
    const key = `[${project}] ${reason}`;
    this.#reasons.set(key, (this.#reasons.get(key) ?? 0) + 1);
  }

  onEnd(): void {
    for (const [reason, count] of this.#reasons) console.log(`Not run: ${count} spec(s) ${reason}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
