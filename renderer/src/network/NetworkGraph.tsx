import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { ActorNetwork } from '../../../shared/actors/view-models';
import type { ActorKind } from '../../../shared/model/records';

/**
 * Cytoscape draws on a canvas: no DOM node per actor, no eval, nothing
 * loaded from outside, so it works offline under the app's content security
 * policy. Its one inline <style> (`position: relative` on the container) is
 * refused by that policy; the rule lives in network.css instead, and this
 * marker tells cytoscape the sheet is already there so it does not try.
 */
const CYTOSCAPE_SHEET_ID = '__________cytoscape_stylesheet';

function markStylesheetPresent(): void {
  if (document.getElementById(CYTOSCAPE_SHEET_ID)) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_SHEET_ID;
  document.head.prepend(marker);
}

/** One colour per kind, readable on both themes. */
const kindColors: Readonly<Record<ActorKind, string>> = {
  person: '#1f77b4',
  organisation: '#2ca02c',
  'armed-group': '#d62728',
  state: '#9467bd',
  location: '#8c564b',
  other: '#7f7f7f',
};

interface NetworkGraphProps {
  network: ActorNetwork;
  onOpenActor(id: string): void;
}

/** Actors as nodes sized by how much they appear, links as edges as wide as their weight (shared events plus shared passages). */
export function NetworkGraph({ network, onOpenActor }: NetworkGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const open = useRef(onOpenActor);
  open.current = onOpenActor;

  useEffect(() => {
    if (!container.current) return;
    markStylesheetPresent();
    const foreground = getComputedStyle(document.documentElement).getPropertyValue('--fg').trim() || '#1d2327';
    const maxWeight = Math.max(1, ...network.edges.map((edge) => edge.events + edge.passages));
    const maxNode = Math.max(1, ...network.nodes.map((node) => node.events + node.passages));
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...network.nodes.map((node) => ({ data: { id: node.id, label: node.name, color: kindColors[node.kind], size: 18 + (30 * (node.events + node.passages)) / maxNode } })),
        ...network.edges.map((edge) => ({ data: { id: `${edge.source}~${edge.target}`, source: edge.source, target: edge.target, width: 1 + (7 * (edge.events + edge.passages)) / maxWeight } })),
      ],
      style: [
        { selector: 'node', style: { 'background-color': 'data(color)', label: 'data(label)', width: 'data(size)', height: 'data(size)', color: foreground, 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': '#9aa5ab', opacity: 0.8, 'curve-style': 'haystack' } },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': foreground } },
      ],
      // Force-directed, built into cytoscape; no animation, so the layout is done when the view appears.
      layout: { name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true },
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (event) => open.current(event.target.id()));
    return () => cy.destroy();
  }, [network]);

  return <div ref={container} className="network-canvas" role="img" aria-label={`Network of ${network.nodes.length} actors and ${network.edges.length} links; the table below lists them.`} />;
}
