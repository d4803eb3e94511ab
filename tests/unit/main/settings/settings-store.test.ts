import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../../main/bus/event-bus';
import { SettingsStore } from '../../../../main/settings/settings-store';
import { makeTempDir } from '../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.remove());

describe('settings store', () => {
  it('starts from defaults and persists changes', async () => {
    const store = await SettingsStore.open(temp.dir, new EventBus());
    expect(store.get()).toEqual({ theme: 'system', authorName: '' });
    await store.update({ authorName: '  Zainab  ' });
    const reopened = await SettingsStore.open(temp.dir, new EventBus());
    expect(reopened.get()).toEqual({ theme: 'system', authorName: 'Zainab' });
  });

  it('writes concurrent changes in order, keeping all of them', async () => {
    const store = await SettingsStore.open(temp.dir, new EventBus());
    await Promise.all([store.update({ theme: 'dark' }), store.update({ authorName: 'A' }), store.update({ authorName: 'B' })]);
    const onDisk = JSON.parse(await readFile(path.join(temp.dir, 'settings.json'), 'utf8')) as unknown;
    expect(onDisk).toEqual({ theme: 'dark', authorName: 'B' });
  });

  it('announces each change', async () => {
    const events = new EventBus();
    const seen: unknown[] = [];
    events.subscribe((event, payload) => seen.push([event, payload]));
    const store = await SettingsStore.open(temp.dir, events);
    await store.update({ theme: 'light' });
    expect(seen).toEqual([['settings.changed', { theme: 'light', authorName: '' }]]);
  });

  it('refuses a damaged settings file instead of silently resetting it', async () => {
    await writeFile(path.join(temp.dir, 'settings.json'), '{not json');
    await expect(SettingsStore.open(temp.dir, new EventBus())).rejects.toMatchObject({ code: 'NOTEBOOK_INVALID' });
  });
});
