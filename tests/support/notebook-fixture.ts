import { NotebookStore } from '../../main/notebook/notebook-store';
import { EventBus } from '../../main/bus/event-bus';
import { createTextDocument } from '../../main/notebook/records/documents';
import { RecordService } from '../../main/notebook/records/record-service';
import type { DocumentRecord } from '../../shared/model/records';

export interface OpenTestNotebook {
  store: NotebookStore;
  records: RecordService;
  events: EventBus;
}

export async function openTestNotebook(dir: string, author = 'Tester'): Promise<OpenTestNotebook> {
  const store = await NotebookStore.open(dir, { create: true });
  const events = new EventBus();
  return { store, records: new RecordService(store, () => author, events), events };
}

/** Generated text: numbered sentences, so every quote of a sentence is unique. */
export function generatedText(sentences: number, seed = 0): string {
  return Array.from({ length: sentences }, (_, i) => `Sentence ${seed}-${i} reports that group ${i % 17} moved near checkpoint ${(i * 7) % 101}.`).join(' ');
}

export function addTextDocument(records: RecordService, title: string, text: string): Promise<DocumentRecord> {
  return createTextDocument(records, { kind: 'text', title, text, authors: [], direction: 'auto', tags: [] });
}
