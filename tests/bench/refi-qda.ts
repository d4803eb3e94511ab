// REFI-QDA figures: exporting a large notebook to a .qdpx and importing that
// package into an empty notebook, with the process's peak memory. The
// notebook is generated as the exchange bench generates it.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exportQdpx } from '../../main/interop/refi-qda/export-qdpx';
import { importQdpx } from '../../main/interop/refi-qda/import-qdpx';
import { NotebookStore } from '../../main/notebook/notebook-store';
import { openTestNotebook } from '../support/notebook-fixture';
import { generateNotebook, measured } from './exchange';
import { printFigure } from './figures';

// 100 documents and 10,000 highlights by default: import stores one highlight a durable write at a time (about 3.4 ms each), so the team-scale 100,000 (FIELDBOOK_BENCH_REFI_HIGHLIGHTS=100000) takes minutes.
export async function benchRefiQda(documents = Number(process.env.FIELDBOOK_BENCH_REFI_DOCUMENTS ?? 100), highlights = Number(process.env.FIELDBOOK_BENCH_REFI_HIGHLIGHTS ?? 10_000)): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-refi-'));
  try {
    await generateNotebook(path.join(temp, 'source'), documents, documents * 64 * 1024, highlights);
    const source = await NotebookStore.open(path.join(temp, 'source'), { readOnly: true });
    const file = path.join(temp, 'project.qdpx');
    const exported = await measured(() => exportQdpx(source, file, 'Fieldbook bench'));
    await source.close();
    const params = { documents, highlights };
    printFigure('refi-qda-export-seconds', params, exported.seconds, 's');
    printFigure('refi-qda-export-peak-rss', params, exported.peakRssMb, 'MiB');
    printFigure('refi-qda-export-size', params, (await stat(file)).size / 2 ** 20, 'MiB');

    const target = await openTestNotebook(path.join(temp, 'target'), 'Bench');
    const bytes = await readFile(file);
    const imported = await measured(() => importQdpx(target.records, bytes, 'project.qdpx'));
    await target.store.close();
    if (imported.result.highlights !== exported.result.highlights) throw new Error(`Imported ${imported.result.highlights} of ${exported.result.highlights} highlights.`);
    printFigure('refi-qda-import-seconds', params, imported.seconds, 's');
    printFigure('refi-qda-import-peak-rss', params, imported.peakRssMb, 'MiB');
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
