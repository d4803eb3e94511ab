import { z } from 'zod';

export const HostKind = z.enum(['electron', 'browser']);
export type HostKind = z.infer<typeof HostKind>;

/** What the services know of the app, whichever host runs them. */
export const AppIdentity = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKind,
  platform: z.string(),
});
export type AppIdentity = z.infer<typeof AppIdentity>;

export const AppInfo = AppIdentity.extend({
  /** The host can ask the person for a folder with a dialog of its own (Electron); the browser host cannot, and opens another folder only when started on it. */
  canChooseFolder: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;
