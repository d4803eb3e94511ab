import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { ActorRecord, DocumentRecord, HighlightRecord, NoteRecord } from '../../../shared/model/records';
import { readZipParts } from '../../import/zip-parts';
import { createTextDocument, findDocumentByContent } from '../../notebook/records/documents';
import { createHighlight } from '../../notebook/records/highlights';
import type { RecordService } from '../../notebook/records/record-service';
import { TextCache } from '../../notebook/records/text-cache';
import { QDPX_PROJECT_PATH, QDPX_SOURCES_FOLDER } from './export-qdpx';
import { type ImportPlan, planImport } from './import-plan';
import { readProjectXml } from './read-project-xml';

/** Text sources and project files of real projects run to tens of megabytes; a package that unpacks past this is refused. */
const MAX_UNPACKED_BYTES = 2 * 2 ** 30;

/** What the project's codes become: tags (the default), or actors, when the codes name people and groups. */
export type CodesAs = 'tags' | 'actors';

export interface QdpxImportReport {
  documents: number;
  /** Sources whose text the notebook already had: their selections went onto that document. */
  existingDocuments: number;
  highlights: number;
  tags: number;
  actors: number;
  notes: number;
  notShown: string[];
}

/**
 * Import a REFI-QDA project package. The zip is read within the import
 * limits, the project parsed and the whole import planned and checked (every
 * selection against its text) before the first record is written; what the
 * notebook cannot show is reported, not dropped silently.
 */
export async function importQdpx(records: RecordService, bytes: Uint8Array, fileName: string, codesAs: CodesAs = 'tags'): Promise<QdpxImportReport> {
  const sourcesPrefix = `${QDPX_SOURCES_FOLDER}/`;
  const parts = await readZipParts(bytes, {
    fileName,
    format: 'REFI-QDA project',
    maxUnpackedBytes: MAX_UNPACKED_BYTES,
    // Tools differ in the folder's case ("sources", "Sources"); only text files are read.
    keep: (name) => name === QDPX_PROJECT_PATH || (name.toLowerCase().startsWith(sourcesPrefix) && name.toLowerCase().endsWith('.txt')),
  });
  const project = parts.get(QDPX_PROJECT_PATH);
  if (!project) throw new ApiError('DAMAGED_FILE', `${fileName} has no ${QDPX_PROJECT_PATH}: it is not a REFI-QDA project. Nothing was imported.`);
  const sources = new Map([...parts].filter(([name]) => name !== QDPX_PROJECT_PATH).map(([name, content]) => [name.slice(sourcesPrefix.length).toLowerCase(), content]));
  const plan = planImport(readProjectXml(utf8(project, QDPX_PROJECT_PATH, fileName), fileName), (name) => {
    const content = sources.get(name.toLowerCase());
    return content && utf8(content, name, fileName);
  });
  return applyPlan(records, plan, codesAs);
}

/** Text cut to what the record's field holds, so a long field cannot stop the import halfway. */
function fit(text: string, field: { maxLength: number | null }): string {
  return field.maxLength === null ? text : text.slice(0, field.maxLength);
}

function utf8(bytes: Uint8Array, part: string, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ApiError('DAMAGED_FILE', `${part} in ${fileName} is not UTF-8 text. Nothing was imported.`);
  }
}

