import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';
import { budget } from '../support/time-budget';

const REPORT = 'On 7 February the convoy was struck near al-Qaim. Three people were killed. The council blamed the militia for the attack on the bridge.';

async function evidence(app: AppUnderTest) {
  const document = await app.call('documents.create', { title: 'Strike report', text: REPORT });
  const convoy = await app.call('highlights.create', { documentId: document.id, anchor: { quote: 'the convoy was struck near al-Qaim' } });
  const council = await app.call('highlights.create', { documentId: document.id, anchor: { quote: 'The council blamed the militia' } });
  const actor = await app.call('actors.create', { name: "Kata'ib Hezbollah", aliases: ['كتائب حزب الله'], kind: 'armed-group' });
  return { document, convoy, council, actor };
}

async function showNotes(ui: Page) {
  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Notes/ }).click();
  await expect(ui.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
}

/** Type `[[`, then a query, and pick the first suggestion with Enter. */
async function insertLink(ui: Page, query: string, expected: string | RegExp) {
  await ui.keyboard.type('[[');
  await ui.keyboard.type(query);
  const picker = ui.locator('.cm-tooltip-autocomplete');
  await expect(picker.locator('li[aria-selected]')).toContainText(expected);
  // CodeMirror ignores Enter for 75 ms after the list changes (interactionDelay), so a list that
  // appears under a keystroke is not picked by accident; a person reading the list waits that long too.
  await ui.waitForTimeout(100);
  await ui.keyboard.press('Enter');
  await expect(picker).toBeHidden();
}

