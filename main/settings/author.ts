import os from 'node:os';
import type { SettingsStore } from './settings-store';

/** Who is writing: the display name the user set, or their login name until they set one. */
export function currentAuthor(settings: SettingsStore): string {
  return settings.get().authorName || os.userInfo().username;
}
