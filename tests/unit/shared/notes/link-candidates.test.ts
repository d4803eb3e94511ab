import { describe, expect, it } from 'vitest';
import { createLinkMatcher, type LinkCandidate } from '../../../../shared/notes/link-candidates';

const candidates: LinkCandidate[] = [
  { kind: 'note', id: 'note-00001', label: 'Kataib memo', names: ['Kataib memo'] },
  { kind: 'document', id: 'document-01', label: 'Report on Kataib Hezbollah', names: ['Report on Kataib Hezbollah'] },
  { kind: 'actor', id: 'actor-0001', label: "Kata'ib Hezbollah", names: ["Kata'ib Hezbollah", 'كتائب حزب الله', 'KH'] },
  { kind: 'actor', id: 'actor-0002', label: 'Qāʾānī', names: ['Qāʾānī', 'Esmail Qaani'] },
  { kind: 'event', id: 'event-0001', label: 'Strike near al-Qaim', names: ['Strike near al-Qaim'], detail: '2024-02-07' },
];
const match = createLinkMatcher(candidates);
const ids = (query: string) => match(query).map((ranked) => ranked.candidate.id);

describe('createLinkMatcher', () => {
  it('matches names and aliases ignoring case, apostrophes and diacritics', () => {
    expect(ids('kataib')[0]).toBe('actor-0001');
    expect(ids('qaani')).toEqual(['actor-0002']);
    expect(match('kh')[0]).toMatchObject({ candidate: { id: 'actor-0001' }, matched: 'KH' });
  });

  it('matches Arabic aliases whatever the alef and hamza forms typed', () => {
    expect(match('كتايب')[0]).toMatchObject({ candidate: { id: 'actor-0001' }, matched: 'كتائب حزب الله' });
  });

  it('puts better matches first, and among equal matches actors before documents and notes', () => {
    expect(ids('kataib')).toEqual(['actor-0001', 'note-00001', 'document-01']);
    expect(ids('strike')).toEqual(['event-0001']);
    expect(ids('')).toEqual([]);
  });
});
