import { describe, expect, it } from 'vitest';
import type { ResolvedLink } from '../../../../shared/notes/link-resolution';
import { linkKey } from '../../../../shared/notes/link-syntax';
import { renderNoteHtml } from '../../../../shared/notes/note-markdown';

const env = (...links: ResolvedLink[]) => ({ links: new Map(links.map((link) => [linkKey(link), link])) });

describe('renderNoteHtml', () => {
  it('renders links as buttons showing the current name, not the label written in the note', () => {
    const html = renderNoteHtml('**KH**: [[actor:actor-0001|Old name]]', env({ kind: 'actor', id: 'actor-0001', exists: true, name: 'New <name>' }));
    expect(html).toBe('<p dir="auto"><strong>KH</strong>: <button type="button" class="note-link note-link-actor" data-kind="actor" data-id="actor-0001" dir="auto">New &lt;name&gt;</button></p>\n');
  });

  it('renders a highlight link as the quoted passage with its document title', () => {
    const citation = { documentId: 'document-01', documentTitle: 'Report', quote: 'the convoy was struck', start: 4, end: 25 };
    const html = renderNoteHtml('[[highlight:highlight-01|x]]', env({ kind: 'highlight', id: 'highlight-01', exists: true, name: citation.quote, citation }));
    expect(html).toContain('<button type="button" class="note-citation" data-kind="highlight" data-id="highlight-01" title="Open the passage in Report"><q dir="auto">the convoy was struck</q> <cite dir="auto">Report</cite></button>');
  });

  it('shows the written label, not a button, for a target that is gone', () => {
    const html = renderNoteHtml('[[event:event-0001|The strike]]', env({ kind: 'event', id: 'event-0001', exists: false }));
    expect(html).toContain('<span class="note-link note-link-missing" data-kind="event" data-id="event-0001" title="This event was deleted or is not in this notebook">The strike</span>');
    expect(html).not.toContain('<button');
  });

  it('keeps a line break, so an Arabic line and the English line under it are not joined into one', () => {
    const html = renderNoteHtml('قال الشاهد إن الجسر أغلق عند الفجر.\nThe witness said the bridge closed at dawn.', env());
    expect(html).toBe('<p dir="auto">قال الشاهد إن الجسر أغلق عند الفجر.<br>\nThe witness said the bridge closed at dawn.</p>\n');
  });

  it('escapes raw HTML, leaves URLs and images as text, and marks blocks dir="auto" for Arabic paragraphs', () => {
    const html = renderNoteHtml('<script>alert(1)</script>\n\n[site](https://example.org) ![img](https://example.org/x.png)\n\n# عنوان\n\nفقرة', env());
    expect(html).not.toMatch(/<script|<a |<img/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<h1 dir="auto">عنوان</h1>');
    expect(html).toContain('<p dir="auto">فقرة</p>');
  });

  it('leaves link syntax inside code as code', () => {
    expect(renderNoteHtml('`[[actor:actor-0001|A]]`', env())).toBe('<p dir="auto"><code>[[actor:actor-0001|A]]</code></p>\n');
  });
});
