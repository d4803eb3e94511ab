import { z } from 'zod';
import { NoteAttachment, RecordId } from '../model/records';
import { parseLinks, type LinkRef } from './link-syntax';

/** A note that links to something, with the line where it does. */
export const Backlink = z.object({
  noteId: RecordId,
  title: z.string(),
  updatedAt: z.iso.datetime(),
  attachedTo: NoteAttachment.optional(),
  /** The line of the first link to the target, links shown by their labels. */
  excerpt: z.string(),
});
export type Backlink = z.infer<typeof Backlink>;

const EXCERPT_CHARS = 240;

/** The line holding the first link to `target`, as plain text, shortened around the link. */
export function backlinkExcerpt(body: string, target: LinkRef): string {
  const link = parseLinks(body).find((candidate) => candidate.kind === target.kind && candidate.id === target.id);
  if (!link) return '';
  const lineStart = body.lastIndexOf('\n', link.from) + 1;
  const lineEnd = body.indexOf('\n', link.to);
  const from = Math.max(lineStart, link.from - EXCERPT_CHARS / 2);
  const to = Math.min(lineEnd === -1 ? body.length : lineEnd, link.to + EXCERPT_CHARS / 2);
  const text = plainLinks(body.slice(from, to)).trim();
  return `${from > lineStart ? '…' : ''}${text}${to < (lineEnd === -1 ? body.length : lineEnd) ? '…' : ''}`;
}

/** Links replaced by the labels written into them, for plain-text views. */
export function plainLinks(text: string): string {
  let out = '';
  let at = 0;
  for (const link of parseLinks(text)) {
    out += text.slice(at, link.from) + (link.label ?? `${link.kind}`);
    at = link.to;
  }
  return out + text.slice(at);
}
