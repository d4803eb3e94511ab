import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { createLinkMatcher, type LinkCandidate } from '../../../shared/notes/link-candidates';
import { formatLink } from '../../../shared/notes/link-syntax';

const kindLabel: Readonly<Record<LinkCandidate['kind'], string>> = { actor: 'actor', event: 'event', document: 'document', highlight: 'passage', note: 'note' };
// What follows `[[` until the link is complete: no brackets, pipes or line breaks.
const TYPED_LINK = /\[\[[^[\]|\n]*$/;
const SHOWN = 30;

/**
 * The `[[` picker: what is typed after `[[` is matched against names and
 * aliases (see createLinkMatcher), and choosing one replaces `[[query` with
 * the link by id, labelled with the target's name. `candidates` is asked on
 * every query (it answers from a cache it refreshes when records change), and
 * the matcher is rebuilt only when it hands back a new list.
 */
export function linkCompletionSource(candidates: () => Promise<readonly LinkCandidate[]>): CompletionSource {
  let matcherFor: readonly LinkCandidate[] | undefined;
  let matcher: ReturnType<typeof createLinkMatcher> = () => [];
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const typed = context.matchBefore(TYPED_LINK);
    if (!typed) return null;
    const current = await candidates();
    if (current !== matcherFor) {
      matcherFor = current;
      matcher = createLinkMatcher(current);
    }
    const query = typed.text.slice(2);
    const ranked = query.trim() === '' ? current.slice(0, SHOWN).map((candidate) => ({ candidate, matched: candidate.label })) : matcher(query, SHOWN);
    const options = ranked.map(({ candidate, matched }, index): Completion => ({
      label: candidate.label.length > 90 ? `${candidate.label.slice(0, 90)}…` : candidate.label,
      detail: [kindLabel[candidate.kind], matched !== candidate.label ? `“${matched}”` : '', candidate.detail ?? ''].filter(Boolean).join(' · '),
      type: candidate.kind,
      apply: formatLink(candidate, candidate.label),
      // Keep the matcher's order: CodeMirror sorts by boost first.
      boost: 99 - index,
    }));
    // filter: false because the matching above folds Arabic and Latin spellings, which CodeMirror's own fuzzy filter does not.
    return { from: typed.from, options, filter: false };
  };
}
