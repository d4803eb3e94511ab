import MarkdownIt, { type StateInline } from 'markdown-it';
import type { ResolvedLink } from './link-resolution';
import { linkAt, linkKey, type NoteLink } from './link-syntax';

/** What rendering needs to know about the note's links: their targets as they are now, by linkKey. */
export interface NoteRenderEnv {
  links: ReadonlyMap<string, ResolvedLink>;
}

/**
 * A note as HTML: CommonMark, tables and strikethrough, with the note's
 * `[[kind:id|label]]` links as in-app buttons (`data-kind`, `data-id`) that
 * show the target's current name; a highlight link shows the passage and its
 * document's title. Raw HTML is escaped (`html: false`); Markdown links and
 * images to URLs are left as text, since nothing here may leave the app or
 * load from outside it. Block elements get `dir="auto"` so an Arabic
 * paragraph runs right to left among English ones. A line break is shown
 * (`<br>`), as the editor shows it: a researcher writes an Arabic line and
 * its English translation under it, and joined into one line the two
 * scramble; apart, each takes its own direction (the view sets
 * `unicode-bidi: plaintext`). The caller still sanitises the result
 * (DOMPurify in the renderer) as defence in depth.
 */
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: true, maxNesting: 50 }).disable(['link', 'image', 'autolink']);

markdown.inline.ruler.before('emphasis', 'fieldbook_link', (state: StateInline, silent: boolean) => {
  const link = linkAt(state.src, state.pos);
  if (!link) return false;
  if (!silent) state.push('fieldbook_link', '', 0).meta = { link };
  state.pos = link.to;
  return true;
});

markdown.renderer.rules.fieldbook_link = (tokens, index, _options, env) => {
  const { link } = tokens[index]?.meta as { link: NoteLink };
  const { links } = env as Partial<NoteRenderEnv>;
  return renderLink(link, links?.get(linkKey(link)));
};

const BLOCKS_WITH_DIRECTION = new Set(['paragraph_open', 'heading_open', 'list_item_open', 'blockquote_open', 'th_open', 'td_open']);
markdown.core.ruler.push('fieldbook_direction', (state) => {
  for (const token of state.tokens) if (BLOCKS_WITH_DIRECTION.has(token.type)) token.attrSet('dir', 'auto');
});

const escape = (text: string) => markdown.utils.escapeHtml(text);

function renderLink(link: NoteLink, resolved: ResolvedLink | undefined): string {
  const data = `data-kind="${link.kind}" data-id="${escape(link.id)}"`;
  if (resolved && !resolved.exists) {
    return `<span class="note-link note-link-missing" ${data} title="This ${link.kind} was deleted or is not in this notebook">${escape(link.label ?? link.kind)}</span>`;
  }
  const citation = resolved?.citation;
  if (citation) {
    return `<button type="button" class="note-citation" ${data} title="Open the passage in ${escape(citation.documentTitle)}"><q dir="auto">${escape(citation.quote)}</q> <cite dir="auto">${escape(citation.documentTitle)}</cite></button>`;
  }
  // Not resolved yet (the names are still loading): the label written into the link stands in.
  return `<button type="button" class="note-link note-link-${link.kind}" ${data} dir="auto">${escape(resolved?.name ?? link.label ?? link.kind)}</button>`;
}

export function renderNoteHtml(body: string, env: NoteRenderEnv): string {
  return markdown.render(body, { links: env.links });
}
