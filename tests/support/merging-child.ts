// Child process of the merge crash test: opens the notebook, says "ready",
// merges the exchange file, says "merged" once the merge has returned, and
// exits. The test kills it with SIGKILL at a random moment in between.
import { mergeExchangeFile } from '../../main/exchange/merge-notebook';
import { NotebookStore } from '../../main/notebook/notebook-store';

const [dir, file] = process.argv.slice(2);
const store = await NotebookStore.open(dir as string);
process.stdout.write('ready\n');
await mergeExchangeFile(store, file as string);
process.stdout.write('merged\n');
await store.close();
