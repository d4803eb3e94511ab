import { useCallback } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { TextRange } from '../navigation/text-range';
import { MentionsPanel } from './MentionsPanel';
import { useApiResult } from '../api/useApiResult';

interface MentionsViewProps {
  api: FieldbookApi;
  onOpenDocument(documentId: string, range?: TextRange): void;
  onError(error: unknown): void;
}

/** Every actor's untagged mentions across the notebook. */
export function MentionsView({ api, onOpenDocument, onError }: MentionsViewProps) {
  const { actorNames, documentTitles } = useNames(api, onError);
  return (
    <section className="library-view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title">Mentions</h1>
        <p className="view-meta">Names and aliases of your actors found in your documents, not yet tagged.</p>
      </header>
      <MentionsPanel api={api} actorNames={actorNames} documentTitles={documentTitles} onOpenDocument={onOpenDocument} onError={onError} />
    </section>
  );
}

/** Actor names and document titles by id, for lists that only hold ids. */
export function useNames(api: FieldbookApi, onError: (error: unknown) => void): { actorNames: ReadonlyMap<string, string>; documentTitles: ReadonlyMap<string, string> } {
  const load = useCallback(async () => {
    const [actors, documents] = await Promise.all([api.call('actors.list', {}), api.call('documents.list', {})]);
    return { actorNames: new Map(actors.map((actor) => [actor.id, actor.name])), documentTitles: new Map(documents.map((document) => [document.id, document.title])) };
  }, [api]);
  return useApiResult(api, load, onError, ['actors', 'documents']).data ?? { actorNames: new Map(), documentTitles: new Map() };
}
