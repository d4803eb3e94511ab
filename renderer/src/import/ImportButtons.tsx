import type { ChosenFile } from './dropped-files';
import { useFilePickers } from './useFilePickers';

/** "Import files" and "Import folder", beside the documents list. */
export function ImportButtons({ onFiles, disabled }: { onFiles(files: ChosenFile[]): void; disabled?: boolean }) {
  const { pickFiles, pickFolder, inputs } = useFilePickers(onFiles);
  return (
    <div className="import-buttons">
      <button type="button" className="primary" disabled={disabled} onClick={pickFiles}>
        Import files…
      </button>
      <button type="button" disabled={disabled} onClick={pickFolder}>
        Import folder…
      </button>
      {inputs}
    </div>
  );
}
