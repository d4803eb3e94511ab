import { RecordId } from '../model/records';

/**
 * The link syntax of notes.
 *
 *     [[actor:ID]]                 [[actor:ID|Abu Mahdi]]
 *     [[event:ID|…]]  [[document:ID|…]]  [[note:ID|…]]  [[highlight:ID|…]]
 *
 * A link names its target by kind and record id, never by name, so renaming
 * an actor or retitling a document cannot break it. The text after `|` is
 * the name the target had when the link was written: the rendered note shows
 * the target's current name, and falls back to this text only when the target
 * is gone (deleted, or not in this notebook after an exchange). It may not
 * contain `|`, `]` or a line break; `formatLink` replaces them.
 *
 * A highlight link is a citation: it renders as the quoted passage with its
 * document's title and opens the document at the passage.
 *
 * Links are found anywhere in the body (also in code blocks, which the
 * rendered view shows literally): backlinks err on the side of listing a note.
 */
export const LINK_KINDS = ['document', 'highlight', 'actor', 'event', 'note'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface LinkRef {
  kind: LinkKind;
  id: string;
}

export interface NoteLink extends LinkRef {
  /** The name written into the link, when there is one. */
  label?: string;
  /** Where `[[` starts and where `]]` ends in the body (UTF-16 offsets). */
  from: number;
  to: number;
}

// Ids are at most 64 characters and labels are single-line, so a stray `[[` costs a bounded look-ahead.
const LINK = /\[\[(document|highlight|actor|event|note):([A-Za-z0-9_-]{8,64})(?:\|([^|\]\n\r]{0,1000}))?\]\]/g;

/** A fresh global pattern for links (groups: kind, id, label), for code that scans text itself, such as the editor. */
export function linkPattern(): RegExp {
  return new RegExp(LINK.source, 'g');
}

/** Every well-formed link in a body, in order. */
export function parseLinks(body: string): NoteLink[] {
  const links: NoteLink[] = [];
  for (const match of body.matchAll(LINK)) {
    const [whole, kind, id, label] = match;
    const from = match.index;
    links.push({ kind: kind as LinkKind, id: id as string, ...(label?.trim() ? { label: label.trim() } : {}), from, to: from + whole.length });
  }
  return links;
}

/** The link at the very start of `text`, if one starts there: for parsers that walk the text themselves. */
export function linkAt(text: string, position: number): NoteLink | undefined {
  if (!text.startsWith('[[', position)) return undefined;
  const sticky = new RegExp(LINK.source, 'y');
  sticky.lastIndex = position;
  const match = sticky.exec(text);
  if (!match) return undefined;
  const [whole, kind, id, label] = match;
  return { kind: kind as LinkKind, id: id as string, ...(label?.trim() ? { label: label.trim() } : {}), from: position, to: position + whole.length };
}

/** The link as it is written into a note, its label made safe for the syntax. */
export function formatLink(ref: LinkRef, label?: string): string {
  if (!RecordId.safeParse(ref.id).success) throw new Error(`Not a record id: ${ref.id}`);
  const safe = label
    ?.replace(/[\r\n]+/g, ' ')
    .replace(/[|\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return safe ? `[[${ref.kind}:${ref.id}|${safe}]]` : `[[${ref.kind}:${ref.id}]]`;
}

/**
 * The body with its links to records of `kind` pointing where `retarget`
 * says (a retired copy's id → the survivor's): only the id changes, so labels
 * and everything else written stay as they were.
 */
export function retargetLinks(body: string, kind: LinkKind, retarget: (id: string) => string): string {
  if (!body.includes(`[[${kind}:`)) return body;
  return body.replace(linkPattern(), (link: string, linkKind: string, id: string) => {
    const target = linkKind === kind ? retarget(id) : id;
    return target === id ? link : `[[${kind}:${target}${link.slice(`[[${kind}:${id}`.length)}`;
  });
}

/** One key per target, for maps and sets. */
export function linkKey(ref: LinkRef): string {
  return `${ref.kind}:${ref.id}`;
}

/** The distinct targets a body links to, in order of first appearance. */
export function linkTargets(body: string): LinkRef[] {
  const seen = new Map<string, LinkRef>();
  for (const { kind, id } of parseLinks(body)) if (!seen.has(linkKey({ kind, id }))) seen.set(linkKey({ kind, id }), { kind, id });
  return [...seen.values()];
}
