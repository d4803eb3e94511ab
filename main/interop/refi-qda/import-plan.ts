import { TagRecord, TextQuoteSelector } from '../../../shared/model/records';
import { toUtf16Offsets } from './code-point-offsets';
import { childrenNamed, childText } from './read-project-xml';

/** A code that becomes a tag. */
export interface PlannedTag {
  guid: string;
  name: string;
  color?: string;
  description?: string;
}

export interface PlannedHighlight {
  /** UTF-16 offsets in the NFC text the document will store. */
  start: number;
  end: number;
  codeGuids: string[];
  comment: string;
}

export interface PlannedDocument {
  guid: string;
  title: string;
  /** The text, NFC-normalised as the notebook stores it. */
  text: string;
  codeGuids: string[];
  highlights: PlannedHighlight[];
  /** Note GUIDs the source refers to: attached to the document. */
  noteGuids: string[];
  description?: string;
}

export interface PlannedNote {
  guid: string;
  title: string;
  body: string;
}

export interface ImportPlan {
  tags: PlannedTag[];
  documents: PlannedDocument[];
  notes: PlannedNote[];
  /** What the project holds that Fieldbook does not show, in words, one line each. */
  notShown: string[];
}

/** Reads an internal source (`internal://NAME`) from the package, or says why it cannot. */
export type SourceLookup = (name: string) => string | undefined;

/** The longest quote a highlight stores: a longer selection would fail midway through the import, so it is reported instead. */
const MAX_QUOTE = TextQuoteSelector.shape.exact.maxLength ?? Number.POSITIVE_INFINITY;
const SAFE_INTERNAL = /^internal:\/\/([^/\\]+)$/;
const RGB6 = /^#[0-9a-fA-F]{6}$/;

/**
 * What a REFI-QDA project becomes in a notebook, decided before anything is
 * stored: codes become tags (descriptions kept as notes), text and PDF
 * sources become text documents over their plain text, text selections
 * become highlights (offsets checked against the text, code points turned
 * into UTF-16), selection descriptions and notes become the highlight's
 * comment, other notes become notes. Everything else is listed in notShown.
 */
export function planImport(root: Element, readSource: SourceLookup): ImportPlan {
  const notShown: string[] = [];
  const tags: PlannedTag[] = [];
  for (const codes of childrenNamed(root, 'CodeBook').flatMap((book) => childrenNamed(book, 'Codes'))) collectCodes(codes, tags, notShown);
  const notes = new Map(
    childrenNamed(root, 'Notes')
      .flatMap((list) => childrenNamed(list, 'Note'))
      .map((note) => [note.getAttribute('guid') ?? '', { guid: note.getAttribute('guid') ?? '', title: note.getAttribute('name') ?? 'Note', body: sourceText(note, readSource, notShown) ?? '' }]),
  );
  const usedAsComments = new Set<string>();
  const documents: PlannedDocument[] = [];
  for (const source of childrenNamed(root, 'Sources').flatMap((list) => [...list.children])) {
    const name = source.getAttribute('name') ?? 'Untitled source';
    const textElement = source.localName === 'TextSource' ? source : source.localName === 'PDFSource' ? childrenNamed(source, 'Representation')[0] : undefined;
    if (!textElement) {
      notShown.push(`${source.localName} “${name}”: Fieldbook does not import ${source.localName === 'PDFSource' ? 'a PDF without its text representation' : 'pictures, audio or video'} from REFI-QDA.`);
      continue;
    }
    const raw = sourceText(textElement, readSource, notShown);
    if (raw === undefined) continue;
    if (source.localName === 'PDFSource') {
      const areas = childrenNamed(source, 'PDFSelection').length;
      notShown.push(`PDF “${name}”: imported as its text, without the PDF itself${areas > 0 ? `; its ${areas} area selections on the pages are not shown` : ''}.`);
    }
    const length = [...raw].length;
    const text = raw.normalize('NFC');
    const selections = childrenNamed(textElement, 'PlainTextSelection').filter((selection) => {
      const start = Number(selection.getAttribute('startPosition'));
      const end = Number(selection.getAttribute('endPosition'));
      if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= length) return true;
      notShown.push(`Selection “${selection.getAttribute('name') ?? selection.getAttribute('guid')}” in “${name}”: positions ${selection.getAttribute('startPosition')}–${selection.getAttribute('endPosition')} are outside its ${length} characters.`);
      return false;
    });
    const offsets = notebookOffsets(raw, text, selections.flatMap((selection) => [Number(selection.getAttribute('startPosition')), Number(selection.getAttribute('endPosition'))]));
    const highlights = selections.flatMap((selection, index): PlannedHighlight[] => {
      const [start, end] = [offsets[2 * index] as number, offsets[2 * index + 1] as number];
      if (end - start > MAX_QUOTE) {
        notShown.push(`Selection “${selection.getAttribute('name') ?? selection.getAttribute('guid')}” in “${name}”: ${end - start} characters long, more than a highlight holds (${MAX_QUOTE}).`);
        return [];
      }
      const noteGuids = refs(selection, 'NoteRef');
      noteGuids.forEach((guid) => usedAsComments.add(guid));
      const comment = [childText(selection, 'Description'), ...noteGuids.map((guid) => notes.get(guid)?.body)].filter(Boolean).join('\n\n');
      return [{ start, end, codeGuids: codings(selection), comment }];
    });
    const extra = childrenNamed(source, 'VariableValue').length;
    if (extra > 0) notShown.push(`“${name}”: ${extra} variable values are not shown.`);
    documents.push({ guid: source.getAttribute('guid') ?? '', title: name, text, codeGuids: codings(source), highlights, noteGuids: refs(source, 'NoteRef'), description: childText(source, 'Description') });
  }
  const users = childrenNamed(root, 'Users').flatMap((list) => childrenNamed(list, 'User').map((user) => user.getAttribute('name') ?? user.getAttribute('guid') ?? ''));
  if (users.length > 0) notShown.push(`Users (${users.join(', ')}): what was imported is recorded as yours; their names are not kept on each item.`);
  for (const [element, what] of [['Cases', 'cases'], ['Variables', 'variables'], ['Sets', 'sets'], ['Graphs', 'graphs'], ['Links', 'links']] as const) {
    const count = childrenNamed(root, element).reduce((sum, list) => sum + list.children.length, 0);
    if (count > 0) notShown.push(`${count} ${what}: Fieldbook has nothing to show them as.`);
  }
  return { tags, documents, notes: [...notes.values()].filter((note) => !usedAsComments.has(note.guid)), notShown };
}

