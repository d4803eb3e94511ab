import type { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import type { NoteAttachment, NoteCreate, NotePatch, NoteRecord, RecordOf, RecordType } from '../../shared/model/records';
import { backlinkExcerpt, type Backlink } from '../../shared/notes/backlinks';
import type { LinkCandidate } from '../../shared/notes/link-candidates';
import { noteTitle, resolveLink, type LinkCatalog, type ResolvedLink } from '../../shared/notes/link-resolution';
import type { LinkRef } from '../../shared/notes/link-syntax';
import type { RecordService } from '../notebook/records/record-service';
import { BacklinkIndex } from './backlink-index';

type Attachment = z.infer<typeof NoteAttachment>;

const attachmentType: Readonly<Record<Attachment['kind'], RecordType>> = { document: 'documents', actor: 'actors', event: 'events' };
const linkType: Readonly<Record<LinkRef['kind'], RecordType>> = { document: 'documents', highlight: 'highlights', actor: 'actors', event: 'events', note: 'notes' };

// Longer than any name worth showing in a picker: a passage is found by its start.
const CANDIDATE_QUOTE_CHARS = 300;

/**
 * Notes and what is derived from them: backlinks (which notes link to a
 * record), notes attached to a record, the current names of a note's link
 * targets, and what the editor's `[[` picker offers.
 */
export class NoteService {
  readonly #records: RecordService;
  readonly #backlinks = new BacklinkIndex();

  constructor(records: RecordService) {
    this.#records = records;
  }

  async create(input: z.output<typeof NoteCreate>): Promise<NoteRecord> {
    if (input.attachedTo) await this.#checkAttachment(input.attachedTo);
    return this.#records.create('notes', input);
  }

  async update(id: string, patch: z.output<typeof NotePatch>): Promise<NoteRecord> {
    if (patch.attachedTo) await this.#checkAttachment(patch.attachedTo);
    return this.#records.update('notes', id, patch);
  }

  /** The notes that link to a record, most recently changed first (a note's links to itself do not count). */
  async backlinks(target: LinkRef): Promise<Backlink[]> {
    const notes = await this.#records.list('notes');
    this.#backlinks.refresh(notes);
    const linking = new Set(this.#backlinks.linking(target));
    return notes
      .filter((note) => linking.has(note.id) && !(target.kind === 'note' && note.id === target.id))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((note) => ({ noteId: note.id, title: noteTitle(note), updatedAt: note.updatedAt, ...(note.attachedTo ? { attachedTo: note.attachedTo } : {}), excerpt: backlinkExcerpt(note.body, target) }));
  }

  /** The notes that belong to a document, actor or event, most recently changed first. */
  async attached(target: Attachment): Promise<NoteRecord[]> {
    const notes = await this.#records.list('notes');
    return notes.filter((note) => note.attachedTo?.kind === target.kind && note.attachedTo.id === target.id).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** The link targets as they are now, in the order asked. */
  async resolve(refs: readonly LinkRef[]): Promise<ResolvedLink[]> {
    const wanted = new Map<RecordType, Set<string>>();
    const want = (type: RecordType, id: string) => {
      let ids = wanted.get(type);
      if (!ids) wanted.set(type, (ids = new Set()));
      ids.add(id);
    };
    for (const ref of refs) want(linkType[ref.kind], ref.id);
    const highlights = await this.#fetch('highlights', wanted.get('highlights'));
    // A citation shows its document's title: fetch the documents of the cited passages too.
    for (const highlight of highlights.values()) want('documents', highlight.documentId);
    const [documents, actors, events, notes] = await Promise.all([
      this.#fetch('documents', wanted.get('documents')),
      this.#fetch('actors', wanted.get('actors')),
      this.#fetch('events', wanted.get('events')),
      this.#fetch('notes', wanted.get('notes')),
    ]);
    const catalog: LinkCatalog = {
      document: (id) => documents.get(id),
      highlight: (id) => highlights.get(id),
      actor: (id) => actors.get(id),
      event: (id) => events.get(id),
      note: (id) => notes.get(id),
    };
    return refs.map((ref) => resolveLink(ref, catalog));
  }

  /** Everything a note can link to, with the names it may be found by. */
  async candidates(): Promise<LinkCandidate[]> {
    const [actors, events, documents, notes, highlights] = await Promise.all([
      this.#records.list('actors'),
      this.#records.list('events'),
      this.#records.list('documents'),
      this.#records.list('notes'),
      this.#records.list('highlights'),
    ]);
    const titles = new Map(documents.map((document) => [document.id, document.title]));
    const entry = (kind: LinkCandidate['kind'], id: string, label: string, aliases: readonly string[], detail: string): LinkCandidate => ({ kind, id, label, names: [label, ...aliases], ...(detail ? { detail } : {}) });
    return [
      ...actors.map((actor) => entry('actor', actor.id, actor.name, actor.aliases, actor.kind)),
      ...events.map((event) => entry('event', event.id, event.title, [], [event.date.start, event.location].filter(Boolean).join(' · '))),
      ...documents.map((document) => entry('document', document.id, document.title, [], document.authors.join(', '))),
      ...highlights.flatMap((highlight) => {
        const title = titles.get(highlight.documentId);
        return title === undefined ? [] : [entry('highlight', highlight.id, highlight.target.quote.exact.slice(0, CANDIDATE_QUOTE_CHARS), [], title)];
      }),
      ...notes.map((note) => entry('note', note.id, noteTitle(note), [], 'note')),
    ];
  }

  /** Records by id, deleted ones included (resolution tells them apart); ids with no record are left out. */
  async #fetch<T extends RecordType>(type: T, ids: ReadonlySet<string> | undefined): Promise<Map<string, RecordOf<T>>> {
    const collection = this.#records.store.collection(type);
    const found = await Promise.all([...(ids ?? [])].map((id) => collection.get(id)));
    return new Map(found.filter((record) => record !== undefined).map((record) => [record.id, record]));
  }

  async #checkAttachment(attachment: Attachment): Promise<void> {
    const type = attachmentType[attachment.kind];
    const record = await this.#records.get(type, attachment.id).catch(() => undefined);
    if (!record || record.deletedAt) throw new ApiError('NOT_FOUND', `A note can only be attached to an existing ${attachment.kind}; there is none with id ${attachment.id}.`);
  }
}
