import { anchorTarget } from '../../../shared/anchoring/anchor-target';
import type { ActorRecord, BlobRef, DocumentRecord, EventRecord, NoteRecord } from '../../../shared/model/records';
import type { RecordSet } from '../../exchange/record-set';
import { toCodePointOffsets } from './code-point-offsets';
import { refiGuid } from './guid';
import { type XmlElement, xmlDocument } from './xml';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** A file for the package's `sources/` folder (REFI-QDA 1.5 §8.3: flat, named by GUID). */
export type SourceFile = { name: string; text: string } | { name: string; blob: BlobRef };

export interface RefiProject {
  xml: string;
  sources: SourceFile[];
  /** Highlights whose quote is no longer in their document's text: not exported, and said so. */
  unanchored: { highlightId: string; documentId: string }[];
}

type LiveRecords = Pick<RecordSet, 'documents' | 'highlights' | 'actors' | 'events' | 'notes' | 'tags'>;

/**
 * A notebook as a REFI-QDA project (QDA-XML 1.0). Documents become text
 * sources over their canonical text (PDFs: a PDF source whose text
 * representation carries the selections); highlights become plain-text
 * selections in code points of that text; tags, actors and events become
 * codes (actors and events grouped under a parent that cannot be coded);
 * notes and highlight comments become notes; authors become users. Deleted
 * records are left out. Every GUID derives from a record id (see guid.ts).
 */
export function refiProject(records: LiveRecords, texts: ReadonlyMap<string, string>, projectName: string, origin: string): RefiProject {
  const live = <T extends { deletedAt?: string; id: string }>(list: readonly T[]) => list.filter((record) => !record.deletedAt).sort((a, b) => a.id.localeCompare(b.id));
  const documents = live(records.documents).filter((document) => texts.has(document.id));
  const documentIds = new Set(documents.map((document) => document.id));
  const highlights = live(records.highlights).filter((highlight) => documentIds.has(highlight.documentId));
  const actors = live(records.actors);
  const events = live(records.events);
  const tags = live(records.tags);
  const notes = live(records.notes);

  const codeGuids = new Map<string, string>([...tags.map((tag) => [tag.id, refiGuid('tag', tag.id)] as const), ...actors.map((actor) => [actor.id, refiGuid('actor', actor.id)] as const), ...events.map((event) => [event.id, refiGuid('event', event.id)] as const)]);
  const users = new Map<string, string>();
  const user = (author: string) => {
    if (!users.has(author)) users.set(author, refiGuid('user', author));
    return users.get(author) as string;
  };
  const notesOn = groupNotes(notes);
  const noteRefs = (key: string) => (notesOn.get(key) ?? []).map((note) => ({ name: 'NoteRef', attributes: { targetGUID: refiGuid('note', note.id) } }));
  const codings = (owner: string, ids: readonly string[], author: string, at: string) =>
    ids.filter((id) => codeGuids.has(id)).map((id) => ({ name: 'Coding', attributes: { guid: refiGuid('coding', `${owner}:${id}`), creatingUser: user(author), creationDateTime: at }, children: [{ name: 'CodeRef', attributes: { targetGUID: codeGuids.get(id) } }] }));

  const unanchored: RefiProject['unanchored'] = [];
  const sources: SourceFile[] = [];
  const commentNotes: XmlElement[] = [];
  const sourceElements = documents.map((document) => {
    const text = texts.get(document.id) as string;
    const own = highlights.filter((highlight) => highlight.documentId === document.id);
    const anchors = own.map((highlight) => anchorTarget(text, highlight.target, { fuzzy: false }));
    const offsets = toCodePointOffsets(text, anchors.flatMap((anchor) => (anchor ? [anchor.start, anchor.end] : [])));
    let next = 0;
    const selections = own.flatMap((highlight, index): XmlElement[] => {
      if (!anchors[index]) {
        unanchored.push({ highlightId: highlight.id, documentId: document.id });
        return [];
      }
      const [start, end] = [offsets[next] as number, offsets[next + 1] as number];
      next += 2;
      if (highlight.comment) commentNotes.push(note(refiGuid('comment', highlight.id), 'Comment', highlight.comment, user(highlight.author), highlight));
      return [
        {
          name: 'PlainTextSelection',
          attributes: { guid: refiGuid('highlight', highlight.id), name: highlight.target.quote.exact.slice(0, 200), startPosition: start, endPosition: end, ...stamps(highlight, user) },
          children: [...codings(highlight.id, [...highlight.tags, ...highlight.actorIds, ...highlight.eventIds], highlight.author, highlight.createdAt), ...(highlight.comment ? [{ name: 'NoteRef', attributes: { targetGUID: refiGuid('comment', highlight.id) } }] : [])],
        },
      ];
    });
    const textName = `${refiGuid('text', document.id)}.txt`;
    sources.push({ name: textName, text });
    const textSource = (elementName: string, guid: string, withMeta: boolean): XmlElement => ({
      name: elementName,
      attributes: { guid, name: document.title, plainTextPath: `internal://${textName}`, ...stamps(document, user) },
      children: [withMeta ? description(documentDescription(document)) : undefined, ...selections, ...(withMeta ? [...codings(document.id, document.tags, document.author, document.createdAt), ...noteRefs(`document:${document.id}`)] : [])],
    });
    if (document.kind !== 'pdf') return textSource('TextSource', refiGuid('document', document.id), true);
    const pdfName = `${refiGuid('document', document.id)}.pdf`;
    sources.push({ name: pdfName, blob: document.original });
    return {
      name: 'PDFSource',
      attributes: { guid: refiGuid('document', document.id), name: document.title, path: `internal://${pdfName}`, ...stamps(document, user) },
      children: [description(documentDescription(document)), textSource('Representation', refiGuid('text', document.id), false), ...codings(document.id, document.tags, document.author, document.createdAt), ...noteRefs(`document:${document.id}`)],
    };
  });

  const groups: XmlElement[] = [
    ...tags.map((tag) => ({ name: 'Code', attributes: { guid: codeGuids.get(tag.id), name: tag.name, isCodable: true, color: tag.color } })),
    ...codeGroup('Actors', actors.map((actor) => ({ name: 'Code', attributes: { guid: codeGuids.get(actor.id), name: actor.name, isCodable: true }, children: [description(actorDescription(actor)), ...noteRefs(`actor:${actor.id}`)] }))),
    ...codeGroup('Events', events.map((event) => ({ name: 'Code', attributes: { guid: codeGuids.get(event.id), name: event.title, isCodable: true }, children: [description(eventDescription(event, actors)), ...noteRefs(`event:${event.id}`)] }))),
  ];
  const noteElements = [...notes.map((record) => note(refiGuid('note', record.id), record.title || 'Note', record.body, user(record.author), record)), ...commentNotes];
  // Users last: every author met above has been collected by now.
  const userElements = [...users].sort((a, b) => a[0].localeCompare(b[0])).map(([name, guid]) => ({ name: 'User', attributes: { guid, name } }));

  const root: XmlElement = {
    name: 'Project',
    attributes: { xmlns: QDA_NAMESPACE, name: projectName, origin },
    children: [
      userElements.length > 0 ? { name: 'Users', children: userElements } : undefined,
      groups.length > 0 ? { name: 'CodeBook', children: [{ name: 'Codes', children: groups }] } : undefined,
      sourceElements.length > 0 ? { name: 'Sources', children: sourceElements } : undefined,
      noteElements.length > 0 ? { name: 'Notes', children: noteElements } : undefined,
      ...noteRefs('project'),
    ],
  };
  return { xml: xmlDocument(root), sources, unanchored };
}