test('writes a note citing two passages and an actor, follows each link after a reload, and lists backlinks', async ({ app }) => {
  // Many steps in one story (typing, a reload, three round trips through the reader): twice the default.
  test.setTimeout(budget(120_000));
  const { page: ui } = app;
  const problems: string[] = [];
  ui.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  const { convoy, council, actor } = await evidence(app);
  await showNotes(ui);
  await ui.getByRole('button', { name: 'New note' }).click();

  await ui.getByRole('textbox', { name: 'Note title' }).fill('Who struck the convoy');
  const editor = ui.getByRole('textbox', { name: 'Note text' });
  await editor.click();
  // The editor's own styles load under the strict CSP (adopted style sheet in its shadow root).
  await expect(ui.locator('.cm-editor')).toHaveCSS('display', 'flex');
  await ui.keyboard.type('Suspect: ');
  // Alias in Arabic, typed with a bare alef and yeh for the hamza forms.
  await insertLink(ui, 'كتايب', "Kata'ib Hezbollah");
  await ui.keyboard.type('.\n\nFirst: ');
  await insertLink(ui, 'convoy was', 'the convoy was struck near al-Qaim');
  await ui.keyboard.type('\n\nThen: ');
  await insertLink(ui, 'council blamed', 'The council blamed the militia');
  await ui.keyboard.press('Enter');
  await ui.keyboard.type('هذه فقرة عربية');
  await expect(ui.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  // The Arabic paragraph runs right to left in the editor.
  await expect(ui.locator('.cm-line', { hasText: 'هذه فقرة عربية' })).toHaveAttribute('dir', 'auto');
  expect(await ui.locator('.cm-line', { hasText: 'هذه فقرة عربية' }).evaluate((line) => getComputedStyle(line).direction)).toBe('rtl');

  const [stored] = await app.call('notes.list', {});
  expect(stored?.body).toBe(
    `Suspect: [[actor:${actor.id}|Kata'ib Hezbollah]].\n\nFirst: [[highlight:${convoy.id}|the convoy was struck near al-Qaim]]\n\nThen: [[highlight:${council.id}|The council blamed the militia]]\nهذه فقرة عربية`,
  );

  // Renaming the actor keeps the link, shown by its new name.
  await app.call('actors.update', { id: actor.id, patch: { name: 'Kataib Hizballah' } });
  await ui.reload();
  await showNotes(ui);
  await ui.getByRole('navigation', { name: 'Notes' }).getByRole('button', { name: /Who struck the convoy/ }).click();
  const note = ui.getByRole('article', { name: 'Who struck the convoy' });
  await expect(note.getByRole('button', { name: 'Kataib Hizballah' })).toBeVisible();

  await note.getByRole('button', { name: 'Kataib Hizballah' }).click();
  await expect(ui.getByRole('heading', { level: 1, name: 'Kataib Hizballah' })).toBeVisible();
  await ui.getByRole('button', { name: 'Back' }).click();

  for (const quote of ['the convoy was struck near al-Qaim', 'The council blamed the militia']) {
    const citation = note.getByRole('button', { name: new RegExp(`${quote}.*Strike report`) });
    await citation.click();
    await expect(ui.getByRole('heading', { level: 1, name: 'Strike report' })).toBeVisible();
    await ui.getByRole('button', { name: '← Documents' }).click();
    await expect(note).toBeVisible();
  }

  for (const target of [{ kind: 'actor', id: actor.id } as const, { kind: 'highlight', id: convoy.id } as const, { kind: 'highlight', id: council.id } as const]) {
    expect((await app.call('notes.backlinks', target)).map((backlink) => backlink.title)).toEqual(['Who struck the convoy']);
  }
  // A second note citing the first: the first lists it as a backlink.
  await app.call('notes.create', { title: 'Follow-up', body: `Builds on [[note:${stored?.id}|the memo]].` });
  const backlinks = note.getByRole('region', { name: 'Linked from notes' });
  await expect(backlinks.getByRole('button', { name: 'Follow-up' })).toBeVisible();
  await backlinks.getByRole('button', { name: 'Follow-up' }).click();
  await expect(ui.getByRole('article', { name: 'Follow-up' }).getByRole('button', { name: 'Who struck the convoy' })).toBeVisible();
  expect(problems.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
});

test('saves the last keystrokes when the page is left before the pause', async ({ app }) => {
  const { page: ui } = app;
  await showNotes(ui);
  await ui.getByRole('button', { name: 'New note' }).click();
  await ui.getByRole('textbox', { name: 'Note text' }).click();
  await ui.keyboard.type('Typed just before leaving');
  // Read and back to Edit at once: both start from the last keystroke, not from the last save.
  await ui.getByRole('button', { name: 'Read', exact: true }).click();
  await expect(ui.locator('.note-rendered')).toHaveText('Typed just before leaving');
  await ui.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(ui.getByRole('textbox', { name: 'Note text' })).toHaveText('Typed just before leaving');
  await ui.getByRole('textbox', { name: 'Note text' }).click();
  await ui.keyboard.press('Control+End');
  await ui.keyboard.type(' now');
  // Switching notes closes the editor at once: its save must still carry every keystroke.
  await ui.getByRole('button', { name: 'New note' }).click();
  await expect.poll(async () => (await app.call('notes.list', {})).map((note) => note.body).sort()).toEqual(['', 'Typed just before leaving now']);
});

test('an open note, rendered and in the editor, has no serious accessibility violations', async ({ app }) => {
  test.setTimeout(budget(90_000));
  const { page: ui } = app;
  const { convoy, actor } = await evidence(app);
  const note = await app.call('notes.create', { title: 'Memo', body: `# Memo\n\n[[actor:${actor.id}|KH]] and [[highlight:${convoy.id}|the convoy]]\n\nفقرة عربية` });
  await app.call('notes.create', { title: 'Follow-up', body: `See [[note:${note.id}|Memo]]` });
  await showNotes(ui);
  await ui.getByRole('navigation', { name: 'Notes' }).getByRole('button', { name: /^Memo/ }).click();
  const serious = async () =>
    (await new AxeBuilder({ page: ui }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()).violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  for (const colorScheme of ['light', 'dark'] as const) {
    await ui.emulateMedia({ colorScheme });
    await ui.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(ui.getByRole('region', { name: 'Linked from notes' }).getByRole('button', { name: 'Follow-up' })).toBeVisible();
    expect(await serious()).toEqual([]);
    await ui.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(ui.getByRole('textbox', { name: 'Note text' })).toBeVisible();
    expect(await serious()).toEqual([]);
  }
});
