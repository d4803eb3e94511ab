import type { AppInfo, HostKind } from '../../shared/model/app';
import type { NotebookInfo } from '../../shared/model/notebook';
import { EventBus } from '../events/event-bus';
import { openNotebookFolder } from '../notebook/notebook-folder';
import { SettingsStore } from '../settings/settings-store';
import { TaskRunner } from '../tasks/task-runner';
import { appVersion } from './version';

export interface ServicesOptions {
  host: HostKind;
  /** The user's data folder: settings, recent notebooks, the default notebook. */
  dataDir: string;
  notebookDir: string;
}

/**
 * Everything the three hosts (Electron, browser host, command line) share.
 * Hosts only translate their transport into calls on these.
 */
export interface Services {
  readonly info: AppInfo;
  readonly events: EventBus;
  readonly settings: SettingsStore;
  readonly tasks: TaskRunner;
  notebook(): NotebookInfo;
  openNotebook(dir: string, options?: { create?: boolean }): Promise<NotebookInfo>;
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  const events = new EventBus();
  const settings = await SettingsStore.open(options.dataDir, events);
  let notebook = await openNotebookFolder(options.notebookDir, { create: true });
  return {
    info: { name: 'Fieldbook', version: appVersion, host: options.host, platform: process.platform },
    events,
    settings,
    tasks: new TaskRunner(events),
    notebook: () => notebook,
    async openNotebook(dir, openOptions) {
      notebook = await openNotebookFolder(dir, openOptions);
      events.emit('notebook.changed', notebook);
      return notebook;
    },
  };
}
