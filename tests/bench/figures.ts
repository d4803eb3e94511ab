/** Benchmarks print one JSON line per figure: {"figure": NAME, ...params, "value": N, "unit": U}. */
export function printFigure(figure: string, params: Record<string, string | number>, value: number, unit: string): void {
  console.log(JSON.stringify({ figure, ...params, value: Math.round(value * 1000) / 1000, unit }));
}

export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
