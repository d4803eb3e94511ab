import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../../../../shared/api/errors';
import { createDispatcher } from '../../../api/dispatcher';
import { createDownloads, createHandlers, createUpload } from '../../../api/handlers';
import { builtRendererDir, userDataDir } from '../../../app/paths';
import { createServices } from '../../../app/services';
import { startBrowserHost } from '../../browser-host/server';
import { openInChromiumAppMode } from '../open-in-chromium';
import { type Command, UsageError } from '../command';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the app in your browser, on this computer only (127.0.0.1)',
  options: {
    notebook: { value: 'DIR', help: 'notebook folder (created when missing or empty); one that cannot be opened ends the command. Default: the last one opened, or the chooser' },
    port: { value: 'N', help: 'port on 127.0.0.1 (default: a free port chosen at random)' },
    open: { help: 'open the app in Chromium\'s app mode when a display and Chromium are present' },
    json: { help: 'print {"url", "port", "notebook"} as one JSON line ("notebook" null, and "problem", when it could not be opened)' },
  },
  async run(values, _positionals, output) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${String(values.port)}".`);
    const dataDir = userDataDir();
    const notebookDir = typeof values.notebook === 'string' ? path.resolve(values.notebook) : undefined;
    const services = await createServices({ host: 'browser', dataDir, ...(notebookDir ? { notebookDir } : {}) });
    const opened = services.state();
    // A notebook named on the command line that cannot be opened ends the command with the reason; only the last one opened gives way to the chooser.
    if (notebookDir && !opened.open) {
      await services.close();
      throw new ApiError(opened.problem.code, opened.problem.message);
    }
    const host = await startBrowserHost({
      dispatch: createDispatcher(createHandlers(services)),
      upload: createUpload(services),
      downloads: createDownloads(services),
      events: services.events,
      rendererDir: builtRendererDir(path.dirname(fileURLToPath(import.meta.url))),
      port,
    });
    // The last notebook opened, when it cannot be opened now (locked elsewhere, damaged), does not stop the host: the page shows the notebook chooser with the reason.
    const state = services.state();
    if (values.json) output.out(JSON.stringify({ url: host.url, port: host.port, notebook: state.open ? state.notebook.path : null, ...(state.open ? {} : { problem: state.problem.message }) }));
    else {
      output.out(`Fieldbook is running at ${host.url}`);
      output.out(state.open ? `Notebook: ${state.notebook.name} (${state.notebook.path}). Press Ctrl+C to stop.` : `No notebook open: ${state.problem.message} Choose one in the app. Press Ctrl+C to stop.`);
    }
    if (values.open) openInChromiumAppMode(host.url, output);

    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    await services.close();
    return 0;
  },
};
