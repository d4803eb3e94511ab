import { useRef } from 'react';
import { fromFileList, type ChosenFile } from './dropped-files';

const accept = '.pdf,.html,.htm,.xhtml,.md,.markdown,.txt,.text,application/pdf,text/html,text/markdown,text/plain';

/** "Import files" and "Import folder": the browser's own pickers, which work the same in Electron. */
export function ImportButtons({ onFiles, disabled }: { onFiles(files: ChosenFile[]): void; disabled?: boolean }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const take = (input: HTMLInputElement | null) => {
    if (!input?.files) return;
    onFiles(fromFileList(input.files));
    input.value = '';
  };
  return (
    <div className="import-buttons">
      <button type="button" className="primary" disabled={disabled} onClick={() => files.current?.click()}>
        Import files…
      </button>
      <button type="button" disabled={disabled} onClick={() => folder.current?.click()}>
        Import folder…
      </button>
      <input ref={files} type="file" multiple accept={accept} hidden onChange={(event) => take(event.currentTarget)} aria-label="Files to import" />
      <input
        ref={(element) => {
          folder.current = element;
          // Not in React's typings: the attribute that turns the picker into a folder picker.
          element?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        onChange={(event) => take(event.currentTarget)}
        aria-label="Folder to import"
      />
    </div>
  );
}
