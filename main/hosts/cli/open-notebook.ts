import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { userDataDir } from '../../app/paths';
import { EventBus } from '../../bus/event-bus';
import { NotebookStore } from '../../notebook/notebook-store';
import { RecordService } from '../../notebook/records/record-service';
import { TextCache } from '../../notebook/records/text-cache';
import { currentAuthor } from '../../settings/author';
import { SettingsStore } from '../../settings/settings-store';
import { requiredString, type OptionValues } from './command';

export interface CliNotebook {
  store: NotebookStore;
  records: RecordService;
  texts: TextCache;
}

/**
 * Open the notebook named by --notebook for one command and close it after,
 * releasing the lock. Commands that only read open it without the lock, so
 * they work while the app has the notebook open.
 */
export async function withNotebook<T>(values: OptionValues, options: { readOnly: boolean }, work: (notebook: CliNotebook) => Promise<T>): Promise<T> {
  const dir = path.resolve(requiredString(values, 'notebook'));
  const settings = await SettingsStore.open(userDataDir(), new EventBus());
  const store = await NotebookStore.open(dir, { readOnly: options.readOnly }).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') throw new ApiError('NOT_FOUND', `${error.message} Create it with: fieldbook init --notebook "${dir}"`);
    throw error;
  });
  try {
    return await work({ store, records: new RecordService(store, () => currentAuthor(settings), new EventBus()), texts: new TextCache(store.blobs) });
  } finally {
    await store.close();
  }
}
