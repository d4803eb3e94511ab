// Typing in a long note, in Chromium through the browser host: how long a
// keystroke takes to be applied (CodeMirror reads the input, applies the
// transaction, redraws the line, layout) and to reach the next frame, and
// how long an autosave of the whole note takes from "Saving…" to "Saved"
// (it runs after a pause in typing, off the keystroke's path).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createDispatcher } from '../../main/api/dispatcher';
import { createHandlers, createUpload } from '../../main/api/handlers';
import { createServices } from '../../main/app/services';
import { startBrowserHost } from '../../main/hosts/browser-host/server';
import { percentile, printFigure } from './figures';

const WORDS = 20_000;
const KEYSTROKES = 120;
const SAVES = 5;
const TITLE = 'Typing bench';
// npm run bench runs from the repository's root, bundled (see bundle.ts).
const rendererDir = path.resolve('dist/renderer');
const chromiumPath = process.env.FIELDBOOK_CHROMIUM ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-gpu'];

/** Paragraphs of about 100 words, English with an Arabic paragraph every tenth, and a link in each. */
function longNote(actorId: string): string {
  const paragraphs: string[] = [];
  let words = 0;
  for (let i = 0; words < WORDS; i++) {
    const text =
      i % 10 === 9
        ? `قالت مصادر محلية إن القافلة تعرضت لهجوم قرب القائم في الساعة ${i} وإن المجلس حمل الجماعة المسؤولية عن الهجوم على الجسر. `.repeat(4)
        : `Paragraph ${i}: the convoy reported at checkpoint ${(i * 7) % 101} moved north after ${i % 13} hours, and the district council said group ${i % 17} had paid the operators in cash. `.repeat(3);
    paragraphs.push(`${text}See [[actor:${actorId}|Kataib Hezbollah]].`);
    words += text.split(/\s+/).length + 2;
  }
  return paragraphs.join('\n\n');
}

/**
 * Milliseconds to apply one typed character at the end of the note, for
 * KEYSTROKES characters: the browser's own text insertion into the editor
 * (execCommand, which fires the same input events as a key), CodeMirror
 * reading it, applying its transaction and redrawing the line, then a forced
 * layout. Measured inside the page, so neither Playwright's round trips nor
 * the wait for the display's next refresh are counted.
 */
async function keystrokeApplyTimes(ui: Page): Promise<number[]> {
  return ui.evaluate(async (count) => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      document.execCommand('insertText', false, i % 8 === 7 ? ' ' : 'e');
      // CodeMirror reads the change in a mutation observer, which runs at this microtask checkpoint.
      await Promise.resolve();
      document.body.getBoundingClientRect();
      times.push(performance.now() - started);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
    return times;
  }, KEYSTROKES);
}

/** Milliseconds from a real keydown (sent by Playwright) to the next frame drawn: apply time plus the wait for the next refresh. */
async function keystrokeFrameTimes(ui: Page): Promise<number[]> {
  await ui.evaluate(() => {
    const times: number[] = [];
    (window as { frameTimes?: number[] }).frameTimes = times;
    window.addEventListener(
      'keydown',
      () => {
        const started = performance.now();
        requestAnimationFrame(() => {
          // The frame's rendering runs after rAF callbacks; a message posted here arrives after it.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => times.push(performance.now() - started);
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  });
  for (let i = 0; i < KEYSTROKES; i++) {
    await ui.keyboard.press(i % 8 === 7 ? 'Space' : 'e');
    await ui.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }
  return ui.evaluate(() => (window as { frameTimes?: number[] }).frameTimes ?? []);
}

/** Milliseconds from "Saving…" to "Saved" for one autosave after a few keystrokes. */
async function autosaveTime(ui: Page): Promise<number> {
  const status = ui.locator('.note-save-status');
  await ui.evaluate(() => {
    const element = document.querySelector('.note-save-status') as HTMLElement;
    const timing = window as { saveMs?: Promise<number> };
    timing.saveMs = new Promise((resolve) => {
      let saving: number | undefined;
      const observer = new MutationObserver(() => {
        const text = element.textContent;
        if (text === 'Saving…' && saving === undefined && element.classList.contains('note-save-saving')) saving = performance.now();
        if (text === 'Saved' && saving !== undefined) {
          observer.disconnect();
          resolve(performance.now() - saving);
        }
      });
      observer.observe(element, { childList: true, characterData: true, subtree: true, attributes: true });
    });
  });
  await ui.keyboard.type(' more');
  const ms = (await ui.evaluate(() => (window as { saveMs?: Promise<number> }).saveMs)) ?? Number.NaN;
  await status.filter({ hasText: /^Saved$/ }).waitFor();
  return ms;
}

export async function benchNoteTyping(): Promise<void> {
  const params = { words: WORDS, keystrokes: KEYSTROKES };
  const missing = (reason: string) => console.log(JSON.stringify({ figure: 'note_keystroke_ms', ...params, value: null, unit: 'ms', reason }));
  if (!existsSync(path.join(rendererDir, 'index.html'))) return missing('renderer not built (npm run build)');
  if (!existsSync(chromiumPath)) return missing(`no Chromium at ${chromiumPath}`);

  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-note-'));
  const services = await createServices({ host: 'browser', dataDir: path.join(temp, 'data'), notebookDir: path.join(temp, 'nb') });
  const host = await startBrowserHost({ dispatch: createDispatcher(createHandlers(services)), upload: createUpload(services), events: services.events, rendererDir });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const { records, notes } = services.current();
    const actor = await records.create('actors', { name: 'Kataib Hezbollah', kind: 'armed-group', aliases: [], description: '', affiliations: [] });
    const body = longNote(actor.id);
    await notes.create({ title: TITLE, body });

    const ui = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await ui.goto(host.url);
    await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Notes/ }).click();
    await ui.getByRole('navigation', { name: 'Notes' }).getByRole('button', { name: new RegExp(TITLE) }).click();
    await ui.getByRole('button', { name: 'Edit', exact: true }).click();
    await ui.getByRole('textbox', { name: 'Note text' }).click();
    await ui.keyboard.press('Control+End');

    const applied = (await keystrokeApplyTimes(ui)).sort((a, b) => a - b);
    const frame = (await keystrokeFrameTimes(ui)).sort((a, b) => a - b);
    const withChars = { ...params, note_chars: body.length };
    printFigure('note_keystroke_ms', withChars, percentile(applied, 0.5), 'ms');
    printFigure('note_keystroke_p95_ms', withChars, percentile(applied, 0.95), 'ms');
    printFigure('note_keystroke_to_frame_ms', withChars, percentile(frame, 0.5), 'ms');
    await ui.locator('.note-save-status').filter({ hasText: /^Saved$/ }).waitFor();

    const saves: number[] = [];
    for (let i = 0; i < SAVES; i++) saves.push(await autosaveTime(ui));
    printFigure('note_autosave_ms', { words: WORDS, note_chars: body.length, saves: SAVES }, percentile(saves.sort((a, b) => a - b), 0.5), 'ms');
  } finally {
    await browser.close();
    await host.close();
    await services.close();
    await rm(temp, { recursive: true, force: true });
  }
}
