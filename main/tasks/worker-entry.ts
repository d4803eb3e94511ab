import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What `new Worker()` needs to start one of our workers. */
export interface WorkerEntry {
  url: URL;
  execArgv: string[];
}

/**
 * Where a worker's code is, seen from the module that starts it (`callerUrl`,
 * its import.meta.url): beside the bundle when built (dist/workers, unpacked
 * from the asar archive in a packaged app, since worker threads load their
 * script from the file system), or the TypeScript source through tsx when
 * running from source (tests).
 */
export function workerEntry(callerUrl: string, source: string, built: string): WorkerEntry {
  if (callerUrl.endsWith('.ts')) return { url: new URL(source, callerUrl), execArgv: ['--import', 'tsx'] };
  const bundleDir = path.dirname(fileURLToPath(callerUrl)).replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
  return { url: pathToFileURL(path.join(bundleDir, '..', 'workers', built)), execArgv: [] };
}
