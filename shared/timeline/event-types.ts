import { z } from 'zod';

/** The editable list of event types a notebook offers; an event's type is free text, so a renamed type leaves old events readable. */
export const EventTypeList = z.array(z.string().trim().min(1).max(200)).max(200);
