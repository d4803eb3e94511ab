import type { NotebookStore } from '../notebook/notebook-store';
import type { RecordService } from '../notebook/records/record-service';
import { TextCache } from '../notebook/records/text-cache';
import { type IndexOptions, SearchIndexer } from './indexer';
import { SearchService } from './search-service';

/** About 20 MB of text at most. */
const SEARCH_TEXTS = { texts: 256, characters: 10_000_000 };

/** A notebook's search: the indexer that keeps it current and the service that answers queries. */
export interface NotebookSearch {
  readonly indexer: SearchIndexer;
  readonly service: SearchService;
}

/**
 * Open the notebook's saved index (catching up in the background with what
 * changed since). A read-only notebook gets an index in memory only.
 */
export function openNotebookSearch(notebook: { store: NotebookStore; records: RecordService; texts: TextCache }, builders: Pick<IndexOptions, 'build' | 'buildInBackground'>, options: Pick<IndexOptions, 'onChange'> & { catchUp?: boolean } = {}): NotebookSearch {
  const indexer = new SearchIndexer(notebook.store.info.path, notebook, {
    ...builders,
    writable: !notebook.store.readOnly,
    catchUpAtOpen: options.catchUp ?? true,
    ...(options.onChange ? { onChange: options.onChange } : {}),
  });
  // Results typed letter by letter show the same documents again and again: search keeps more texts than anchoring needs.
  const texts = new TextCache(notebook.store.blobs, SEARCH_TEXTS);
  return { indexer, service: new SearchService(indexer.index, notebook.records, texts, indexer.loaded) };
}
