// Right-to-left PDFs from real producers, generated at test time, because
// each producer writes right-to-left glyphs its own way: Chromium's print to
// PDF draws a line left to right in visual order and maps glyphs to
// presentation forms; cairo (through pango-view) draws glyphs one by one in
// logical order, each placed where it belongs. The sentences are the
// project's own. Fonts come from Debian's fonts-noto-core; where it, Chromium
// or pango-view is missing, the producer says why and the tests skip.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { makeTempDir } from './temp-dir';

const run = promisify(execFile);

export type Script = 'arabic' | 'persian' | 'hebrew' | 'mixed';

export interface CorpusLine {
  script: Script;
  text: string;
  /** The paragraph's direction as the writer set it. */
  dir: 'rtl' | 'ltr';
  font: 'Noto Naskh Arabic' | 'Noto Sans Arabic' | 'Noto Sans Hebrew' | 'Noto Sans';
}

/** Each line a paragraph of its own; lam-alef and lam-khah, Persian letters, a period at the end of a right-to-left line, numbers and names inside. */
export const rtlCorpus: readonly CorpusLine[] = [
  { script: 'arabic', dir: 'rtl', font: 'Noto Naskh Arabic', text: 'انواع الخطوط العربية في الكتب القديمة' },
  { script: 'arabic', dir: 'rtl', font: 'Noto Sans Arabic', text: 'لا يزال الطلاب في المكتبة حتى المساء.' },
  { script: 'arabic', dir: 'rtl', font: 'Noto Naskh Arabic', text: 'كتب الباحث تقريرا طويلا عن المدينة' },
  { script: 'persian', dir: 'rtl', font: 'Noto Naskh Arabic', text: 'پژوهشگر چند کتاب تازه خواند' },
  { script: 'persian', dir: 'rtl', font: 'Noto Sans Arabic', text: 'این گزارش درباره یک روستای کوچک است' },
  { script: 'hebrew', dir: 'rtl', font: 'Noto Sans Hebrew', text: 'החוקרת קראה את המסמך בספרייה' },
  { script: 'hebrew', dir: 'rtl', font: 'Noto Sans Hebrew', text: 'הפגישה נדחתה לשבוע הבא' },
  { script: 'mixed', dir: 'rtl', font: 'Noto Sans Arabic', text: 'قال الباحث Ali Hassan إن عام 2021 كان صعبا' },
  { script: 'mixed', dir: 'ltr', font: 'Noto Sans', text: 'The field notes quote قاسم الكاتب on page 12 of the draft' },
];

export const NOTO_ARABIC = '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf';
export const CHROMIUM = process.env.FIELDBOOK_CHROMIUM ?? '/usr/bin/chromium';

/** Why a producer cannot run here, or undefined when it can. */
export function missingFor(producer: 'chromium' | 'pango'): string | undefined {
  if (!existsSync(NOTO_ARABIC)) return 'the Noto fonts are not installed (apt-get install -y fonts-noto-core)';
  if (producer === 'chromium' && !existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (producer === 'pango' && !existsSync('/usr/bin/pango-view')) return 'pango-view is not installed (apt-get install -y pango1.0-tools)';
  return undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Chromium's print to PDF of the lines, one paragraph each, in the line's font and direction. */
export async function chromiumPdf(lines: readonly CorpusLine[], title = 'Right-to-left sample'): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const body = lines.map((line) => `<p dir="${line.dir}" style="font-family:'${line.font}'">${escapeHtml(line.text)}</p>`).join('');
    await page.setContent(`<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body style="font-size:16px">${body}</body></html>`);
    return new Uint8Array(await page.pdf());
  } finally {
    await browser.close();
  }
}

/** cairo's PDF of the lines through pango-view, one paragraph each (pango finds each paragraph's direction from its text). */
export async function pangoPdf(lines: readonly CorpusLine[]): Promise<Uint8Array> {
  const temp = await makeTempDir('fieldbook-pango-');
  try {
    const input = path.join(temp.dir, 'lines.txt');
    const output = path.join(temp.dir, 'lines.pdf');
    await writeFile(input, lines.map((line) => line.text).join('\n\n') + '\n');
    await run('pango-view', ['--no-display', '--font', 'Noto Naskh Arabic, Noto Sans Hebrew 14', '--width', '500', `--output=${output}`, input]);
    return new Uint8Array(await readFile(output));
  } finally {
    await temp.remove();
  }
}
