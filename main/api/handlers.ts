import type { LibraryCollection, LibraryItem } from '../../shared/model/library';
import type { RecordOf } from '../../shared/model/records';
import type { Services } from '../app/services';
import { createTextDocument } from '../records/documents';
import { createHighlight } from '../records/highlights';
import { defaultImportLimits } from '../import/extracted-document';
import { createUploader, type Handlers, type Upload } from './dispatcher';

export function createHandlers(services: Services): Handlers {
  const records = () => services.current().records;
  return {
    'app.info': () => services.info,
    'notebook.current': () => services.notebook(),
    'notebook.recent': () => services.recent(),
    'notebook.open': ({ path }) => services.openNotebook(path),
    'notebook.create': ({ path, name }) => services.openNotebook(path, { create: true, ...(name ? { name } : {}) }),
    'notebook.rename': ({ name }) => services.renameNotebook(name),
    'notebook.problems': () => services.current().store.problems(),
    'library.counts': async () => {
      const [documents, actors, events, notes] = await Promise.all([records().list('documents'), records().list('actors'), records().list('events'), records().list('notes')]);
      return { documents: documents.length, actors: actors.length, events: events.length, notes: notes.length };
    },
    'library.list': async ({ collection, offset, limit }) => {
      const items = await libraryItems(services, collection);
      return { items: items.slice(offset, offset + limit), total: items.length };
    },

    'documents.list': ({ includeDeleted }) => records().list('documents', { includeDeleted }),
    'documents.create': (input) => createTextDocument(records(), input),
    'documents.update': ({ id, patch }) => records().update('documents', id, patch),
    'documents.delete': ({ id }) => records().delete('documents', id),
    'highlights.list': ({ includeDeleted, documentId }) => records().list('highlights', { includeDeleted, ...(documentId ? { documentId } : {}) }),
    'highlights.create': (input) => createHighlight(records(), services.current().texts, input),
    'highlights.update': ({ id, patch }) => records().update('highlights', id, patch),
    'highlights.delete': ({ id }) => records().delete('highlights', id),
    'actors.list': ({ includeDeleted }) => records().list('actors', { includeDeleted }),
    'actors.create': (input) => records().create('actors', input),
    'actors.update': ({ id, patch }) => records().update('actors', id, patch),
    'actors.delete': ({ id }) => records().delete('actors', id),
    'events.list': ({ includeDeleted }) => records().list('events', { includeDeleted }),
    'events.create': (input) => records().create('events', input),
    'events.update': ({ id, patch }) => records().update('events', id, patch),
    'events.delete': ({ id }) => records().delete('events', id),
    'notes.list': ({ includeDeleted }) => records().list('notes', { includeDeleted }),
    'notes.create': (input) => records().create('notes', input),
    'notes.update': ({ id, patch }) => records().update('notes', id, patch),
    'notes.delete': ({ id }) => records().delete('notes', id),
    'tags.list': ({ includeDeleted }) => records().list('tags', { includeDeleted }),
    'tags.create': (input) => records().create('tags', input),
    'tags.update': ({ id, patch }) => records().update('tags', id, patch),
    'tags.delete': ({ id }) => records().delete('tags', id),

    'import.start': (source) => services.startImport(source),
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'tasks.list': () => services.tasks.list(),
    'tasks.cancel': ({ taskId }) => ({ cancelled: services.tasks.cancel(taskId) }),
  };
}

/** Files handed over by the UI go to the open notebook's upload batches, within the import size limit. */
export function createUpload(services: Services): Upload {
  return createUploader((batch, relativePath, content) => services.current().uploads.save(batch, relativePath, content, defaultImportLimits.maxFileBytes));
}

/** The sidebar's lists: newest change first, with a line that tells similar items apart. */
async function libraryItems(services: Services, collection: LibraryCollection): Promise<LibraryItem[]> {
  const records = services.current().records;
  const item = (record: RecordOf<typeof collection>, title: string, subtitle?: string): LibraryItem => ({ id: record.id, title, updatedAt: record.updatedAt, ...(subtitle ? { subtitle } : {}) });
  let items: LibraryItem[];
  switch (collection) {
    case 'documents':
      items = (await records.list('documents')).map((document) => item(document, document.title, [document.authors.join(', '), document.publishedAt, describeKind(document)].filter(Boolean).join(' · ')));
      break;
    case 'actors':
      items = (await records.list('actors')).map((actor) => item(actor, actor.name, [actor.kind, ...actor.aliases].join(' · ')));
      break;
    case 'events':
      items = (await records.list('events')).map((event) => item(event, event.title, [event.date.start, event.location, event.type].filter(Boolean).join(' · ')));
      break;
    case 'notes':
      items = (await records.list('notes')).map((note) => item(note, note.title || 'Untitled note', note.body.slice(0, 140)));
      break;
  }
  return items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

function describeKind(document: RecordOf<'documents'>): string {
  if (document.kind === 'pdf') return document.pdf ? `PDF, ${document.pdf.pageCount} page${document.pdf.pageCount === 1 ? '' : 's'}` : 'PDF';
  return { html: 'Web page', markdown: 'Markdown', text: 'Text' }[document.kind];
}