async function applyPlan(records: RecordService, plan: ImportPlan, codesAs: CodesAs): Promise<QdpxImportReport> {
  const report: QdpxImportReport = { documents: 0, existingDocuments: 0, highlights: 0, tags: 0, actors: 0, notes: 0, notShown: [...plan.notShown] };
  const texts = new TextCache(records.store.blobs);
  const codeIds = codesAs === 'actors' ? await codesAsActors(records, plan, report) : await codesAsTags(records, plan, report);
  const idsOf = (guids: readonly string[]) => [...new Set(guids.flatMap((guid) => (codeIds.has(guid) ? [codeIds.get(guid) as string] : [])))];
  const none = (): string[] => [];
  const [tagsOf, actorsOf] = codesAs === 'actors' ? [none, idsOf] : [idsOf, none];
  if (codesAs === 'actors') {
    const onSources = plan.documents.reduce((sum, document) => sum + document.codeGuids.length, 0);
    if (onSources > 0) report.notShown.push(`${onSources} codes applied to whole sources: a document cannot name an actor, only its highlights can.`);
  }
  const notes = new Map(plan.notes.map((note) => [note.guid, note]));
  const attached = new Set<string>();

  for (const planned of plan.documents) {
    const sha256 = createHash('sha256').update(planned.text, 'utf8').digest('hex');
    const existing = await findDocumentByContent(records, sha256);
    const document = existing ?? (await createTextDocument(records, { kind: 'text', title: fit(planned.title, DocumentRecord.shape.title) || 'Untitled source', text: planned.text, authors: [], direction: 'auto', tags: tagsOf(planned.codeGuids) }));
    report[existing ? 'existingDocuments' : 'documents'] += 1;
    for (const highlight of planned.highlights) {
      await createHighlight(records, texts, { documentId: document.id, anchor: { start: highlight.start, end: highlight.end }, color: 'yellow', comment: fit(highlight.comment, HighlightRecord.shape.comment), tags: tagsOf(highlight.codeGuids), actorIds: actorsOf(highlight.codeGuids), eventIds: [] });
      report.highlights += 1;
    }
    if (planned.description) await addNote(records, report, 'Description', planned.description, document.id);
    for (const guid of planned.noteGuids) {
      const note = notes.get(guid);
      if (!note) continue;
      attached.add(guid);
      await addNote(records, report, note.title, note.body, document.id);
    }
  }
  for (const note of plan.notes) if (!attached.has(note.guid)) await addNote(records, report, note.title, note.body);
  return report;
}

/** Codes as tags, reusing a tag of the same name; a code's description is kept as a note, since tags have none. */
async function codesAsTags(records: RecordService, plan: ImportPlan, report: QdpxImportReport): Promise<Map<string, string>> {
  const existing = new Map((await records.list('tags')).map((tag) => [tag.name.toLowerCase(), tag.id]));
  const ids = new Map<string, string>();
  for (const planned of plan.tags) {
    let id = existing.get(planned.name.toLowerCase());
    if (!id) {
      id = (await records.create('tags', { name: planned.name, color: planned.color ?? '#f2c14e' })).id;
      existing.set(planned.name.toLowerCase(), id);
      report.tags += 1;
    }
    ids.set(planned.guid, id);
    if (planned.description) await addNote(records, report, `Code “${planned.name}”`, planned.description);
  }
  return ids;
}

/** Codes as actors, reusing an actor of the same name or alias; a code's description becomes a new actor's description. */
async function codesAsActors(records: RecordService, plan: ImportPlan, report: QdpxImportReport): Promise<Map<string, string>> {
  const existing = new Map((await records.list('actors')).flatMap((actor) => [actor.name, ...actor.aliases].map((name) => [name.toLowerCase(), actor.id] as const)));
  const ids = new Map<string, string>();
  for (const planned of plan.tags) {
    let id = existing.get(planned.name.toLowerCase());
    if (!id) {
      id = (await records.create('actors', { name: planned.name, kind: 'other', aliases: [], description: fit(planned.description ?? '', ActorRecord.shape.description), affiliations: [] })).id;
      existing.set(planned.name.toLowerCase(), id);
      report.actors += 1;
    }
    ids.set(planned.guid, id);
  }
  return ids;
}

async function addNote(records: RecordService, report: QdpxImportReport, title: string, body: string, documentId?: string): Promise<void> {
  if (body.length > (NoteRecord.shape.body.maxLength ?? Number.POSITIVE_INFINITY)) report.notShown.push(`Note “${title}”: shortened to the ${NoteRecord.shape.body.maxLength} characters a note holds.`);
  await records.create('notes', { title: fit(title, NoteRecord.shape.title), body: fit(body, NoteRecord.shape.body), ...(documentId ? { attachedTo: { kind: 'document' as const, id: documentId } } : {}) });
  report.notes += 1;
}
