// Benchmarks print figures; targets are checked here, not in timed tests.
// This one measures the cost of one API call through the browser host's full
// stack (HTTP, guards, validation, dispatch), which every UI action pays.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDispatcher } from '../../main/api/dispatcher';
import { createHandlers } from '../../main/api/handlers';
import { createServices } from '../../main/app/services';
import { startBrowserHost } from '../../main/browser-host/server';

const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-'));
const services = await createServices({ host: 'browser', dataDir: path.join(temp, 'data'), notebookDir: path.join(temp, 'nb') });
const host = await startBrowserHost({ dispatch: createDispatcher(createHandlers(services)), events: services.events, rendererDir: path.join(temp, 'none') });
const call = () =>
  fetch(`http://127.0.0.1:${host.port}/api/v1/call`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ method: 'library.list', args: { collection: 'documents' } }),
  }).then((response) => response.json());

for (let i = 0; i < 200; i += 1) await call();
const samples: number[] = [];
for (let i = 0; i < 2000; i += 1) {
  const start = performance.now();
  await call();
  samples.push(performance.now() - start);
}
samples.sort((a, b) => a - b);
const at = (q: number) => samples[Math.floor(q * (samples.length - 1))]!.toFixed(3);
console.log(`api round trip over the browser host (library.list, ${samples.length} calls): median ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms`);
await host.close();
await rm(temp, { recursive: true, force: true });
