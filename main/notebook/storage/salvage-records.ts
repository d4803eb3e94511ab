/** What could be read back from a damaged record file. */
export interface Salvage {
  /** The whole records, in file order, each parsed but not yet checked against its schema. */
  records: unknown[];
  setAside: unknown[];
  /** Where reading stopped short, in words, when it did: what could not be recovered from this file. */
  lost: string | undefined;
}

/**
 * Read every whole record out of a record file that no longer parses (cut
 * short by a failing disk, or damaged partway): each element of its
 * `records` (and `setAside`) array is parsed on its own, up to the first that
 * is incomplete or broken. A file cut at its end keeps every record before
 * the cut, where its backup, taken before the last saves, would not.
 */
export function salvageRecords(text: string): Salvage {
  const records = arrayElements(text, 'records');
  const setAside = arrayElements(text, 'setAside');
  const lost = records.stoppedAt === undefined ? undefined : `the file stops being readable at character ${records.stoppedAt} of ${text.length}, after ${records.values.length} whole record(s)${records.partialId ? `, inside record ${records.partialId}` : ''}; what followed there is lost`;
  return { records: records.values, setAside: setAside.values, lost };
}

interface Elements {
  values: unknown[];
  /** Where the array stopped being readable; undefined when it closed properly (or is absent). */
  stoppedAt: number | undefined;
  /** The id of the record the file breaks off in, when its id was written before the break. */
  partialId: string | undefined;
}

function arrayElements(text: string, key: string): Elements {
  const start = new RegExp(`"${key}"\\s*:\\s*\\[`).exec(text);
  if (!start) return { values: [], stoppedAt: key === 'records' ? 0 : undefined, partialId: undefined };
  const values: unknown[] = [];
  let at = start.index + start[0].length;
  for (;;) {
    at = skip(text, at, /[\s,]/);
    if (text[at] === ']') return { values, stoppedAt: undefined, partialId: undefined };
    const end = text[at] === '{' ? objectEnd(text, at) : undefined;
    const value = end === undefined ? undefined : parsed(text.slice(at, end));
    if (value === undefined) {
      // The record's own fields before its first nested value (a note's attachment has an id too).
      const head = text.slice(at + 1).split(/[{[]/)[0] ?? '';
      return { values, stoppedAt: at, partialId: /"id"\s*:\s*"([A-Za-z0-9_-]+)"/.exec(head)?.[1] };
    }
    values.push(value);
    at = end as number;
  }
}

function skip(text: string, from: number, pattern: RegExp): number {
  let at = from;
  while (at < text.length && pattern.test(text[at] as string)) at += 1;
  return at;
}

/** The index just past the object that opens at `from`, strings and escapes respected; undefined when the text ends first. */
function objectEnd(text: string, from: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let at = from; at < text.length; at += 1) {
    const char = text[at];
    if (inString) {
      if (char === '\\') at += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return at + 1;
    }
  }
  return undefined;
}

function parsed(slice: string): unknown {
  try {
    return JSON.parse(slice) as unknown;
  } catch {
    return undefined;
  }
}
