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
  const [from, to] = outsideLinks(body, Math.max(lineStart, link.from - EXCERPT_CHARS / 2), Math.min(lineEnd === -1 ? body.length : lineEnd, link.to + EXCERPT_CHARS / 2));
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

/** The start of a body as plain text, about `length` characters of it, no link cut in two. */
export function plainStart(body: string, length: number): string {
  const [, to] = outsideLinks(body, 0, Math.min(length, body.length));
  return plainLinks(body.slice(0, to));
}

/**
 * Cut points moved out of the links they fall inside, each to take the
 * whole link: a link cut in two is no longer one, and would show as code.
 */
function outsideLinks(body: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  for (const link of parseLinks(body)) {
    if (link.from < start && start < link.to) start = link.from;
    if (link.from < end && end < link.to) end = link.to;
  }
  return [start, end];
}
