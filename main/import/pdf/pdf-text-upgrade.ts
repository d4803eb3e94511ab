import { anchorTarget } from '../../../shared/anchoring/anchor-target';
import { describeRange } from '../../../shared/anchoring/text-quote';
import { readStructureBlob, type PageRange } from '../../../shared/model/document-structure';
import type { DocumentRecord, HighlightTarget } from '../../../shared/model/records';
import { TEXT_ASSEMBLY, type TextAssembly } from '../../../shared/pdf/page-text';
import { defaultImportLimits } from '../extracted-document';
import type { NotebookParts } from '../../notebook/content/notebook-parts';
import { reassemblePdfText, type Reassembled } from './reassemble-pdf-text';

/**
 * A PDF imported with an older text assembly (shared/pdf/page-text.ts) is
 * assembled again when it is opened, and its highlights are carried to the
 * new text: the reader rebuilds page text with the current assembly only,
 * and a highlight whose offsets and quote belong to the old text would no
 * longer paint.
 *
 * Each highlight is placed in the old text (its position, else its quote,
 * see shared/anchoring), carried through the glyphs that drew it
 * (reassemble-pdf-text.ts), and described again over the new text, so its
 * quote reads in the new text's order. One that cannot be carried is
 * anchored in the new text by its quote; one that cannot be either is left
 * as it was, so the reader lists it as orphaned with its quote, and the
 * document gets a notice saying how many.
 *
 * Writes go highlights first, the document last: until the document records
 * the new version, it keeps its old text, and an upgrade cut short runs
 * again on the next opening. A highlight already carried then holds its
 * quote at its position in the new text and is left alone.
 */
const upgrading = new WeakMap<NotebookParts, Map<string, Promise<DocumentRecord>>>();

function assemblyOf(document: DocumentRecord): TextAssembly | undefined {
  const version = document.pdf?.textAssembly ?? 1;
  return version === 1 ? 1 : version === 2 ? 2 : undefined;
}

/** The document with its text in the current assembly: upgraded first if it is an older one (once, however many ask at the same time). */
export function withCurrentPdfText(notebook: NotebookParts, document: DocumentRecord): Promise<DocumentRecord> {
  const assembly = assemblyOf(document);
  if (document.kind !== 'pdf' || assembly === undefined || assembly === TEXT_ASSEMBLY || notebook.store.readOnly) return Promise.resolve(document);
  const running = upgrading.get(notebook) ?? new Map<string, Promise<DocumentRecord>>();
  upgrading.set(notebook, running);
  let upgrade = running.get(document.id);
  if (!upgrade) {
    upgrade = upgradePdfText(notebook, document, assembly)
      .catch((error: unknown) => {
        // The document still opens as it was stored (its pages show; selections there cannot anchor), and the next opening tries again.
        console.error(`Could not read the text of “${document.title}” (${document.id}) again`, error);
        return document;
      })
      .finally(() => running.delete(document.id));
    running.set(document.id, upgrade);
  }
  return upgrade;
}

async function upgradePdfText(notebook: NotebookParts, document: DocumentRecord, assembly: TextAssembly): Promise<DocumentRecord> {
  const { store, records, texts } = notebook;
  const [bytes, oldText, structureJson] = await Promise.all([
    store.blobs.get(document.original.sha256),
    texts.get(document.text.sha256),
    document.structure ? store.blobs.getText(document.structure.sha256) : undefined,
  ]);
  const structure = structureJson === undefined ? undefined : readStructureBlob(structureJson);
  // Without its pages, the old text cannot be traced to the file; the reader reports that a page's text does not match.
  if (!structure?.pages) return document;
  const limits = { ...defaultImportLimits, maxFileBytes: bytes.byteLength, maxPdfPages: Number.MAX_SAFE_INTEGER };
  const result = await reassemblePdfText(new Uint8Array(bytes), { text: oldText, pages: structure.pages, assembly }, { limits, fileName: document.title });

  let orphans = 0;
  for (const highlight of await records.list('highlights', { documentId: document.id })) {
    const target = carriedTarget(oldText, result, highlight.target);
    if (!target) orphans++;
    else if (target !== highlight.target) await records.update('highlights', highlight.id, { target });
  }

  const text = await store.blobs.put(result.text, 'text/plain; charset=utf-8');
  const structureBlob = await store.blobs.put(JSON.stringify({ ...structure, blocks: result.blocks, pages: result.pages }), 'application/json');
  const notices = [...(document.notices ?? []), ...orphanNotice(orphans)].slice(0, 50);
  return records.update('documents', document.id, {
    text,
    structure: structureBlob,
    pdf: { ...document.pdf!, textAssembly: TEXT_ASSEMBLY },
    ...(notices.length > 0 ? { notices } : {}),
  });
}

/** The highlight's target over the new text: the same one when it already holds there, undefined when it cannot be placed. */
function carriedTarget(oldText: string, result: Reassembled, target: HighlightTarget): HighlightTarget | undefined {
  const { start, end } = target.position;
  if (result.text.slice(start, end) === target.quote.exact) return target;
  const old = anchorTarget(oldText, target);
  const carried = old && result.carry(old.start, old.end);
  const range = carried ?? anchorTarget(result.text, target);
  return range && describeRange(result.text, range.start, range.end, pageOf(result.pages, range.start));
}

function pageOf(pages: readonly PageRange[], offset: number): number | undefined {
  return pages.find((page) => page.start <= offset && offset < page.end)?.index;
}

function orphanNotice(orphans: number): string[] {
  if (orphans === 0) return [];
  const count = orphans === 1 ? 'One highlight' : `${orphans.toLocaleString('en-US')} highlights`;
  return [`This PDF's text was read again with Fieldbook's current reading of PDFs; ${count} could not be placed on the new text and ${orphans === 1 ? 'is' : 'are'} kept as orphaned.`];
}
