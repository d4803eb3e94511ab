import { afterEach, beforeEach } from 'vitest';
import { openTestNotebook, type OpenTestNotebook } from './notebook-fixture';
import { makeTempDir } from './temp-dir';

export interface TestNotebookFolder {
  /** The notebook's folder, for the current test. */
  readonly dir: string;
  /** Close the notebook and open it again from disk; `opened` receives the new one. */
  reopen(): Promise<void>;
}

/**
 * Gives each test of the calling file a fresh notebook in a temporary
 * folder. `opened` receives it, to keep it and build services on it; after
 * the test, the notebook open then is closed and the folder removed.
 */
export function useTestNotebook(opened: (notebook: OpenTestNotebook) => void): TestNotebookFolder {
  let temp: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  let current: OpenTestNotebook | undefined;
  const open = async (dir: string) => {
    current = await openTestNotebook(dir);
    opened(current);
  };
  beforeEach(async () => {
    temp = await makeTempDir();
    await open(temp.dir);
  });
  afterEach(async () => {
    await current?.store.close();
    await temp?.remove();
  });
  return {
    get dir() {
      if (!temp) throw new Error('useTestNotebook: no test is running');
      return temp.dir;
    },
    async reopen() {
      await current?.store.close();
      await open(this.dir);
    },
  };
}
