import { describe, expect, it } from 'vitest';
import { defaultImportLimits } from '../../../../../main/import/extracted-document';
import { extractMarkdown } from '../../../../../main/import/markdown/extract-markdown';

const limits = defaultImportLimits;
const extract = (source: string) => Promise.resolve(extractMarkdown({ source, fileName: 'note.md', limits }));

describe('Markdown', () => {
  it('renders headings, lists, emphasis and code into exact blocks', async () => {
    const page = await extract('# Field notes\n\nWe reached the **bridge** at noon.\n\n## Checkpoints\n\n- North: open\n- South: closed\n\n```\nlog 12:00 convoy\n```\n');
    const blocks = page.structure.blocks.map((block) => [block.type, page.text.slice(block.start, block.end)]);
    expect(blocks).toEqual([
      ['heading', 'Field notes'],
      ['paragraph', 'We reached the bridge at noon.'],
      ['heading', 'Checkpoints'],
      ['list-item', 'North: open'],
      ['list-item', 'South: closed'],
      ['preformatted', 'log 12:00 convoy'],
    ]);
    expect(page).toMatchObject({ kind: 'markdown', title: 'Field notes' });
    expect(page.html).toContain('<strong>bridge</strong>');
  });

  it('reads front matter and leaves it out of the text', async () => {
    const page = await extract('---\ntitle: Week 32 log\nauthor: Hana Saleh\ndate: 2023-08-12\n---\n\nNothing moved on Friday.\n');
    expect(page).toMatchObject({ title: 'Week 32 log', authors: ['Hana Saleh'], publishedAt: '2023-08-12', text: 'Nothing moved on Friday.' });
  });

  it('shows raw HTML as text, never as markup, and drops remote images', async () => {
    const page = await extract('# Careful\n\n<script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n![chart](https://tracker.example/chart.png)\n\n[a link](javascript:alert(1))\n');
    expect(page.html).not.toMatch(/<script|<img|<[^>]+\son\w+=|href="javascript:|tracker\.example/);
    expect(page.html).toContain('&lt;script&gt;');
    expect(page.text).toContain('<script>alert(1)</script>');
  });

  it('keeps Arabic Markdown right to left', async () => {
    const page = await extract('# تقرير الأسبوع\n\nوصلت القافلة إلى الجسر عند الظهر.');
    expect(page.title).toBe('تقرير الأسبوع');
    expect(page.text).toBe('تقرير الأسبوع\n\nوصلت القافلة إلى الجسر عند الظهر.');
  });
});
