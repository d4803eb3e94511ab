/** Colours a new tag takes in turn: distinct from one another, readable as a dot on light and dark backgrounds. */
const PALETTE = ['#d9822b', '#2e86de', '#27ae60', '#c0392b', '#8e44ad', '#16a085', '#b8860b', '#7f8c8d'] as const;

export function nextTagColor(existing: number): string {
  return PALETTE[existing % PALETTE.length] as string;
}
