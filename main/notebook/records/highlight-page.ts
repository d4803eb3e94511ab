import type { z } from 'zod';
import type { HighlightPageArgs, HighlightPage } from '../../../shared/model/highlight-page';
import type { HighlightRecord } from '../../../shared/model/records';
import type { RecordService } from './record-service';

/**
 * One page of the notebook's highlights, grouped by document (newest document
 * first) and in reading order within each. Highlights are stored one file per
 * document, so a page reads only the documents it needs: the first page of a
 * notebook with 100,000 highlights opens a handful of files, not all of them.
 * The total is known only once the walk has reached the last document.
 */
export async function highlightPage(records: RecordService, args: z.output<typeof HighlightPageArgs>): Promise<HighlightPage> {
  const documents = (await records.list('documents'))
    .filter((document) => args.documentId === undefined || document.id === args.documentId)
    .sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? 1 : -1));
  const author = args.author?.trim().toLocaleLowerCase();
  const matches = (highlight: HighlightRecord) =>
    (args.color === undefined || highlight.color === args.color) &&
    (args.tagId === undefined || highlight.tags.includes(args.tagId)) &&
    (!author || highlight.author.toLocaleLowerCase() === author);

  const items: HighlightPage['items'] = [];
  const wanted = args.offset + args.limit;
  let seen = 0;
  let index = 0;
  for (; index < documents.length && seen <= wanted; index += 1) {
    const document = documents[index] as (typeof documents)[number];
    const found = (await records.list('highlights', { documentId: document.id })).filter(matches).sort((a, b) => a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end);
    for (const highlight of found) {
      if (seen >= args.offset && seen < wanted) items.push({ highlight, documentTitle: document.title });
      seen += 1;
    }
  }
  const complete = index === documents.length;
  return { items, hasMore: seen > wanted || !complete, ...(complete ? { total: seen } : {}) };
}
