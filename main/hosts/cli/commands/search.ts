import { SearchArgs, type SearchResult, type Snippet } from '../../../../shared/search/results';
import { openNotebookSearch } from '../../../search/notebook-search';
import { buildInThread } from '../../../search/segment-builder';
import { type Command, type OptionValues, UsageError } from '../command';
import { withNotebook } from '../open-notebook';

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search documents, highlights, notes, actors and events',
  positionals: { usage: 'QUERY...', help: 'words; "a phrase"; -word to exclude; title: author: tag: actor: event: kind: lang: date:2019..2020' },
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook to search (works while the app has it open)' },
    limit: { value: 'N', help: 'at most N documents (or notes, actors, events); default 20' },
    json: { help: 'print the results as JSON: per document, its hits with passage range, snippet and score' },
  },
  async run(values, positionals, output) {
    const query = positionals.join(' ');
    if (query.trim() === '') throw new UsageError('Say what to search for.');
    const args = SearchArgs.safeParse({ query, limit: limitOf(values) });
    if (!args.success) throw new UsageError(args.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    const result = await withNotebook(values, { readOnly: true }, async (notebook) => {
      const search = openNotebookSearch(notebook, { build: buildInThread });
      // Read-only: what changed since the last save of the index is indexed in memory for this search.
      await search.indexer.caughtUp;
      return search.service.search(args.data);
    });
    if (values.json) output.out(JSON.stringify(result));
    else printResult(result, output.out);
    return 0;
  },
};

function limitOf(values: OptionValues): number {
  const raw = values.limit;
  if (raw === undefined) return 20;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError(`--limit must be a whole number from 1 to 200, not "${String(raw)}".`);
  return limit;
}

function printResult(result: SearchResult, out: (line: string) => void): void {
  for (const notice of result.notices) out(`note: ${notice}`);
  for (const group of result.groups) {
    out(`${group.title}  (${group.kind} ${group.id}, ${group.hitCount} hit${group.hitCount === 1 ? '' : 's'}, score ${group.score.toFixed(2)})`);
    for (const hit of group.hits) {
      const where = hit.range ? `${hit.range.start}-${hit.range.end}${hit.page === undefined ? '' : ` p.${hit.page + 1}`}` : hit.kind;
      out(`  [${where}] ${marked(hit.snippet)}`);
    }
  }
  out(`${result.total} result${result.total === 1 ? '' : 's'} (${Math.round(result.tookMs)} ms)`);
}

/** The snippet on one line, matched words between «guillemets». */
function marked(snippet: Snippet): string {
  let text = '';
  let at = 0;
  for (const mark of snippet.marks) {
    text += `${snippet.text.slice(at, mark.start)}«${snippet.text.slice(mark.start, mark.end)}»`;
    at = mark.end;
  }
  text += snippet.text.slice(at);
  return `${snippet.before ? '…' : ''}${text.replace(/\s+/gu, ' ').trim()}${snippet.after ? '…' : ''}`;
}
