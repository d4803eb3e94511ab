import { dialog, type BrowserWindow } from 'electron';
import type { HostCapabilities } from '../../api/handlers';

/** The native folder dialog behind notebook.chooseFolder: the folder comes from the person, through main, never from the page. */
export function folderChooser(window: BrowserWindow): NonNullable<HostCapabilities['chooseFolder']> {
  return async (purpose) => {
    const create = purpose === 'create';
    const choice = await dialog.showOpenDialog(window, {
      title: create ? 'Choose an empty folder for the new notebook' : 'Open a notebook folder',
      buttonLabel: create ? 'Create Notebook' : 'Open Notebook',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    });
    return choice.canceled ? undefined : choice.filePaths[0];
  };
}
