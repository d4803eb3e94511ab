import { expect, test } from './fixtures';

test('backlinks and search snippets show links by their labels, never as link code', async ({ app }) => {
  const { page: ui } = app;
  const doc = await app.call('documents.create', { title: 'Baghdad brief', text: 'The subsequent investigation found no evidence of foreign involvement in the attack.' });
  const passage = await app.call('highlights.create', { documentId: doc.id, anchor: { quote: 'The subsequent investigation found no evidence of foreign involvement in the attack' }, color: 'yellow' });
  const event = await app.call('events.create', { title: 'Drone attack on the residence', date: { precision: 'day', start: '2021-11-07' } });
  await app.call('notes.create', {
    title: 'Attribution',
    body: `Context first. [[highlight:${passage.id}|The subsequent investigation found no evidence of foreign involvement in the attack]] and so [[event:${event.id}|the drone attack]] stays unclaimed.`,
  });

  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Events/ }).click();
  await ui.getByRole('main').getByRole('button', { name: event.title }).click();
  const backlinks = ui.getByRole('region', { name: 'Notes linking to this event' });
  await expect(backlinks).toContainText('the drone attack stays unclaimed.');
  await expect(backlinks).toContainText('foreign involvement in the attack');
  await expect(backlinks).not.toContainText('[[');
  await expect(backlinks).not.toContainText(passage.id.slice(-6));

  await ui.getByRole('searchbox').fill('unclaimed');
  const hit = ui.getByRole('listbox', { name: 'Search results' }).getByRole('group', { name: 'Attribution' });
  await expect(hit).toContainText('the drone attack stays unclaimed.');
  await expect(hit).not.toContainText('[[');
});
