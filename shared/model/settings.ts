import { z } from 'zod';

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** Per-user preferences, kept outside any notebook so they follow the person, not the file. */
export const Settings = z.object({
  theme: Theme,
  /** Shown beside everything this person writes; exchanged with notebooks. */
  authorName: z.string().trim().max(120),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = { theme: 'system', authorName: '' };
