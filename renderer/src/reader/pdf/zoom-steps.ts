/** The zoom levels the buttons and Ctrl +/− step through, as readers and browsers offer them, so two clicks never jump from 126% to 197%. */
export const ZOOM_LEVELS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;

/** The next level above (`direction` 1) or below (−1) `factor`; from a fitted factor between levels, the nearest level that way. */
export function steppedZoom(factor: number, direction: 1 | -1): number {
  // A fitted factor a hair off a level (0.9999) counts as that level.
  const tolerance = 0.005;
  const levels = direction > 0 ? ZOOM_LEVELS : [...ZOOM_LEVELS].reverse();
  return levels.find((level) => (direction > 0 ? level > factor + tolerance : level < factor - tolerance)) ?? levels[levels.length - 1]!;
}
