import { useEffect, useState } from 'react';
import { fromDataTransfer, type ChosenFile } from './dropped-files';

/** Files dragged anywhere onto the window are imported; an overlay says so while they hover. */
export function DropZone({ notebookName, onFiles }: { notebookName: string; onFiles(files: ChosenFile[]): void }) {
  const [hovering, setHovering] = useState(false);

  useEffect(() => {
    let depth = 0;
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setHovering(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the dropped file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setHovering(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      depth = 0;
      setHovering(false);
      void fromDataTransfer(event.dataTransfer).then(onFiles);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);

  if (!hovering) return null;
  return (
    <div className="drop-zone" aria-hidden="true">
      <p>
        Drop files or folders to import them into <span dir="auto">{notebookName}</span>
      </p>
    </div>
  );
}
