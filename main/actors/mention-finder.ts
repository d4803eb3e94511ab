import type { Mention, MentionList } from '../../shared/actors/mentions';
import { NameFinder } from '../../shared/actors/name-finder';
import { ApiError } from '../../shared/api/errors';
import type { ActorRecord, DocumentRecord, HighlightRecord } from '../../shared/model/records';
import type { RecordService } from '../notebook/records/record-service';
import type { TextCache } from '../notebook/records/text-cache';

export interface FindMentionsOptions {
  /** Only this actor's names; by default every live actor's. */
  actorId?: string;
  /** Mentions returned at most (all are counted). */
  limit?: number;
}

const CONTEXT = 60;
/** Documents read at once: enough to overlap reading one file with scanning another, few enough to keep memory flat. */
const PARALLEL_DOCUMENTS = 4;

/**
 * Every place where an actor's name or alias occurs in a document's
 * canonical text and no highlight tagged with that actor covers it yet:
 * the mentions still to tag. One pass over each document serves all actors
 * (see NameFinder), so the cost grows with the corpus, not with actors × corpus.
 */
export async function findMentions(records: RecordService, texts: TextCache, options: FindMentionsOptions = {}): Promise<MentionList> {
  const actors = await actorsToFind(records, options.actorId);
  const finder = new NameFinder(actors.map((actor) => ({ id: actor.id, names: [actor.name, ...actor.aliases] })));
  const [documents, tagged] = await Promise.all([records.list('documents'), taggedByDocument(records)]);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const mentions: Mention[] = [];
  let total = 0;
  if (!finder.empty) {
    const perDocument = new Array<Mention[]>(documents.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < documents.length; i = next++) {
        const document = documents[i] as DocumentRecord;
        perDocument[i] = await mentionsIn(texts, finder, document, tagged.get(document.id) ?? []);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_DOCUMENTS }, worker));
    for (const found of perDocument) {
      total += found.length;
      for (const mention of found) if (mentions.length < limit) mentions.push(mention);
    }
  }
  return { mentions, total, documents: documents.length };
}

async function actorsToFind(records: RecordService, actorId: string | undefined): Promise<ActorRecord[]> {
  if (actorId === undefined) return records.list('actors');
  const actor = await records.get('actors', actorId);
  if (actor.deletedAt) throw new ApiError('CONFLICT', `The actor “${actor.name}” was deleted.`);
  return [actor];
}

/**
 * The highlights tagged with an actor, by document: read all at once, since
 * that lists the folder of highlight files once and opens only the files
 * there are, where asking for each document's would try a file per document.
 */
async function taggedByDocument(records: RecordService): Promise<Map<string, HighlightRecord[]>> {
  const byDocument = new Map<string, HighlightRecord[]>();
  for (const highlight of await records.list('highlights')) {
    if (highlight.actorIds.length === 0) continue;
    const list = byDocument.get(highlight.documentId);
    if (list) list.push(highlight);
    else byDocument.set(highlight.documentId, [highlight]);
  }
  return byDocument;
}

async function mentionsIn(texts: TextCache, finder: NameFinder, document: DocumentRecord, highlights: readonly HighlightRecord[]): Promise<Mention[]> {
  const text = await texts.get(document.text.sha256);
  const hits = finder.find(text);
  if (hits.length === 0) return [];
  return hits
    .filter((hit) => !highlights.some((highlight) => covers(highlight, hit.id, hit.start, hit.end)))
    .map((hit) => ({
      actorId: hit.id,
      documentId: document.id,
      start: hit.start,
      end: hit.end,
      text: text.slice(hit.start, hit.end),
      name: hit.name,
      before: oneLine(text.slice(Math.max(0, hit.start - CONTEXT), hit.start)).trimStart(),
      after: oneLine(text.slice(hit.end, hit.end + CONTEXT)).trimEnd(),
    }));
}

/** A highlight tagged with the actor that overlaps the mention: the analyst has already marked it, perhaps more widely. */
function covers(highlight: HighlightRecord, actorId: string, start: number, end: number): boolean {
  const { position } = highlight.target;
  return highlight.actorIds.includes(actorId) && position.start < end && start < position.end;
}

/** White space collapsed to single spaces, in one pass of the expression: runs of several, and any one that is not a plain space. */
function oneLine(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, ' ');
}
