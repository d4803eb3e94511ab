import { ApiError } from '../../shared/api/errors';
import type { DocumentRecord, EventRecord, HighlightRecord } from '../../shared/model/records';
import { citationParts } from './citation';
import type { RecordSet } from './record-set';

export type ReportSubject = { kind: 'document' | 'actor' | 'event'; id: string };

/** Escape text so Markdown shows it as written: no emphasis, links or HTML smuggled in from a source. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&').replace(/^(\s*)([-=]|\d+\.)/gm, '$1\\$2');
}

function blockquote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdown(line)}`.trimEnd())
    .join('\n');
}

function citation(document: DocumentRecord): string {
  const { title, authors, date, url } = citationParts(document);
  const link = url && /^https?:\/\//i.test(url) ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : url ? escapeMarkdown(url) : undefined;
  return ['*' + escapeMarkdown(title) + '*', authors ? escapeMarkdown(authors) : undefined, date ? escapeMarkdown(date) : undefined, link].filter(Boolean).join(', ');
}

/**
 * A Markdown report of a document, an actor or an event: its facts, then
 * every passage of evidence quoted with its citation (title, author, date,
 * URL). Deleted records are left out. Notes are Markdown already and are
 * included as they were written.
 */
export function markdownReport(records: RecordSet, subject: ReportSubject): string {
  const live = <T extends { deletedAt?: string | undefined }>(list: T[]) => list.filter((record) => !record.deletedAt);
  const documents = new Map(live(records.documents).map((document) => [document.id, document]));
  const actors = new Map(live(records.actors).map((actor) => [actor.id, actor]));
  const events = new Map(live(records.events).map((event) => [event.id, event]));
  const highlights = live(records.highlights).filter((highlight) => documents.has(highlight.documentId));
  const names = (ids: string[], from: Map<string, { name?: string; title?: string }>) =>
    ids.map((id) => from.get(id)).filter((record) => record !== undefined).map((record) => escapeMarkdown(record.name ?? record.title ?? ''));

  const passage = (highlight: HighlightRecord, withCitation: boolean): string => {
    const lines = [blockquote(highlight.target.quote.exact)];
    if (withCitation) lines.push(`— ${citation(documents.get(highlight.documentId) as DocumentRecord)}${highlight.target.page !== undefined ? `, p. ${highlight.target.page + 1}` : ''}`);
    if (highlight.comment) lines.push('', escapeMarkdown(highlight.comment));
    const links = [...names(highlight.actorIds, actors), ...names(highlight.eventIds, events)];
    lines.push('', `*Highlighted by ${escapeMarkdown(highlight.author)}, ${highlight.createdAt.slice(0, 10)}${links.length > 0 ? `; about ${links.join(', ')}` : ''}.*`);
    return lines.join('\n');
  };
  const notesOn = (kind: ReportSubject['kind'], id: string) =>
    live(records.notes)
      .filter((note) => note.attachedTo?.kind === kind && note.attachedTo.id === id)
      .map((note) => `### ${escapeMarkdown(note.title || 'Note')}\n\n${note.body}\n\n*${escapeMarkdown(note.author)}, ${note.updatedAt.slice(0, 10)}*`);
  const section = (title: string, parts: string[]) => (parts.length > 0 ? [`## ${title}`, ...parts] : []);

  if (subject.kind === 'document') {
    const document = documents.get(subject.id) ?? missing('document', subject.id);
    const passages = highlights.filter((highlight) => highlight.documentId === document.id).sort((a, b) => a.target.position.start - b.target.position.start);
    return join([`# ${escapeMarkdown(document.title)}`, citation(document), ...section(`Highlights (${passages.length})`, passages.map((highlight) => passage(highlight, false))), ...section('Linked notes', notesOn('document', document.id))]);
  }
  if (subject.kind === 'actor') {
    const actor = actors.get(subject.id) ?? missing('actor', subject.id);
    const evidence = highlights.filter((highlight) => highlight.actorIds.includes(actor.id));
    const involved = [...events.values()].filter((event) => event.participants.some((participant) => participant.actorId === actor.id)).sort(byDate);
    return join([
      `# ${escapeMarkdown(actor.name)}`,
      [`*${actor.kind}*`, actor.aliases.length > 0 ? `Also written: ${actor.aliases.map(escapeMarkdown).join(', ')}` : ''].filter(Boolean).join(' · '),
      ...(actor.description ? [escapeMarkdown(actor.description)] : []),
      ...section(
        'Events',
        involved.map((event) => `- ${eventDate(event)}: ${escapeMarkdown(event.title)} (${escapeMarkdown(event.participants.filter((p) => p.actorId === actor.id).map((p) => p.role).filter(Boolean).join(', ') || 'participant')})`),
      ),
      ...section(`Evidence (${evidence.length})`, evidence.map((highlight) => passage(highlight, true))),
      ...section('Linked notes', notesOn('actor', actor.id)),
    ]);
  }
  const event = events.get(subject.id) ?? missing('event', subject.id);
  const evidence = event.evidence.map((id) => highlights.find((highlight) => highlight.id === id)).filter((highlight) => highlight !== undefined);
  const facts = [
    `**Date:** ${eventDate(event)} (${event.date.precision})`,
    event.location ? `**Location:** ${escapeMarkdown(event.location)}` : '',
    event.type ? `**Type:** ${escapeMarkdown(event.type)}` : '',
    event.fatalities ? `**Fatalities:** ${event.fatalities.count}${event.fatalities.source ? ` (${escapeMarkdown(event.fatalities.source)})` : ''}` : '',
    event.injuries ? `**Injuries:** ${event.injuries.count}${event.injuries.source ? ` (${escapeMarkdown(event.injuries.source)})` : ''}` : '',
  ].filter(Boolean);
  return join([
    `# ${escapeMarkdown(event.title)}`,
    facts.join('  \n'),
    ...section('Participants', event.participants.map((participant) => `- ${escapeMarkdown(actors.get(participant.actorId)?.name ?? participant.actorId)}${participant.role ? ` (${escapeMarkdown(participant.role)})` : ''}`)),
    ...(event.notes ? ['## Notes', escapeMarkdown(event.notes)] : []),
    ...section(`Evidence (${evidence.length})`, evidence.map((highlight) => passage(highlight, true))),
    ...section('Linked notes', notesOn('event', event.id)),
  ]);
}

function eventDate(event: EventRecord): string {
  return event.date.end ? `${event.date.start} to ${event.date.end}` : event.date.start;
}

function byDate(a: EventRecord, b: EventRecord): number {
  return a.date.start.localeCompare(b.date.start);
}

function join(blocks: string[]): string {
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

function missing(kind: string, id: string): never {
  throw new ApiError('NOT_FOUND', `There is no ${kind} with id ${id}.`);
}
