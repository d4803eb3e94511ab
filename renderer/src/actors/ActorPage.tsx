import { AttachedNotes } from '../notes/AttachedNotes';
import { Backlinks } from '../notes/Backlinks';
import { useCallback, useState, type FormEvent } from 'react';
import { formatEventDate } from '../../../shared/timeline/event-date';
import type { ActorMerge } from '../../../shared/actors/merge';
import type { FieldbookApi } from '../../../shared/api/contract';
import { ActorKind, type ActorRecord } from '../../../shared/model/records';
import { highlightRange, type TextRange } from '../navigation/text-range';
import { ActorTagger } from './ActorTagger';
import { MentionsPanel } from './MentionsPanel';
import { useNames } from './MentionsView';
import { QuickPicker } from './QuickPicker';
import { useApiResult } from '../api/useApiResult';
import './actors.css';

interface ActorPageProps {
  api: FieldbookApi;
  actorId: string;
  onOpenActor(id: string): void;
  onOpenDocument(documentId: string, range?: TextRange): void;
  onBack(): void;
  onOpenNote(noteId: string): void;
  onError(error: unknown): void;
}

const actorNames = (actor: ActorRecord) => [actor.name, ...actor.aliases];

/** One actor: its names, description and links, every passage tagged with it, its events, who it appears with; edit, merge, find mentions. */
export function ActorPage({ api, actorId, onOpenActor, onOpenDocument, onBack, onOpenNote, onError }: ActorPageProps) {
  const loadProfile = useCallback(() => api.call('actors.profile', { id: actorId }), [api, actorId]);
  const { data: profile } = useApiResult(api, loadProfile, onError, ['actors', 'highlights', 'events', 'documents']);
  const loadOthers = useCallback(async () => (await api.call('actors.list', {})).filter((actor) => actor.id !== actorId), [api, actorId]);
  const { data: others = [] } = useApiResult(api, loadOthers, onError, ['actors']);
  const loadMerges = useCallback(async () => (await api.call('actors.merges', {})).filter((merge) => merge.survivorId === actorId), [api, actorId]);
  const { data: merges = [], reload: reloadMerges } = useApiResult(api, loadMerges, onError, ['actors']);
  const names = useNames(api, onError);
  const [editing, setEditing] = useState(false);
  const [mergeCandidate, setMergeCandidate] = useState<ActorRecord>();

  if (!profile) return <p role="status">Loading actor…</p>;
  const { actor } = profile;

  const merge = async (loser: ActorRecord) => {
    setMergeCandidate(undefined);
    try {
      await api.call('actors.merge', { survivorId: actor.id, loserId: loser.id });
      reloadMerges();
    } catch (error) {
      onError(error);
    }
  };
  const undo = async (merge: ActorMerge) => {
    try {
      await api.call('actors.unmerge', { mergeId: merge.id });
      reloadMerges();
    } catch (error) {
      onError(error);
    }
  };
  const remove = async () => {
    try {
      await api.call('actors.delete', { id: actor.id });
      onBack();
    } catch (error) {
      onError(error);
    }
  };

  return (
    <article className="actor-page library-view" aria-labelledby="view-title">
      <header className="view-header">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <h1 id="view-title" dir="auto">
          {actor.name}
        </h1>
        <span className="kind-badge">{actor.kind}</span>
        {actor.deletedAt && <span className="kind-badge">deleted</span>}
        {!actor.deletedAt && (
          <div className="toolbar">
            <button type="button" onClick={() => setEditing((value) => !value)} aria-expanded={editing}>
              Edit
            </button>
            <button type="button" onClick={() => void remove()}>
              Delete
            </button>
          </div>
        )}
      </header>

      {editing && (
        <ActorEditor
          actor={actor}
          onSave={async (patch) => {
            try {
              await api.call('actors.update', { id: actor.id, patch });
              setEditing(false);
            } catch (error) {
              onError(error);
            }
          }}
        />
      )}

      <section aria-labelledby="names-heading">
        <h2 id="names-heading">Names and aliases</h2>
        {actor.aliases.length === 0 ? (
          <p className="view-meta">No other names yet.</p>
        ) : (
          <ul className="alias-list">
            {actor.aliases.map((alias) => (
              <li key={alias} dir="auto">
                {alias}
              </li>
            ))}
          </ul>
        )}
        {actor.description && (
          <p className="actor-description" dir="auto">
            {actor.description}
          </p>
        )}
        {profile.affiliations.length > 0 && (
          <ul className="link-list" aria-label="Affiliations">
            {profile.affiliations.map((link) => (
              <li key={`${link.actor.id}:${link.relation}`}>
                {link.relation && `${link.relation}: `}
                <button type="button" className="link-button" dir="auto" onClick={() => onOpenActor(link.actor.id)}>
                  {link.actor.name}
                </button>
                {link.deleted && ' (deleted)'}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="passages-heading">
        <h2 id="passages-heading">Tagged passages</h2>
        {profile.passages.length === 0 && <p className="view-meta">No passage is tagged with {actor.name} yet.</p>}
        {profile.passages.map(({ document, highlights }) => (
          <section key={document.id} className="passage-group" aria-label={document.title}>
            <h3 dir="auto">{document.title}</h3>
            <ul className="passage-list">
              {highlights.map((highlight) => (
                <li key={highlight.id}>
                  <blockquote dir="auto">{highlight.target.quote.exact}</blockquote>
                  <details className="passage-tagging">
                    <summary>Tag</summary>
                    <ActorTagger api={api} highlight={highlight} onError={onError} />
                  </details>
                  <button
                    type="button"
                    onClick={() => onOpenDocument(document.id, highlightRange(highlight.target))}
                  >
                    Open
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        {profile.events.length === 0 ? (
          <p className="view-meta">{actor.name} takes part in no recorded event.</p>
        ) : (
          <ul className="event-list">
            {profile.events.map(({ event, roles }) => (
              <li key={event.id}>
                <span className="event-date">{formatEventDate(event.date)}</span> <span dir="auto">{event.title}</span>
                {roles.some(Boolean) && <span className="view-meta"> — {roles.filter(Boolean).join(', ')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="cotagged-heading">
        <h2 id="cotagged-heading">Often tagged with</h2>
        {profile.coTagged.length === 0 ? (
          <p className="view-meta">No other actor shares a passage or an event with {actor.name}.</p>
        ) : (
          <ul className="link-list">
            {profile.coTagged.map(({ actor: other, passages, events }) => (
              <li key={other.id}>
                <button type="button" className="link-button" dir="auto" onClick={() => onOpenActor(other.id)}>
                  {other.name}
                </button>{' '}
                <span className="view-meta">
                  {passages} passage{passages === 1 ? '' : 's'}, {events} event{events === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {!actor.deletedAt && (
        <section aria-labelledby="merge-heading">
          <h2 id="merge-heading">Merge</h2>
          <p className="view-meta">Another actor that is the same as {actor.name}: its names, tagged passages, event roles and notes move here, and it is retired. A merge can be undone.</p>
          <QuickPicker label="Actor to merge into this one" items={others} namesOf={actorNames} describe={(other: ActorRecord) => `${other.name} (${other.kind})`} keyOf={(other) => other.id} onPick={(other) => setMergeCandidate(other)} placeholder="Find an actor by any name" />
          {mergeCandidate && (
            <p className="toolbar">
              <span dir="auto">
                Merge “{mergeCandidate.name}” into “{actor.name}”?
              </span>
              <button type="button" className="primary" onClick={() => void merge(mergeCandidate)}>
                Merge
              </button>
              <button type="button" onClick={() => setMergeCandidate(undefined)}>
                Cancel
              </button>
            </p>
          )}
          {merges.length > 0 && (
            <ul className="merge-list" aria-label="Merges into this actor">
              {merges.map((entry) => (
                <li key={entry.id}>
                  <span dir="auto">
                    “{entry.loserName}” merged {new Date(entry.mergedAt).toLocaleString()}
                  </span>
                  {entry.undoneAt ? (
                    <span className="view-meta"> (undone)</span>
                  ) : (
                    <button type="button" onClick={() => void undo(entry)}>
                      Undo merge of “{entry.loserName}”
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <AttachedNotes api={api} target={{ kind: 'actor', id: actor.id }} onOpen={onOpenNote} onError={onError} />
      <Backlinks api={api} target={{ kind: 'actor', id: actor.id }} heading="Notes linking to this actor" onOpen={onOpenNote} onError={onError} />

      {!actor.deletedAt && <MentionsPanel api={api} actorId={actor.id} actorNames={names.actorNames} documentTitles={names.documentTitles} onOpenDocument={onOpenDocument} onError={onError} />}
    </article>
  );
}

interface ActorPatch {
  name: string;
  kind: ActorRecord['kind'];
  aliases: string[];
  description: string;
}

function ActorEditor({ actor, onSave }: { actor: ActorRecord; onSave(patch: ActorPatch): Promise<void> }) {
  const [name, setName] = useState(actor.name);
  const [kind, setKind] = useState(actor.kind);
  const [aliases, setAliases] = useState(actor.aliases.join('\n'));
  const [description, setDescription] = useState(actor.description);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave({ name: name.trim(), kind, aliases: [...new Set(aliases.split('\n').map((alias) => alias.trim()).filter(Boolean))], description });
  };
  return (
    <form className="record-form" onSubmit={submit} aria-label="Edit actor">
      <label>
        Name
        <input type="text" dir="auto" required value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        Kind
        <select value={kind} onChange={(event) => setKind(ActorKind.parse(event.target.value))}>
          {ActorKind.options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      </label>
      <label>
        Other names and spellings, one a line
        <textarea dir="auto" rows={4} value={aliases} onChange={(event) => setAliases(event.target.value)} />
      </label>
      <label>
        Description
        <textarea dir="auto" rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <button type="submit" className="primary">
        Save
      </button>
    </form>
  );
}
