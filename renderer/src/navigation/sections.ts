import type { AppCommand } from '../../../shared/api/contract';
import type { LibraryCollection } from '../../../shared/model/library';

/** The library's lists, every highlight in the notebook, and settings. */
export type Section = LibraryCollection | 'highlights' | 'timeline' | 'network' | 'mentions' | 'settings';

export interface CollectionText {
  label: string;
  singular: string;
  emptyTitle: string;
  emptyText: string;
}

/** What each library list is called, and what its empty state tells a newcomer. */
export const collections: Readonly<Record<LibraryCollection, CollectionText>> = {
  documents: {
    label: 'Documents',
    singular: 'document',
    emptyTitle: 'No documents in this notebook yet',
    emptyText:
      'Import PDFs, saved web pages, Word documents, EPUB books, Markdown and text files: one file, a whole folder, or drop them anywhere on this window. You read them in Fieldbook, highlight passages and tag the actors and events they speak of. Everything stays in this notebook folder, on this computer.',
  },
  actors: {
    label: 'Actors',
    singular: 'actor',
    emptyTitle: 'No actors yet',
    emptyText: 'People, organisations, armed groups and states you tag in your sources are listed here, with every spelling of their names, in any script.',
  },
  events: {
    label: 'Events',
    singular: 'event',
    emptyTitle: 'No events yet',
    emptyText: 'Dated incidents you record from your sources are listed here, with who took part, where, and the passages that are their evidence.',
  },
  notes: {
    label: 'Notes',
    singular: 'note',
    emptyTitle: 'No notes yet',
    emptyText: 'Your notes on documents, actors and events are listed here, linked to the passages they cite.',
  },
};

export const collectionOrder: readonly LibraryCollection[] = ['documents', 'actors', 'events', 'notes'];

export function sectionForCommand(command: AppCommand): Section | undefined {
  const match = /^show-(documents|actors|events|notes)$/.exec(command);
  return match ? (match[1] as LibraryCollection) : undefined;
}
