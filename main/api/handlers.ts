import { ApiError } from '../../shared/api/errors';
import type { LibraryCollection, LibraryItem } from '../../shared/model/library';
import { formatEventDate } from '../../shared/timeline/event-date';
import { plainStart } from '../../shared/notes/backlinks';
import type { RecordOf } from '../../shared/model/records';
import { actorNetwork } from '../actors/actor-network';
import { actorProfile } from '../actors/actor-profile';
import { findMentions } from '../actors/mention-finder';
import { tagMentions } from '../actors/mention-tagger';
import type { OpenNotebook, Services } from '../app/services';
import { EXCHANGE_UPLOAD_NAME } from '../../shared/exchange/transfer';
import { defaultArchiveLimits } from '../exchange/archive-limits';
import { exportAnnotationsForDownload, exportForDownload, mergeUpload, type ExchangeContext } from '../exchange/exchange-service';
import { openConflictsOf, type TextUpdater } from '../exchange/open-conflicts';
import { OutgoingFiles, type Downloads } from '../exchange/outgoing-files';
import { currentAuthor } from '../settings/author';
import { eventEvidence, timeline } from '../timeline/timeline';
import { createTextDocument } from '../notebook/records/documents';
import { createHighlight } from '../notebook/records/highlights';
import { highlightPage } from '../notebook/records/highlight-page';
import { withCurrentPdfText } from '../import/pdf/pdf-text-upgrade';
import { readDocumentBlob, readDocumentContent } from '../notebook/content/document-content';
import { defaultImportLimits } from '../import/extracted-document';
import { createUploader, type Handlers, type Upload } from './dispatcher';

/** What a host can do for the page that the services cannot: paths come only from here, never from the page. */
export interface HostCapabilities {
  /** Ask the person for a folder in the host's own dialog; undefined when they cancel. Absent where there is no such dialog (the browser host). */
  chooseFolder?: (purpose: 'open' | 'create') => Promise<string | undefined>;
}

