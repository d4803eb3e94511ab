import lunr from 'lunr';

/**
 * The one place that reaches past lunr's public API (analyse.ts uses only
 * its stemmers and stop-word filters). lunr weighs terms (BM25 per field, field and entry boosts); Fieldbook
 * keeps only those weights and walks them itself (see segment.ts), so it asks
 * lunr's Builder for its field vectors instead of a searchable index. That
 * relies on four things lunr 2.3.9 (its last release) does but does not
 * promise; tests/unit/main/search/lunr-weights.test.ts fails if any changes:
 *
 * - `builder.tokenizer` is what `add` calls on a field's value: replaced so
 *   terms that arrive analysed (shared/search/analyse.ts) go in as they are,
 *   where lunr's would copy, lower-case and wrap each one again.
 * - `builder.averageFieldLength` is what BM25 normalises a field's length
 *   against: set to fixed lengths, not the batch's own average, so an
 *   entry's weights do not depend on which batch it was built in.
 * - the global `lunr.idf` is what `createFieldVectors` multiplies by: swapped
 *   for 1 while it runs, because idf is applied at query time from every
 *   segment's counts. The call is synchronous, so nothing else sees the swap.
 * - `invertedIndex[term]._index` is the term's number in the field vectors'
 *   `elements` ([termIndex, weight, ...]).
 */

export interface WeighOptions<F extends string> {
  fields: readonly F[];
  fieldBoosts: Readonly<Record<F, number>>;
  /** Per field, in terms: BM25's length normalisation is against these. */
  referenceLengths: Readonly<Record<F, number>>;
  k1: number;
  b: number;
}

export interface WeighedEntry<F extends string> {
  /** Each field's index terms, already analysed. */
  terms: Partial<Record<F, string[]>>;
  boost?: number;
}

export interface WeighedBatch<F extends string> {
  /** Every term of the batch, sorted. */
  terms: string[];
  /** An entry's terms in a field and their weights, as [rank in terms, weight, rank, weight, ...]. */
  elements(field: F, entry: number): readonly number[];
}

// lunr's typings leave out the builder's state and steps used here.
interface BuilderInternals {
  averageFieldLength: Record<string, number>;
  invertedIndex: Record<string, { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
  tokenizer(field: unknown): unknown[];
  createFieldVectors(): void;
}
type LunrWithIdf = typeof lunr & { idf(posting: unknown, count: number): number };

/** Weigh the terms of a batch of entries with lunr's BM25, without idf. Pure and CPU-bound. */
export function weighTerms<F extends string>(entries: readonly WeighedEntry<F>[], options: WeighOptions<F>): WeighedBatch<F> {
  const builder = new lunr.Builder();
  const internals = builder as unknown as BuilderInternals;
  builder.ref('r');
  for (const field of options.fields) builder.field(field, { boost: options.fieldBoosts[field] });
  builder.k1(options.k1);
  builder.b(options.b);
  internals.tokenizer = (terms) => (Array.isArray(terms) ? terms : []);
  for (const [index, entry] of entries.entries()) {
    const fields: Record<string, string | string[]> = { r: String(index) };
    for (const field of options.fields) {
      const terms = entry.terms[field];
      if (terms) fields[field] = terms;
    }
    builder.add(fields, entry.boost ? { boost: entry.boost } : undefined);
  }
  internals.averageFieldLength = { ...options.referenceLengths };
  const withIdf = lunr as LunrWithIdf;
  const idf = withIdf.idf;
  withIdf.idf = () => 1;
  try {
    internals.createFieldVectors();
  } finally {
    withIdf.idf = idf;
  }

  const terms = Object.keys(internals.invertedIndex).sort();
  const rankOfLunrIndex = new Uint32Array(terms.length);
  for (const [rank, term] of terms.entries()) rankOfLunrIndex[(internals.invertedIndex[term] as { _index: number })._index] = rank;
  // The builder is dropped after this, so its vectors are renumbered in place rather than copied.
  for (const vector of Object.values(internals.fieldVectors)) {
    const elements = vector.elements;
    for (let i = 0; i < elements.length; i += 2) elements[i] = rankOfLunrIndex[elements[i] as number] as number;
  }
  return { terms, elements: (field, entry) => internals.fieldVectors[`${field}/${entry}`]?.elements ?? [] };
}
