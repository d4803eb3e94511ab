import { useCallback, useMemo, useState } from 'react';
import type { Mention, MentionList } from '../../../shared/actors/mentions';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { TextRange } from '../navigation/text-range';
import './actors.css';

interface MentionsPanelProps {
  api: FieldbookApi;
  /** One actor's mentions; every actor's without it. */
  actorId?: string;
  actorNames: ReadonlyMap<string, string>;
  documentTitles: ReadonlyMap<string, string>;
  onOpenDocument(documentId: string, range?: TextRange): void;
  onError(error: unknown): void;
}

/**
 * The mention finder: where actors are named in the documents but not yet
 * tagged, grouped by document, to tag one by one or all at once.
 */
export function MentionsPanel({ api, actorId, actorNames, documentTitles, onOpenDocument, onError }: MentionsPanelProps) {
  const [found, setFound] = useState<MentionList>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const search = useCallback(async () => {
    setBusy(true);
    try {
      setFound(await api.call('mentions.find', actorId ? { actorId } : {}));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }, [api, actorId, onError]);

  const tag = async (mentions: readonly Mention[]) => {
    setBusy(true);
    try {
      const result = await api.call('mentions.tag', { mentions: mentions.map(({ actorId: actor, documentId, start, end }) => ({ actorId: actor, documentId, start, end })) });
      const count = result.created + result.updated;
      setStatus(`Tagged ${count} mention${count === 1 ? '' : 's'}.`);
      setFound(await api.call('mentions.find', actorId ? { actorId } : {}));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const byDocument = useMemo(() => (found ? [...Map.groupBy(found.mentions, (mention) => mention.documentId)] : []), [found]);

  return (
    <section className="mentions-panel" aria-labelledby="mentions-heading">
      <h2 id="mentions-heading">Untagged mentions</h2>
      <div className="toolbar">
        <button type="button" onClick={() => void search()} disabled={busy}>
          {found ? 'Search again' : 'Find untagged mentions'}
        </button>
        {found && found.mentions.length > 0 && (
          <button type="button" className="primary" onClick={() => void tag(found.mentions)} disabled={busy}>
            Tag all {found.mentions.length}
          </button>
        )}
        <span role="status" className="view-meta">
          {busy ? 'Working…' : status}
        </span>
      </div>
      {found && (
        <p className="view-meta">
          {found.total === 0
            ? `No untagged mentions in ${found.documents} document${found.documents === 1 ? '' : 's'}.`
            : `${found.total} untagged mention${found.total === 1 ? '' : 's'} in ${byDocument.length} of ${found.documents} documents${found.total > found.mentions.length ? ` (the first ${found.mentions.length} listed)` : ''}.`}
        </p>
      )}
      {byDocument.map(([documentId, mentions]) => (
        <section key={documentId} className="mention-group" aria-label={documentTitles.get(documentId) ?? documentId}>
          <h3 dir="auto">{documentTitles.get(documentId) ?? documentId}</h3>
          <ul className="mention-list">
            {mentions.map((mention) => (
              <li key={`${mention.actorId}:${mention.start}`}>
                <p className="mention-context" dir="auto">
                  {!actorId && <span className="mention-actor">{actorNames.get(mention.actorId)}: </span>}…{mention.before}
                  <mark>{mention.text}</mark>
                  {mention.after}…
                </p>
                <button type="button" onClick={() => void tag([mention])} disabled={busy} aria-label={`Tag “${mention.text}” at ${mention.start} as ${actorNames.get(mention.actorId) ?? 'the actor'}`}>
                  Tag
                </button>
                <button type="button" onClick={() => onOpenDocument(documentId, { start: mention.start, end: mention.end })} aria-label={`Open “${mention.text}” at ${mention.start} in the reader`}>
                  Open
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
