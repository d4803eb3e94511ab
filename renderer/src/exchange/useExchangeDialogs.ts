import { useCallback, useEffect, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';

/** The exchange dialog on screen: export (of a .fieldbook file or for other tools), merge, or the open conflicts. */
export type ExchangeDialog = 'export' | 'export-other' | 'merge' | 'conflicts';

/** Which exchange dialog is open; the File menu of this window and the app menu (Electron) both open them. */
export function useExchangeDialogs(api: FieldbookApi): { which: ExchangeDialog | undefined; open(dialog: ExchangeDialog): void; close(): void } {
  const [which, setWhich] = useState<ExchangeDialog>();
  useEffect(
    () =>
      api.on('app.command', ({ command }) => {
        if (command === 'export-notebook') setWhich('export');
        if (command === 'merge-notebook') setWhich('merge');
      }),
    [api],
  );
  const close = useCallback(() => setWhich(undefined), []);
  return { which, open: setWhich, close };
}
