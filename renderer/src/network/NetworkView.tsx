import { lazy, Suspense, useCallback, useState } from 'react';
import { partialDateSpan } from '../../../shared/timeline/event-date';
import type { LinkKind, NetworkFilter } from '../../../shared/actors/view-models';
import type { FieldbookApi } from '../../../shared/api/contract';
import { ActorKind } from '../../../shared/model/records';
import { useApiResult } from '../api/useApiResult';
import './network.css';

// Cytoscape is the largest library in the app: it loads when the network is first shown, not with the app.
const NetworkGraph = lazy(() => import('./NetworkGraph').then((module) => ({ default: module.NetworkGraph })));

interface NetworkViewProps {
  api: FieldbookApi;
  onOpenActor(id: string): void;
  onError(error: unknown): void;
}

const linkLabels: Readonly<Record<LinkKind, string>> = { events: 'shared events', passages: 'shared passages' };

/** Who appears with whom: actors linked by the events they share and the passages tagged with both, filtered by time and kind. */
export function NetworkView({ api, onOpenActor, onError }: NetworkViewProps) {
  const [filter, setFilter] = useState<NetworkFilter>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const load = useCallback(() => api.call('actors.network', filter), [api, filter]);
  const { data: network } = useApiResult(api, load, onError, ['actors', 'events', 'highlights', 'documents']);
  const names = new Map(network?.nodes.map((node) => [node.id, node.name]));
  const kinds = filter.kinds ?? ActorKind.options;
  const links = filter.links ?? (['events', 'passages'] as const);
  const badDate = [from, to].find((text) => text.trim() !== '' && partialDateSpan(text.trim()) === undefined);

  const toggle = <T extends string>(all: readonly T[], current: readonly T[], value: T, on: boolean): T[] | undefined => {
    const next = on ? [...current, value] : current.filter((item) => item !== value);
    return next.length === all.length ? undefined : next;
  };
  const applyDates = () => {
    if (badDate !== undefined) return;
    setFilter(({ from: _from, to: _to, ...rest }) => ({ ...rest, ...(from.trim() ? { from: from.trim() } : {}), ...(to.trim() ? { to: to.trim() } : {}) }));
  };

  return (
    <section className="library-view network-view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title">Network</h1>
        {network && (
          <p className="view-meta">
            {network.nodes.length} actor{network.nodes.length === 1 ? '' : 's'}, {network.edges.length} link{network.edges.length === 1 ? '' : 's'}
          </p>
        )}
      </header>
      <form
        className="toolbar network-filters"
        aria-label="Network filters"
        onSubmit={(event) => {
          event.preventDefault();
          applyDates();
        }}
      >
        <label>
          From <input type="text" size={10} placeholder="YYYY[-MM[-DD]]" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          To <input type="text" size={10} placeholder="YYYY[-MM[-DD]]" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <button type="submit">Apply dates</button>
        {badDate !== undefined && (
          <span className="form-error" role="alert">
            “{badDate}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.
          </span>
        )}
        <fieldset>
          <legend>Kinds</legend>
          {ActorKind.options.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={kinds.includes(kind)}
                onChange={(event) =>
                  setFilter(({ kinds: _kinds, ...rest }) => {
                    const next = toggle(ActorKind.options, kinds, kind, event.target.checked);
                    return next ? { ...rest, kinds: next } : rest;
                  })
                }
              />{' '}
              {kind}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Linked by</legend>
          {(['events', 'passages'] as const).map((link) => (
            <label key={link}>
              <input
                type="checkbox"
                checked={links.includes(link)}
                disabled={links.length === 1 && links.includes(link)}
                onChange={(event) =>
                  setFilter(({ links: _links, ...rest }) => {
                    const next = toggle(['events', 'passages'], links, link, event.target.checked);
                    return next ? { ...rest, links: next } : rest;
                  })
                }
              />{' '}
              {linkLabels[link]}
            </label>
          ))}
        </fieldset>
      </form>
      {!network ? (
        <p role="status">Loading the network…</p>
      ) : network.nodes.length === 0 ? (
        <p className="view-meta">No actor takes part in an event or is tagged on a passage{filter.from || filter.to ? ' in this time range' : ''} yet.</p>
      ) : (
        <>
          <Suspense fallback={<p role="status">Drawing the network…</p>}>
            <NetworkGraph network={network} onOpenActor={onOpenActor} />
          </Suspense>
          <table className="network-table">
            <caption>Links, strongest first</caption>
            <thead>
              <tr>
                <th scope="col">Actors</th>
                <th scope="col">Shared events</th>
                <th scope="col">Shared passages</th>
              </tr>
            </thead>
            <tbody>
              {[...network.edges]
                .sort((a, b) => b.events + b.passages - (a.events + a.passages))
                .map((edge) => (
                  <tr key={`${edge.source}~${edge.target}`}>
                    <td dir="auto">
                      <button type="button" className="link-button" onClick={() => onOpenActor(edge.source)}>
                        {names.get(edge.source)}
                      </button>
                      {' – '}
                      <button type="button" className="link-button" onClick={() => onOpenActor(edge.target)}>
                        {names.get(edge.target)}
                      </button>
                    </td>
                    <td>{edge.events}</td>
                    <td>{edge.passages}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
