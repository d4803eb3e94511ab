import MarkdownIt from 'markdown-it';

/**
 * CommonMark plus tables and strikethrough, as most Markdown is written.
 * `html: false` escapes raw HTML, so a `<script>` in a Markdown file is shown
 * as text and never becomes markup; `linkify: false` keeps bare URLs as the
 * text they are rather than inventing links; `typographer: false` keeps the
 * author's quotes and dashes as written, since highlights quote them.
 */
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: false });

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
