import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api/errors';
import { defaultImportLimits, type ExtractedDocument } from '../../../../../main/import/extracted-document';
import { extractMarkdown } from '../../../../../main/import/markdown/extract-markdown';
import { splitFrontMatter } from '../../../../../main/import/markdown/front-matter';
import { expectSafeReaderHtml } from '../html/safe-html';

const limits = defaultImportLimits;
const extract = (source: string, fileName = 'notes.md'): Promise<ExtractedDocument> => Promise.resolve(extractMarkdown({ source, fileName, limits }));

function blocksOf(document: ExtractedDocument): Array<[string, string, number?]> {
  return document.structure.blocks.map((block): [string, string, number?] =>
    block.level === undefined ? [block.type, document.text.slice(block.start, block.end)] : [block.type, document.text.slice(block.start, block.end), block.level],
  );
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('Markdown documents', () => {
  it('give the same block structure as a web page: headings with levels, nested lists, quotes, code, tables', async () => {
    const source = [
      '# Convoy log',
      '',
      'Left the depot at *dawn*, reached the bridge at **noon**.  ',
      'Second line of the same paragraph.',
      '',
      '## Stops',
      '',
      '1. Checkpoint north',
      '   - papers checked',
      '2. Fuel station',
      '',
      '> The guard said the road would close at six.',
      '',
      '```text',
      'route  A -> B',
      '',
      '    then C',
      '```',
      '',
      '| Place | Time |',
      '| ----- | ---- |',
      '| Bridge | 12:00 |',
      '',
      '---',
      '',
      'Written up the same evening.',
    ].join('\n');
    const document = await extract(source);
    expect(blocksOf(document)).toEqual([
      ['heading', 'Convoy log', 1],
      ['paragraph', 'Left the depot at dawn, reached the bridge at noon.\nSecond line of the same paragraph.'],
      ['heading', 'Stops', 2],
      ['list-item', 'Checkpoint north'],
      ['list-item', 'papers checked'],
      ['list-item', 'Fuel station'],
      ['quote', 'The guard said the road would close at six.'],
      ['preformatted', 'route  A -> B\n\n    then C'],
      ['table-cell', 'Place'],
      ['table-cell', 'Time'],
      ['table-cell', 'Bridge'],
      ['table-cell', '12:00'],
      ['paragraph', 'Written up the same evening.'],
    ]);
    expect(document.kind).toBe('markdown');
    expect(document.title).toBe('Convoy log');
    expect(document.html).toContain('<pre><code>route  A -&gt; B');
    expectSafeReaderHtml(document.html ?? '');
  });

  it('take the title from the first level-one heading, then the front matter, else leave it empty', async () => {
    expect((await extract('---\ntitle: From front matter\n---\n\n## Not level one\n\n# Level one\n')).title).toBe('Level one');
    expect((await extract('---\ntitle: "From front matter"\n---\n\n## Not level one\n')).title).toBe('From front matter');
    expect((await extract('Just a paragraph.')).title).toBe('');
  });

  it('read front matter, leave it out of the text and the HTML, and normalise the date', async () => {
    const document = await extract('---\r\ntitle: Week 32 log\r\nauthor: Hana Saleh and Ali Hassan\r\ndate: 12 August 2023\r\ntags: [field, south]\r\n---\r\n\r\nNothing moved on Friday.\r\n');
    expect(document.title).toBe('Week 32 log');
    expect(document.authors).toEqual(['Hana Saleh', 'Ali Hassan']);
    expect(document.publishedAt).toBe('2023-08-12');
    expect(document.text).toBe('Nothing moved on Friday.');
    expect(document.html).not.toMatch(/title:|Week 32/);
  });

  it('show raw HTML as text, never as markup', async () => {
    const document = await extract('Before <script>alert("x")</script> and <img src=x onerror=alert(1)> after.\n\n<iframe src="https://evil.example/"></iframe>\n');
    expect(document.text).toBe('Before <script>alert("x")</script> and <img src=x onerror=alert(1)> after.\n\n<iframe src="https://evil.example/"></iframe>');
    expect(document.html).toBe(
      '<p>Before &lt;script&gt;alert("x")&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; after.</p>\n<p>&lt;iframe src="https://evil.example/"&gt;&lt;/iframe&gt;</p>\n',
    );
    expectSafeReaderHtml(document.html ?? '');
  });

  it('drop images, with a notice, and keep only web links', async () => {
    const document = await extract('![chart](https://tracker.example/chart.png) and ![local](img/chart.png)\n\n[report](https://example.org/report) [script](javascript:alert(1)) [data](data:text/html,x) [relative](other.md)\n');
    expect(document.html).toBe(
      '<p> and </p>\n<p><a href="https://example.org/report" rel="noopener noreferrer">report</a> [script](javascript:alert(1)) [data](data:text/html,x) <a>relative</a></p>\n',
    );
    expectSafeReaderHtml(document.html ?? '');
    expect(document.text).toBe('and\n\nreport [script](javascript:alert(1)) [data](data:text/html,x) relative');
    expect(document.notices).toEqual(['2 images are not shown: images in Markdown are not imported, and Fieldbook never loads anything from the network.']);
    expect(document.assets).toEqual([]);
  });

  it('mark Arabic paragraphs in an English note as right to left', async () => {
    const document = await extract('# Notes\n\nThe crowd chanted:\n\nنريد ماءً وكهرباء\n');
    expect(document.structure.blocks.map((block) => block.dir)).toEqual([undefined, undefined, 'rtl']);
  });

  it('refuse empty files, binary files and nesting past the limit', async () => {
    expect((await refusal(extract('\n\n   \n', 'empty.md'))).code).toBe('DAMAGED_FILE');
    expect((await refusal(extract('---\ntitle: Only front matter\n---\n', 'front.md'))).message).toBe('front.md has no readable text.');
    expect((await refusal(extract('text\u0000more', 'nul.md'))).code).toBe('UNSUPPORTED_FILE');
    const nested = await refusal(Promise.resolve(extractMarkdown({ source: `${'> '.repeat(40)}deep`, fileName: 'deep.md', limits: { ...limits, maxHtmlDepth: 20 } })));
    expect(nested.code).toBe('FILE_TOO_LARGE');
  });

  it('read nesting within the limit, and refuse deeper nesting rather than lose its text', async () => {
    const within = await extract(`${'> '.repeat(100)}deep quote\n\n${'- '.repeat(100)}deep item`);
    expect(blocksOf(within)).toEqual([
      ['quote', 'deep quote'],
      ['list-item', 'deep item'],
    ]);
    for (const source of [`${'> '.repeat(2_000)}deep`, `${'- '.repeat(2_000)}item`]) {
      const error = await refusal(extract(source, 'deep.md'));
      expect(error.code).toBe('FILE_TOO_LARGE');
      expect(error.message).toBe('deep.md nests its elements more than 512 deep, which Fieldbook does not import.');
    }
  });
});

describe('front matter', () => {
  it('is only a block of key: value lines at the very top', () => {
    expect(splitFrontMatter('---\ntitle: A\n---\nBody')).toEqual({ frontMatter: { title: 'A', authors: [] }, body: 'Body' });
    // A rule and a paragraph are not front matter.
    expect(splitFrontMatter('---\nThis is a paragraph between rules.\n---\nBody').frontMatter).toEqual({ authors: [] });
    expect(splitFrontMatter('Intro\n---\ntitle: A\n---\n').frontMatter).toEqual({ authors: [] });
    expect(splitFrontMatter('---\ntitle: A\nno closing line').body).toBe('---\ntitle: A\nno closing line');
  });

  it('understands quotes, comments, inline and block lists, and a BOM', () => {
    const { frontMatter, body } = splitFrontMatter(
      '\uFEFF---\n# a comment\ntitle: \'Kata\'\'ib statement\' # trailing comment\nauthors:\n  - "Layla Haddad"\n  - Omar Nouri\nauthor: [Sam Poe, "Hana Saleh"]\ndate: "2023-08-17"\nextra:\n  nested: ignored\n...\nBody text\n',
    );
    expect(frontMatter).toEqual({ title: "Kata'ib statement", authors: ['Sam Poe', 'Hana Saleh', 'Layla Haddad', 'Omar Nouri'], date: '2023-08-17' });
    expect(body).toBe('Body text\n');
  });
});
