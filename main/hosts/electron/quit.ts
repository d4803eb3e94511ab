import { app } from 'electron';
import type { Services } from '../../app/services';

/**
 * Close the services (the notebook's lock, the index writer, the workers)
 * before the process ends. Electron does not wait for a listener's promise,
 * so the first quit is held back until closing is done, then quits again.
 */
export function closeServicesOnQuit(services: Services): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    services
      .close()
      .catch((error: unknown) => console.error('Fieldbook could not close the notebook cleanly', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
