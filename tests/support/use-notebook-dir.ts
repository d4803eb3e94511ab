import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { makeTempDir } from './temp-dir';

export interface NotebookDirForTest {
  /** The temporary folder of the current test. */
  readonly root: string;
  /** Where the current test's notebook goes: `nb` inside `root`, not yet created. */
  readonly dir: string;
}

/** Gives each test of the calling file a fresh temporary folder with a notebook path in it, removed after the test. */
export function useNotebookDir(): NotebookDirForTest {
  let temp: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  beforeEach(async () => {
    temp = await makeTempDir();
  });
  afterEach(() => temp?.remove());
  const root = () => {
    if (!temp) throw new Error('useNotebookDir: no test is running');
    return temp.dir;
  };
  return {
    get root() {
      return root();
    },
    get dir() {
      return path.join(root(), 'nb');
    },
  };
}
