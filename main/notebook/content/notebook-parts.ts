import type { NotebookStore } from '../notebook-store';
import type { RecordService } from '../records/record-service';
import type { TextCache } from '../records/text-cache';

/**
 * The parts of an open notebook a document's content is read from and upgraded in
 * (app/services' OpenNotebook has them). Declared here rather than imported from
 * app/services, which imports the notebook folder: that would be a folder cycle.
 */
export interface NotebookParts {
  readonly store: NotebookStore;
  readonly records: RecordService;
  readonly texts: TextCache;
}
