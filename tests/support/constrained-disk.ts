import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * A small tmpfs mounted for a test, to make a real full disk or a real
 * read-only file system (which root ignores in folder permissions). Needs
 * root and mount(8); where that is not possible the reason is returned.
 */
export async function mountSmallDisk(parent: string, sizeKiB: number): Promise<{ dir: string; remountReadOnly(): void; unmount(): void } | string> {
  if (process.getuid?.() !== 0) return 'needs root to mount a small file system';
  const dir = path.join(parent, 'small-disk');
  await mkdir(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return `mount failed: ${(error as Error).message.split('\n')[0] ?? ''}`;
  }
  return {
    dir,
    remountReadOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'pipe' }),
  };
}