function stamps(record: { author: string; createdAt: string; updatedAt: string }, user: (author: string) => string) {
  return { creatingUser: user(record.author), creationDateTime: record.createdAt, modifyingUser: user(record.author), modifiedDateTime: record.updatedAt };
}

function description(text: string): XmlElement | undefined {
  return text ? { name: 'Description', text } : undefined;
}

function note(guid: string, name: string, body: string, creatingUser: string, record: { createdAt: string; updatedAt: string }): XmlElement {
  return { name: 'Note', attributes: { guid, name, creatingUser, creationDateTime: record.createdAt, modifyingUser: creatingUser, modifiedDateTime: record.updatedAt }, children: [{ name: 'PlainTextContent', text: body }] };
}

/** Actors and events sit under a parent code that names the group and cannot itself be applied. */
function codeGroup(name: string, members: XmlElement[]): XmlElement[] {
  return members.length > 0 ? [{ name: 'Code', attributes: { guid: refiGuid('code-group', name), name, isCodable: false }, children: members }] : [];
}

/** Notes by what they are attached to (`kind:id`), unattached ones under `project`. */
function groupNotes(notes: readonly NoteRecord[]): Map<string, NoteRecord[]> {
  const byKey = new Map<string, NoteRecord[]>();
  for (const record of notes) {
    const key = record.attachedTo ? `${record.attachedTo.kind}:${record.attachedTo.id}` : 'project';
    byKey.set(key, [...(byKey.get(key) ?? []), record]);
  }
  return byKey;
}

function lines(entries: readonly [string, string | undefined][]): string {
  return entries.flatMap(([label, value]) => (value ? [`${label}: ${value}`] : [])).join('\n');
}

function documentDescription(document: DocumentRecord): string {
  return lines([
    ['Authors', document.authors.join('; ')],
    ['Published', document.publishedAt],
    ['Source', document.sourceUrl],
    ['Site', document.siteName],
    ['Language', document.language],
  ]);
}

/** Aliases one per line, since an alias may hold any punctuation a separator would use. */
function actorDescription(actor: ActorRecord): string {
  const aliases = actor.aliases.length > 0 ? `Aliases:\n${actor.aliases.map((alias) => `- ${alias}`).join('\n')}` : '';
  return [lines([['Kind', actor.kind]]), aliases, actor.description].filter(Boolean).join('\n\n');
}

function eventDescription(event: EventRecord, actors: readonly ActorRecord[]): string {
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  const participants = event.participants.flatMap(({ actorId, role }) => (names.has(actorId) ? [role ? `${names.get(actorId)} (${role})` : (names.get(actorId) as string)] : []));
  const date = event.date.end ? `${event.date.start} – ${event.date.end}` : event.date.start;
  return [
    lines([
      ['Date', `${date} (${event.date.precision})`],
      ['Location', event.location],
      ['Type', event.type],
      ['Participants', participants.join('; ')],
      ['Fatalities', event.fatalities ? String(event.fatalities.count) : undefined],
      ['Injuries', event.injuries ? String(event.injuries.count) : undefined],
    ]),
    event.notes,
  ]
    .filter(Boolean)
    .join('\n\n');
}