/**
 * Code-point positions in the source's text as UTF-16 offsets in the NFC
 * text the notebook stores. Most texts are NFC already and take one sweep;
 * otherwise each position is the normalised length of the text before it.
 */
function notebookOffsets(raw: string, nfc: string, codePointOffsets: readonly number[]): number[] {
  if (raw === nfc) return toUtf16Offsets(raw, codePointOffsets);
  const codePoints = [...raw];
  return codePointOffsets.map((position) => codePoints.slice(0, position).join('').normalize('NFC').length);
}

function collectCodes(parent: Element, tags: PlannedTag[], notShown: string[]): void {
  for (const code of childrenNamed(parent, 'Code')) {
    const name = code.getAttribute('name') || 'Unnamed code';
    if (code.getAttribute('isCodable') === 'false') {
      if (childrenNamed(code, 'Code').length > 0) notShown.push(`Code group “${name}”: its codes are imported as tags, without the grouping.`);
    } else {
      const color = code.getAttribute('color') ?? undefined;
      tags.push({ guid: code.getAttribute('guid') ?? '', name: name.slice(0, TagRecord.shape.name.maxLength ?? undefined), ...(color && RGB6.test(color) ? { color } : {}), description: childText(code, 'Description') });
    }
    collectCodes(code, tags, notShown);
  }
}

function refs(element: Element, name: string): string[] {
  return childrenNamed(element, name).map((ref) => ref.getAttribute('targetGUID') ?? '');
}

function codings(element: Element): string[] {
  return childrenNamed(element, 'Coding').flatMap((coding) => refs(coding, 'CodeRef'));
}

/** A text source's text: inline PlainTextContent, or an internal file named by plainTextPath. */
function sourceText(element: Element, readSource: SourceLookup, notShown: string[]): string | undefined {
  const inline = childText(element, 'PlainTextContent');
  if (inline !== undefined) return inline;
  const path = element.getAttribute('plainTextPath');
  const name = element.getAttribute('name') ?? element.getAttribute('guid') ?? '';
  const internal = path ? SAFE_INTERNAL.exec(path) : null;
  const text = internal ? readSource(internal[1] as string) : undefined;
  if (text === undefined) notShown.push(`“${name}”: its text ${path ? `(${path}) is not in the package` : 'is missing'}, so it was left out.`);
  return text;
}
