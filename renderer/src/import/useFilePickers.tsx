import { useRef, type ReactNode } from 'react';
import { importExtensions, importMediaTypes } from '../../../shared/model/import-formats';
import { fromFileList, type ChosenFile } from './dropped-files';

const accept = [...Object.keys(importExtensions), ...new Set(Object.values(importMediaTypes))].join(',');

/**
 * The browser's own pickers for files and for a folder, which work the same
 * in Electron: `inputs` must be rendered, and a pick must follow a click (the
 * browser opens a picker only in answer to one). Each place's pickers have
 * labels of their own.
 */
export function useFilePickers(onFiles: (files: ChosenFile[]) => void, labels = { files: 'Files to import', folder: 'Folder to import' }): { pickFiles(): void; pickFolder(): void; inputs: ReactNode } {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const take = (input: HTMLInputElement | null) => {
    if (!input?.files) return;
    onFiles(fromFileList(input.files));
    input.value = '';
  };
  const inputs = (
    <>
      <input ref={files} type="file" multiple accept={accept} hidden onChange={(event) => take(event.currentTarget)} aria-label={labels.files} />
      <input
        ref={(element) => {
          folder.current = element;
          // Not in React's typings: the attribute that turns the picker into a folder picker.
          element?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        onChange={(event) => take(event.currentTarget)}
        aria-label={labels.folder}
      />
    </>
  );
  return { pickFiles: () => files.current?.click(), pickFolder: () => folder.current?.click(), inputs };
}
