import DOMPurify from 'dompurify';
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { ResolvedLink } from '../../../shared/notes/link-resolution';
import { linkKey, linkTargets, type LinkRef } from '../../../shared/notes/link-syntax';
import { renderNoteHtml } from '../../../shared/notes/note-markdown';

/**
 * With a URI pattern this strict, DOMPurify also drops every attribute it
 * does not know as URI-safe whose value fails the pattern: `dir="auto"` went,
 * and with it each paragraph's own direction, and links lost `type="button"`.
 */
const NOTE_PURIFY = { ALLOWED_URI_REGEXP: /^#/, ADD_URI_SAFE_ATTR: ['dir', 'type'], FORBID_ATTR: ['style'], FORBID_TAGS: ['a', 'img', 'form', 'input'] };

const LINKED_TYPES = new Set(['actors', 'events', 'documents', 'highlights', 'notes']);

/** The current names of a body's link targets, asked again when any of them may have changed (a rename, a deletion). */
function useResolvedLinks(api: FieldbookApi, body: string, onError: (error: unknown) => void): ReadonlyMap<string, ResolvedLink> {
  const targets = useMemo(() => linkTargets(body), [body]);
  const targetsKey = targets.map(linkKey).join(' ');
  const [resolved, setResolved] = useState<ReadonlyMap<string, ResolvedLink>>(new Map());
  const [version, setVersion] = useState(0);
  useEffect(() => api.on('records.changed', ({ type }) => LINKED_TYPES.has(type) && setVersion((v) => v + 1)), [api]);
  useEffect(() => {
    if (targets.length === 0) return setResolved(new Map());
    let current = true;
    api.call('notes.resolve', { links: targets }).then(
      (links) => current && setResolved(new Map(links.map((link) => [linkKey(link), link]))),
      (error: unknown) => current && onError(error),
    );
    return () => {
      current = false;
    };
    // targetsKey stands for targets, so a new array with the same links asks nothing new.
  }, [api, targetsKey, version, onError]);
  return resolved;
}

/**
 * A note as the reader sees it: sanitised HTML (see renderNoteHtml) whose
 * links are buttons. Clicking one hands its target, as it is now, to onOpen.
 */
export function RenderedNote({ api, body, onOpen, onError }: { api: FieldbookApi; body: string; onOpen(link: ResolvedLink): void; onError(error: unknown): void }) {
  const resolved = useResolvedLinks(api, body, onError);
  const html = useMemo(() => DOMPurify.sanitize(renderNoteHtml(body, { links: resolved }), NOTE_PURIFY), [body, resolved]);

  const click = (event: MouseEvent<HTMLDivElement>) => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-kind]');
    if (!button) return;
    const ref = { kind: button.dataset.kind, id: button.dataset.id } as LinkRef;
    const link = resolved.get(linkKey(ref));
    if (link?.exists) onOpen(link);
  };

  if (body.trim() === '') return <p className="note-empty">This note is empty.</p>;
  // The markup is built from escaped text by renderNoteHtml and sanitised again above.
  return <div className="note-rendered" onClick={click} dangerouslySetInnerHTML={{ __html: html }} />;
}
