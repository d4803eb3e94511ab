import MarkdownIt from 'markdown-it';

type Renderer = ReturnType<typeof MarkdownIt>;

/**
 * CommonMark plus tables and strikethrough, as most Markdown is written.
 * `html: false` escapes raw HTML, so a `<script>` in a Markdown file is shown
 * as text and never becomes markup; `linkify: false` keeps bare URLs as the
 * text they are rather than inventing links; `typographer: false` keeps the
 * author's quotes and dashes as written, since highlights quote them.
 *
 * markdown-it stops nesting (and drops what lies deeper) at `maxNesting`, which
 * also bounds its recursion; the caller sets it just past the import's
 * nesting limit, so a file deeper than that renders too deep and is refused
 * rather than silently losing text.
 */
const renderers = new Map<number, Renderer>();

export function renderMarkdown(source: string, maxNesting: number): string {
  let markdown = renderers.get(maxNesting);
  if (markdown === undefined) {
    markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: false, maxNesting });
    renderers.set(maxNesting, markdown);
  }
  return markdown.render(source);
}
