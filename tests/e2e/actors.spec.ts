import AxeBuilder from '@axe-core/playwright';
import { expect, test, type AppUnderTest } from './fixtures';
import { highlightWithKey, openDocument, paintedText, selectPhrase } from './reader-helpers';

/** A generated corpus: briefs that name two armed groups and a state in English and Arabic, with the usual spelling variants. */
async function addCorpus(app: AppUnderTest, documents: number): Promise<void> {
  const spellings = ['Kata’ib Hezbollah', 'KATAIB HEZBOLLAH', "Kata'ib Hezbollah", 'كتائب حزب الله'];
  for (let i = 0; i < documents; i++) {
    const text = [
      `Brief ${i}. ${spellings[i % spellings.length]} said its fighters left checkpoint ${i}.`,
      `United States officials met Asa'ib Ahl al-Haq mediators in week ${i}.`,
      i % 2 === 0 ? 'وقالت كتائب حزب الله إن الوضع هادئ.' : 'No group claimed the strike.',
    ].join('\n\n');
    await app.call('documents.create', { title: `Brief ${String(i).padStart(2, '0')}`, text });
  }
}

test('actors from the actor page, the mention finder tags all, an event with two actors and evidence shows on the timeline and in the network', async ({ app }) => {
  // A long walk through four views, on a machine that may be busy.
  test.slow();
  const { page } = app;
  await addCorpus(app, 12);
  await app.call('actors.create', { name: "Kata'ib Hezbollah", kind: 'armed-group' });
  const library = page.getByRole('navigation', { name: 'Library' });

  // Aliases in two scripts, added on the actor page.
  await library.getByRole('button', { name: /^Actors/ }).click();
  await page.getByRole('button', { name: "Kata'ib Hezbollah" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Kata'ib Hezbollah" })).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Other names and spellings, one a line').fill('Kataib Hizballah\nكتائب حزب الله');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.alias-list li')).toHaveText(['Kataib Hizballah', 'كتائب حزب الله']);

  // The mention finder over the corpus: every spelling, in both scripts; tag all in one action.
  await library.getByRole('button', { name: /^Mentions/ }).click();
  await page.getByRole('button', { name: 'Find untagged mentions' }).click();
  await expect(page.getByText('18 untagged mentions in 12 of 12 documents.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Brief 01' }).locator('mark')).toHaveText(['KATAIB HEZBOLLAH']);
  await expect(page.getByRole('region', { name: 'Brief 02' }).locator('mark')).toHaveText(["Kata'ib Hezbollah", 'كتائب حزب الله']);
  await page.getByRole('button', { name: 'Tag all 18' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tagged 18 mentions.' })).toBeVisible();
  await expect(page.getByText('No untagged mentions in 12 documents.')).toBeVisible();

  // An event with two actors, one picked by a folded name, one created from the picker, and a passage as evidence.
  await library.getByRole('button', { name: /^Timeline/ }).click();
  await page.getByRole('button', { name: 'New event' }).click();
  const form = page.getByRole('form', { name: 'New event' });
  await form.getByLabel('Title').fill('Drone strike near checkpoint 2');
  await form.getByLabel(/^Date/).fill('2024-02-07');
  await form.getByLabel('Type').selectOption('Explosions/Remote violence');
  const picker = form.getByRole('combobox', { name: 'Add an actor' });
  await picker.fill('kataib');
  await form.getByRole('option', { name: /Kata'ib Hezbollah/ }).click();
  await form.getByLabel("Role of Kata'ib Hezbollah").fill('target');
  await picker.fill('United States');
  await form.getByRole('option', { name: 'New actor “United States”' }).click();
  await form.getByLabel('Role of United States').fill('perpetrator');
  await form.getByRole('checkbox', { name: "“Kata'ib Hezbollah”", exact: true }).first().check();
  await form.getByRole('button', { name: 'Save event' }).click();

  const timeline = page.getByRole('list', { name: 'Events by date' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await expect(timeline).toContainText('7 Feb 2024');
  await expect(timeline).toContainText('day');
  const details = page.getByRole('article', { name: 'Drone strike near checkpoint 2' });
  await expect(details).toContainText('Kata\'ib Hezbollah — target');
  await expect(details).toContainText('United States — perpetrator');
  await expect(details.locator('blockquote')).toHaveText(["Kata'ib Hezbollah"]);

  // The network links the two actors by the event (and the passages tagged with both, none here).
  await library.getByRole('button', { name: /^Network/ }).click();
  await expect(page.getByText('2 actors, 1 link')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'United States' });
  await expect(row.getByRole('cell')).toHaveText([/Kata'ib Hezbollah – United States|United States – Kata'ib Hezbollah/, '1', '0']);
  await expect(page.locator('.network-canvas canvas').first()).toBeVisible();
  // Only the time of the event: a range without it leaves no actor.
  await page.getByLabel('From').fill('2025');
  await page.getByRole('button', { name: 'Apply dates' }).click();
  await expect(page.getByText(/No actor takes part .* in this time range/)).toBeVisible();
});

test('merges two spellings of one actor from its page, then undoes the merge', async ({ app }) => {
  const { page } = app;
  await addCorpus(app, 2);
  const survivor = await app.call('actors.create', { name: "Asa'ib Ahl al-Haq", kind: 'armed-group', aliases: ['AAH'] });
  const loser = await app.call('actors.create', { name: 'Asaib Ahl al Haq', kind: 'armed-group', aliases: ['عصائب أهل الحق'] });
  const [first] = await app.call('documents.list', {});
  await app.call('highlights.create', { documentId: first?.id ?? '', anchor: { quote: 'mediators in week' }, actorIds: [loser.id] });
  const found = await app.call('mentions.find', { actorId: survivor.id });
  await app.call('mentions.tag', { mentions: found.mentions.map(({ actorId, documentId, start, end }) => ({ actorId, documentId, start, end })) });
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: /^Actors/ }).click();
  await page.getByRole('button', { name: "Asa'ib Ahl al-Haq" }).click();
  const passages = page.getByRole('region', { name: 'Tagged passages' }).locator('blockquote');
  await expect(passages).toHaveCount(2);

  // Found by its Arabic alias typed with a bare ya for the hamza seat.
  await page.getByRole('combobox', { name: 'Actor to merge into this one' }).fill('عصايب');
  await page.getByRole('option', { name: /Asaib Ahl al Haq/ }).click();
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  // The loser's name folds to the survivor's, so only its Arabic alias is new.
  await expect(page.locator('.alias-list li')).toHaveText(['AAH', 'عصائب أهل الحق']);
  await expect(passages).toHaveCount(3);
  expect((await app.call('actors.list', {})).map((actor) => actor.id)).toEqual([survivor.id]);

  await page.getByRole('button', { name: 'Undo merge of “Asaib Ahl al Haq”' }).click();
  await expect(page.locator('.alias-list li')).toHaveText(['AAH']);
  await expect(passages).toHaveCount(2);
  await expect(page.getByText('(undone)')).toBeVisible();
  expect((await app.call('actors.list', {})).map((actor) => actor.name).sort()).toEqual(["Asa'ib Ahl al-Haq", 'Asaib Ahl al Haq'].sort());
});

test('names a new actor after a tagged passage, gives it an Arabic alias, and finds it by a variant spelling', async ({ app }) => {
  const { page } = app;
  const document = await app.call('documents.create', { title: 'Badr brief', text: 'Hadi al-Amiri, who leads the Badr Organization, met the prime minister.' });
  const amiri = await app.call('actors.create', { name: 'Hadi al-Amiri', kind: 'person' });
  await app.call('highlights.create', { documentId: document.id, anchor: { quote: 'Badr Organization' }, actorIds: [amiri.id] });
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: /^Actors/ }).click();
  await page.getByRole('button', { name: 'Hadi al-Amiri' }).click();

  // The picker starts from the passage: one step makes it an actor, tagged on the same passage.
  await page.getByText('Tag', { exact: true }).click();
  await page.getByRole('option', { name: 'New actor “Badr Organization”' }).click();
  await expect(page.getByRole('list', { name: 'Tagged with' }).getByRole('listitem')).toHaveText([/Hadi al-Amiri/, /Badr Organization/]);
  await page.getByRole('region', { name: 'Often tagged with' }).getByRole('button', { name: 'Badr Organization' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Badr Organization' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Kind').selectOption('armed-group');
  await page.getByLabel('Other names and spellings, one a line').fill('منظمة بدر\nBadr Brigades');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.alias-list li')).toHaveText(['منظمة بدر', 'Badr Brigades']);

  // The picker finds it by its Arabic alias typed with ha for the ta marbuta.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Hadi al-Amiri' }).click();
  const picker = page.getByRole('combobox', { name: 'Actor to merge into this one' });
  await picker.fill('منظمه');
  await expect(page.getByRole('option', { name: /Badr Organization/ })).toBeVisible();
});

test('creates an event from the quick picker of a highlighted passage, which becomes its evidence on the timeline', async ({ app }) => {
  test.slow();
  const { page } = app;
  await app.call('documents.create', { title: 'Strike report', text: 'On 7 February a drone strike hit a car near al-Qaim. Kata’ib Hezbollah blamed the United States and called a rally.' });
  await app.call('events.create', { title: "Kata'ib Hezbollah rally", date: { precision: 'month', start: '2024-02' } });
  await openDocument(page, 'Strike report');
  await selectPhrase(page, 'a drone strike hit a car near al-Qaim');
  await highlightWithKey(page);

  // The picker starts from the passage; "New event" opens a small form with it as the title and the date field focused.
  const card = page.locator('.highlight-card').filter({ hasText: 'a drone strike hit a car near al-Qaim' });
  const picker = card.getByRole('combobox', { name: 'Tag with an actor or event' });
  await expect(picker).toHaveValue('a drone strike hit a car near al-Qaim');
  await card.getByRole('option', { name: 'New event “a drone strike hit a car near al-Qaim”' }).click();
  const form = card.getByRole('form', { name: 'New event from this passage' });
  await expect(form.getByLabel('Title')).toHaveValue('a drone strike hit a car near al-Qaim');
  await expect(form.getByLabel('Date')).toBeFocused();
  await form.getByLabel('Type').selectOption('Explosions/Remote violence');
  const audit = await new AxeBuilder({ page }).include('.highlight-card').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // A date that is no day is refused in place; Enter creates once it is right.
  await form.getByLabel('Date').fill('2024-02-30');
  await form.getByLabel('Date').press('Enter');
  await expect(form.getByRole('alert')).toContainText('2024-02-30');
  await form.getByLabel('Title').fill('Drone strike near al-Qaim');
  await form.getByLabel('Date').fill('2024-02-07');
  await form.getByLabel('Date').press('Enter');
  await expect(form).toBeHidden();
  await expect(card.getByRole('list', { name: 'Tagged with' }).getByRole('listitem')).toHaveText([/Drone strike near al-Qaim/]);
  await expect(picker).toBeFocused();

  // Escape closes the form without creating anything; existing events are found by a folded title.
  await picker.fill('Ceasefire');
  await picker.press('ArrowDown');
  await picker.press('Enter');
  await expect(form.getByLabel('Title')).toHaveValue('Ceasefire');
  await form.getByLabel('Date').press('Escape');
  await expect(form).toBeHidden();
  await expect(picker).toBeFocused();
  await picker.fill('kataib hezbollah RALLY');
  await expect(card.getByRole('option', { name: /Kata'ib Hezbollah rally \(event\)/ })).toBeVisible();
  expect((await app.call('events.list', {})).map((event) => event.title).sort()).toEqual(['Drone strike near al-Qaim', "Kata'ib Hezbollah rally"]);

  // On the timeline, at its date, with the passage as its evidence.
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Timeline/ }).click();
  const timeline = page.getByRole('list', { name: 'Events by date' });
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await timeline.getByRole('button', { name: 'Drone strike near al-Qaim' }).click();
  const details = page.getByRole('article', { name: 'Drone strike near al-Qaim' });
  await expect(details).toContainText('7 Feb 2024');
  await expect(details).toContainText('Explosions/Remote violence');
  await expect(details.locator('blockquote')).toHaveText(['a drone strike hit a car near al-Qaim']);
});

test('the open reader shows highlights tagged and deleted elsewhere at once, and keeps the open card as it was', async ({ app }) => {
  const { page } = app;
  const text = 'Hadi al-Amiri, who leads the Badr Organization, met the prime minister. A spokesman for the Badr Organization denied it.';
  const document = await app.call('documents.create', { title: 'Baghdad meeting', text });
  const amiri = await app.call('actors.create', { name: 'Hadi al-Amiri', kind: 'person' });
  const badr = await app.call('actors.create', { name: 'Badr Organization', kind: 'armed-group' });
  await openDocument(page, 'Baghdad meeting');
  await selectPhrase(page, 'met the prime minister');
  await highlightWithKey(page);
  const sidebar = page.locator('.highlight-sidebar');
  const card = sidebar.locator('.highlight-card').filter({ hasText: 'met the prime minister' });
  const cardQuote = card.getByRole('button', { name: /met the prime minister/ });
  await expect(cardQuote).toHaveAttribute('aria-expanded', 'true');
  // A comment being written, not saved yet: a reload must not take it away.
  await card.getByLabel('Comment').fill('Who else was there?');

  // The mention finder tags both mentions from outside the reader: they show, listed and painted, without reopening.
  const found = await app.call('mentions.find', { actorId: badr.id });
  expect(found.mentions).toHaveLength(2);
  await app.call('mentions.tag', { mentions: found.mentions.map(({ actorId, documentId, start, end }) => ({ actorId, documentId, start, end })) });
  await expect(sidebar.locator('.highlight-card')).toHaveCount(3);
  await expect(sidebar.locator('.highlight-quote')).toHaveText(['Badr Organization', 'met the prime minister', 'Badr Organization']);
  await expect.poll(async () => Object.values(await paintedText(page)).flat().sort()).toEqual(['Badr Organization', 'Badr Organization', 'met the prime minister']);
  await expect(cardQuote).toHaveAttribute('aria-expanded', 'true');
  await expect(card.getByLabel('Comment')).toHaveValue('Who else was there?');

  // Tagged elsewhere (another window, the actor page): the open card shows it; tagged from its own picker: at once, beside it.
  const [opened] = (await app.call('highlights.list', { documentId: document.id })).filter((highlight) => highlight.target.quote.exact === 'met the prime minister');
  await app.call('highlights.update', { id: opened?.id ?? '', patch: { actorIds: [amiri.id] } });
  const tagged = card.getByRole('list', { name: 'Tagged with' }).getByRole('listitem');
  await expect(tagged).toHaveText([/Hadi al-Amiri/]);
  const picker = card.getByRole('combobox', { name: 'Tag with an actor or event' });
  await picker.fill('Badr Organization');
  await card.getByRole('option', { name: 'Badr Organization (actor)' }).click();
  await expect(tagged).toHaveText([/Hadi al-Amiri/, /Badr Organization/]);
  await expect(card.getByLabel('Comment')).toHaveValue('Who else was there?');
  const stored = await app.call('highlights.list', { documentId: document.id });
  expect(stored.find((highlight) => highlight.id === opened?.id)?.actorIds).toEqual([amiri.id, badr.id]);

  // Deleted elsewhere: gone from the list and the text.
  const firstMention = stored.find((highlight) => highlight.target.position.start === text.indexOf('Badr Organization'));
  await app.call('highlights.delete', { id: firstMention?.id ?? '' });
  await expect(sidebar.locator('.highlight-quote')).toHaveText(['met the prime minister', 'Badr Organization']);
  await expect.poll(async () => Object.values(await paintedText(page)).flat().sort()).toEqual(['Badr Organization', 'met the prime minister']);
  await expect(cardQuote).toHaveAttribute('aria-expanded', 'true');
});

test('the actor page, timeline, network and mentions have no serious or critical accessibility violations', async ({ app }) => {
  test.slow();
  const { page } = app;
  await addCorpus(app, 2);
  const kh = await app.call('actors.create', { name: "Kata'ib Hezbollah", kind: 'armed-group', aliases: ['كتائب حزب الله'] });
  const us = await app.call('actors.create', { name: 'United States', kind: 'state' });
  await app.call('events.create', { title: 'Strike', date: { precision: 'month', start: '2024-02' }, participants: [{ actorId: kh.id, role: 'target' }, { actorId: us.id, role: 'perpetrator' }] });
  const library = page.getByRole('navigation', { name: 'Library' });
  const serious: string[] = [];
  const check = async (view: string) => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    serious.push(...results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${view}: ${v.id} ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`));
  };
  await library.getByRole('button', { name: /^Timeline/ }).click();
  await page.getByRole('button', { name: 'Strike' }).click();
  await expect(page.getByRole('article', { name: 'Strike' })).toBeVisible();
  await check('Timeline');
  await library.getByRole('button', { name: /^Network/ }).click();
  await expect(page.locator('.network-canvas canvas').first()).toBeVisible();
  await check('Network');
  await library.getByRole('button', { name: /^Mentions/ }).click();
  await page.getByRole('button', { name: 'Find untagged mentions' }).click();
  await expect(page.locator('mark').first()).toBeVisible();
  await check('Mentions');
  await library.getByRole('button', { name: /^Actors/ }).click();
  await page.getByRole('button', { name: "Kata'ib Hezbollah" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Kata'ib Hezbollah" })).toBeVisible();
  await check('Actor page');
  expect(serious).toEqual([]);
});
