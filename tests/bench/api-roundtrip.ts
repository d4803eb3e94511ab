// The cost of one API call through the browser host's whole stack (HTTP,
// guards, validation, dispatch), which every UI action pays.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher } from '../../main/api/dispatcher';
import { createHandlers, createUpload } from '../../main/api/handlers';
import { createServices } from '../../main/app/services';
import { startBrowserHost } from '../../main/hosts/browser-host/server';
import { percentile, printFigure } from './figures';

export async function benchApiRoundTrip(): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-'));
  const services = await createServices({ host: 'browser', dataDir: path.join(temp, 'data'), notebookDir: path.join(temp, 'nb') });
  const host = await startBrowserHost({ dispatch: createDispatcher(createHandlers(services)), upload: createUpload(services), events: services.events, rendererDir: path.join(temp, 'none') });
  const call = () =>
    fetch(`http://127.0.0.1:${host.port}/api/v1/call`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'library.counts', args: {} }),
    }).then((response) => response.json());

  for (let i = 0; i < 200; i += 1) await call();
  const samples: number[] = [];
  for (let i = 0; i < 2000; i += 1) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  printFigure('api_round_trip_p50', { method: 'library.counts', calls: samples.length }, percentile(samples, 0.5), 'ms');
  printFigure('api_round_trip_p95', { method: 'library.counts', calls: samples.length }, percentile(samples, 0.95), 'ms');
  await host.close();
  await services.close();
  await rm(temp, { recursive: true, force: true });
}
