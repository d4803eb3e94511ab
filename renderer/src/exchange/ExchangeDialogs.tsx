import type { FieldbookApi } from '../../../shared/api/contract';
import { ConflictList } from './ConflictList';
import { ExportDialog } from './ExportDialog';
import { MergeDialog } from './MergeDialog';
import { Modal } from '../forms/Modal';
import type { ExchangeDialog } from './useExchangeDialogs';
import './exchange.css';

/** The exchange dialogs; at most one is open. */
export function ExchangeDialogs({ api, which, onClose }: { api: FieldbookApi; which: ExchangeDialog | undefined; onClose(): void }) {
  return (
    <>
      <ExportDialog api={api} open={which === 'export' || which === 'export-other'} initialFormat={which === 'export-other' ? 'w3c' : 'fieldbook'} onClose={onClose} />
      <MergeDialog api={api} open={which === 'merge'} onClose={onClose} />
      <Modal open={which === 'conflicts'} title="Merge conflicts" className="exchange-dialog conflicts-dialog" onClose={onClose}>
        <p className="hint">Texts that a merge found changed on both sides. Each record holds both versions, one after the other, until you choose.</p>
        <ConflictList api={api} />
      </Modal>
    </>
  );
}
