import { useCallback, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import { useApiResult } from '../api/useApiResult';
import { EventForm } from './EventForm';

/** "New event" on the Events list: the full form, then the new event's page. */
export function NewEvent({ api, onCreated, onError }: { api: FieldbookApi; onCreated(id: string): void; onError(error: unknown): void }) {
  const [open, setOpen] = useState(false);
  const loadTypes = useCallback(() => api.call('events.types', {}), [api]);
  const { data: types = [] } = useApiResult(api, loadTypes, onError, []);
  if (!open) {
    return (
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          New event
        </button>
      </div>
    );
  }
  return <EventForm api={api} types={types} onSaved={(event) => onCreated(event.id)} onCancel={() => setOpen(false)} onError={onError} />;
}
