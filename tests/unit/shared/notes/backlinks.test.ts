import { describe, expect, it } from 'vitest';
import { backlinkExcerpt, plainStart } from '../../../../shared/notes/backlinks';

const highlightId = 'afc94f2e-0a6b-4c1b-9b1e-3f1c2d4e5f60';
const eventId = '6d0f8c2a-1b3c-4d5e-8f90-a1b2c3d4e5f6';
const citation = `[[highlight:${highlightId}|the subsequent investigation found no evidence of foreign involvement in the attack]]`;

describe('plain text of notes', () => {
  it('never cuts a link in two around a backlink: the neighbouring link shows whole, by its label', () => {
    const body = `${'Context. '.repeat(4)}${citation} and later [[event:${eventId}|the drone attack]] followed.`;
    const excerpt = backlinkExcerpt(body, { kind: 'event', id: eventId });
    expect(excerpt).toContain('the subsequent investigation found no evidence');
    expect(excerpt).toContain('the drone attack followed.');
    // No piece of link code: brackets, the label's bar, or any of the id.
    expect(excerpt).not.toMatch(/\[\[|\]\]|\||5f60/);
  });

  it('shows the start of a note without a link cut short', () => {
    expect(plainStart(`See ${citation} today.`, 20)).toBe('See the subsequent investigation found no evidence of foreign involvement in the attack');
    expect(plainStart('Short note.', 200)).toBe('Short note.');
  });
});
