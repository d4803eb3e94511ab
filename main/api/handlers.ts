import type { Services } from '../app/services';
import type { Handlers } from './dispatcher';

export function createHandlers(services: Services): Handlers {
  return {
    'app.info': () => services.info,
    'notebook.current': () => services.notebook(),
    // Document, actor, event and note records arrive with the storage layer (issue 3); until then a notebook holds none.
    'library.counts': () => ({ documents: 0, actors: 0, events: 0, notes: 0 }),
    'library.list': () => ({ items: [], total: 0 }),
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'tasks.list': () => services.tasks.list(),
    'tasks.cancel': ({ taskId }) => ({ cancelled: services.tasks.cancel(taskId) }),
  };
}