export function createHandlers(services: Services, host: HostCapabilities = {}): Handlers {
  const records = () => services.current().records;
  return {
    'app.info': () => ({ ...services.info, canChooseFolder: host.chooseFolder !== undefined }),
    'notebook.current': () => services.state(),
    'notebook.recent': () => services.recent(),
    'notebook.open': ({ id }) => services.openRecent(id),
    'notebook.create': ({ name }) => services.createNotebook(name),
    'notebook.chooseFolder': async ({ create }) => {
      if (!host.chooseFolder) {
        throw new ApiError('UNAVAILABLE', 'This window cannot show a folder chooser. To work in a notebook in another folder, start Fieldbook on it: fieldbook serve --notebook DIR');
      }
      const dir = await host.chooseFolder(create ? 'create' : 'open');
      if (dir === undefined) return null;
      return services.openNotebook(dir, { create });
    },
    'notebook.rename': ({ name }) => services.renameNotebook(name),
    'notebook.problems': () => services.current().store.problems(),
    'library.counts': async () => {
      const [documents, actors, events, notes] = await Promise.all([records().count('documents'), records().count('actors'), records().count('events'), records().count('notes')]);
      return { documents, actors, events, notes };
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
    'highlights.restore': ({ id }) => records().restore('highlights', id),
    'highlights.page': (args) => highlightPage(records(), args),
    'documents.get': ({ id }) => records().get('documents', id),
    'documents.content': ({ id }) => {
      const notebook = services.current();
      return readDocumentContent(notebook, id, (document) => withCurrentPdfText(notebook, document));
    },
    'documents.blob': ({ id, sha256 }) => readDocumentBlob(services.current(), id, sha256),
    'actors.list': ({ includeDeleted }) => records().list('actors', { includeDeleted }),
    'actors.create': (input) => records().create('actors', input),
    'actors.update': ({ id, patch }) => records().update('actors', id, patch),
    'actors.delete': ({ id }) => records().delete('actors', id),
    'events.list': ({ includeDeleted }) => records().list('events', { includeDeleted }),
    'events.create': (input) => services.current().eventRecords.create(input),
    'events.update': ({ id, patch }) => services.current().eventRecords.update(id, patch),
    'events.delete': ({ id }) => records().delete('events', id),
    'events.get': ({ id }) => records().get('events', id),
    'events.restore': ({ id }) => services.current().eventRecords.restore(id),
    'actors.merge': ({ survivorId, loserId }) => services.current().merges.merge(survivorId, loserId),
    'actors.unmerge': ({ mergeId }) => services.current().merges.unmerge(mergeId),
    'actors.merges': () => services.current().merges.list(),
    'actors.profile': ({ id }) => actorProfile(records(), id),
    'actors.network': (filter) => actorNetwork(records(), filter),
    'mentions.find': ({ actorId, limit }) => findMentions(records(), services.current().texts, { limit, ...(actorId ? { actorId } : {}) }),
    'mentions.tag': ({ mentions }) => tagMentions(records(), services.current().texts, mentions),
    'events.timeline': () => timeline(records()),
    'events.evidence': ({ id }) => eventEvidence(records(), id),
    'events.types': () => services.current().eventTypes.list(),
    'events.setTypes': ({ types }) => services.current().eventTypes.replace(types),
    'notes.list': ({ includeDeleted }) => records().list('notes', { includeDeleted }),
    'notes.create': (input) => services.current().notes.create(input),
    'notes.update': ({ id, patch }) => services.current().notes.update(id, patch),
    'notes.delete': ({ id }) => records().delete('notes', id),
    'notes.get': ({ id }) => records().get('notes', id),
    'notes.backlinks': (target) => services.current().notes.backlinks(target),
    'notes.attached': (target) => services.current().notes.attached(target),
    'notes.resolve': ({ links }) => services.current().notes.resolve(links),
    'notes.linkCandidates': () => services.current().notes.candidates(),
    'tags.list': ({ includeDeleted }) => records().list('tags', { includeDeleted }),
    'tags.create': (input) => records().create('tags', input),
    'tags.update': ({ id, patch }) => records().update('tags', id, patch),
    'tags.delete': ({ id }) => records().delete('tags', id),

    'import.start': ({ batch, passwords }) => services.startImport({ batch, ...(passwords ? { passwords } : {}) }),
    'import.retry': ({ retryId, password }) => services.retryImport(retryId, password),
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'tasks.list': () => services.tasks.list(),
    'tasks.cancel': ({ taskId }) => ({ cancelled: services.tasks.cancel(taskId) }),
    'search.query': (args) => services.current().search.service.search(args),
    'search.status': () => services.current().search.indexer.status(),
    'search.reindex': () => {
      const { indexer } = services.current().search;
      const task = services.tasks.start('reindex', 'Rebuilding the search index', ({ signal, progress }) => indexer.rebuild((done, total) => progress(done, total), signal));
      task.result.catch((error: unknown) => console.error('Rebuilding the search index failed', error));
      return { taskId: task.taskId };
    },
    'exchange.export': (args) => exportForDownload(exchangeContext(services), args),
    'exchange.exportAnnotations': (args) => exportAnnotationsForDownload(exchangeContext(services), args),
    // A task, so a long merge shows its progress and can be cancelled until its journal is written.
    'exchange.merge': (args) => services.tasks.start('merge', args.dryRun ? 'Checking an exchange file' : 'Merging an exchange file', (task) => mergeUpload(exchangeContext(services), args, task)).result,
    'exchange.discardUpload': async ({ batch }) => {
      await services.current().uploads.discard(batch);
      return { discarded: true as const };
    },
    'exchange.conflicts': () => openConflictsOf(services.current().store).list(),
    'exchange.resolveConflict': ({ keep, ...key }) => openConflictsOf(services.current().store).resolve(key, keep, conflictTextUpdater(services.current())),
  };
}

/** Files handed over by the UI go to the open notebook's upload batches, within the import size limit (an exchange file: the archive limit). */
export function createUpload(services: Services): Upload {
  return createUploader((batch, relativePath, content) =>
    services.current().uploads.save(batch, relativePath, content, relativePath === EXCHANGE_UPLOAD_NAME ? defaultArchiveLimits.maxTotalBytes : defaultImportLimits.maxFileBytes),
  );
}

/** Exports waiting to be handed over, in the open notebook. */
export function createDownloads(services: Services): Downloads {
  return () => new OutgoingFiles(services.current().store.info.path);
}

function exchangeContext(services: Services): ExchangeContext {
  const open = services.current();
  return { store: open.store, uploads: open.uploads, events: services.events, author: currentAuthor(services.settings) };
}

/** A chosen version is written through the service that owns its kind of record, like any edit (updated time, change events, search). */
function conflictTextUpdater(open: OpenNotebook): TextUpdater {
  return (type, id, text) => {
    switch (type) {
      case 'highlights':
        return open.records.update('highlights', id, { comment: text });
      case 'actors':
        return open.records.update('actors', id, { description: text });
      case 'events':
        return open.eventRecords.update(id, { notes: text });
      case 'notes':
        return open.notes.update(id, { body: text });
    }
  };
}

/** The sidebar's lists: newest change first, with a line that tells similar items apart. */
async function libraryItems(services: Services, collection: LibraryCollection): Promise<LibraryItem[]> {
  const records = services.current().records;
  const item = (record: RecordOf<typeof collection>, title: string, subtitle?: string): LibraryItem => ({ id: record.id, title, updatedAt: record.updatedAt, ...(subtitle ? { subtitle } : {}) });
  let items: LibraryItem[];
  switch (collection) {
    case 'documents':
      items = (await records.list('documents')).map((document) => ({
        ...item(document, document.title, [document.authors.join(', '), describeKind(document)].filter(Boolean).join(' · ')),
        ...(document.publishedAt ? { publishedAt: document.publishedAt } : {}),
      }));
      break;
    case 'actors':
      items = (await records.list('actors')).map((actor) => item(actor, actor.name, [actor.kind, ...actor.aliases].join(' · ')));
      break;
    case 'events':
      items = (await records.list('events')).map((event) => item(event, event.title, [formatEventDate(event.date), event.location, event.type].filter(Boolean).join(' · ')));
      break;
    case 'notes':
      items = (await records.list('notes')).map((note) => item(note, note.title || 'Untitled note', plainStart(note.body, 140)));
      break;
  }
  return items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

function describeKind(document: RecordOf<'documents'>): string {
  if (document.kind === 'pdf') return document.pdf ? `PDF, ${document.pdf.pageCount} page${document.pdf.pageCount === 1 ? '' : 's'}` : 'PDF';
  return { html: 'Web page', markdown: 'Markdown', text: 'Text', docx: 'Word document', epub: 'E-book', image: 'Image (text read by OCR)' }[document.kind];
}
