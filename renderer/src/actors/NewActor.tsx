import { useId, useState, type FormEvent } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import { ActorKind, type ActorRecord } from '../../../shared/model/records';
import { errorMessage } from '../forms/error-message';
import './actors.css';

/** "New actor" on the Actors list: a name and a kind, then the new actor's page (aliases and the rest are edited there). */
export function NewActor({ api, onCreated }: { api: FieldbookApi; onCreated(id: string): void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ActorRecord['kind']>('person');
  const [problem, setProblem] = useState('');
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onCreated((await api.call('actors.create', { name: name.trim(), kind })).id);
    } catch (error) {
      setProblem(`Not saved: ${errorMessage(error)}`);
    }
  };

  if (!open) {
    return (
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          New actor
        </button>
      </div>
    );
  }
  return (
    <form className="record-form" aria-label="New actor" onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-name`}>Name</label>
      {/* The form opens at a click on "New actor": the name is what comes next. */}
      <input id={`${id}-name`} type="text" dir="auto" required autoFocus value={name} onChange={(event) => setName(event.target.value)} />
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(ActorKind.parse(event.target.value))}>
        {ActorKind.options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          Create actor
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
