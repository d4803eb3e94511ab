import path from 'node:path';
import { NotebookStore } from '../../../notebook/notebook-store';
import { optionalString, requiredString, type Command } from '../command';

export const initCommand: Command = {
  name: 'init',
  summary: 'Create a notebook in an empty or missing folder',
  options: {
    notebook: { value: 'DIR', required: true, help: 'folder of the new notebook (missing or empty)' },
    name: { value: 'NAME', help: 'its name (default: the folder name)' },
    json: { help: 'print the notebook as JSON' },
  },
  async run(values, _positionals, output) {
    const dir = path.resolve(requiredString(values, 'notebook'));
    const name = optionalString(values, 'name');
    const store = await NotebookStore.open(dir, { create: true, ...(name ? { name } : {}) });
    await store.close();
    output.out(values.json ? JSON.stringify(store.info) : `Notebook “${store.info.name}” is ready at ${store.info.path}`);
    return 0;
  },
};
