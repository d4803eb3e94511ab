import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal <dialog> shown while mounted with `open`; Escape and the close button
 * both call onClose. The children are mounted only while it is open, so a
 * dialog's state starts afresh each time it opens.
 */
export function Modal({ open, title, className, onClose, children }: { open: boolean; title: string; className: string; onClose(): void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className={className} aria-labelledby={titleId} onClose={onClose}>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </header>
      {open && children}
    </dialog>
  );
}
