import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { ApiError, type ResponseEnvelope } from '../../../shared/api/errors';
import type { DownloadOutcome } from '../../../shared/exchange/transfer';
import type { OutgoingFiles } from '../../exchange/outgoing-files';

/** Electron's side of a download: ask where to save the prepared file, then move it there. Cancelling keeps it for another try. */
export async function saveDownload(window: BrowserWindow, outgoing: OutgoingFiles, id: string): Promise<ResponseEnvelope> {
  try {
    const file = await outgoing.find(id);
    const extension = path.extname(file.fileName).slice(1);
    const choice = await dialog.showSaveDialog(window, {
      title: 'Save the export',
      buttonLabel: 'Save',
      defaultPath: path.join(app.getPath('documents'), file.fileName),
      ...(extension ? { filters: [{ name: `.${extension} files`, extensions: [extension] }] } : {}),
    });
    if (choice.canceled || !choice.filePath) return { ok: true, result: { saved: false } satisfies DownloadOutcome };
    await outgoing.deliverTo(id, choice.filePath);
    return { ok: true, result: { saved: true, path: choice.filePath } satisfies DownloadOutcome };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toShape() };
    return { ok: false, error: { code: 'INTERNAL', message: `Could not save the file: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
