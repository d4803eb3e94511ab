/**
 * A string that remembers, for each UTF-16 code unit, which source it came
 * from: the index of a pdf.js text item, or NO_SOURCE for what assembly added
 * (spaces between items, line and paragraph breaks). Cleaning and
 * normalising keep the record, so the PDF reader can tell which characters
 * of the canonical text each item on the page drew.
 */
export interface TracedText {
  readonly text: string;
  readonly sources: readonly number[];
}

export const NO_SOURCE = -1;

/** Appends to a traced text in place; cheaper than concatenating immutable ones unit by unit. */
export class TracedTextBuilder {
  #text = '';
  readonly #sources: number[] = [];

  get text(): string {
    return this.#text;
  }

  append(str: string, source: number): void {
    this.#text += str;
    for (let i = 0; i < str.length; i++) this.#sources.push(source);
  }

  appendTraced(part: TracedText): void {
    this.#text += part.text;
    for (const source of part.sources) this.#sources.push(source);
  }

  /** Drops the last `count` units (a line-end hyphen that turned out to be hyphenation). */
  dropLast(count: number): void {
    this.#text = this.#text.slice(0, this.#text.length - count);
    this.#sources.length = Math.max(0, this.#sources.length - count);
  }

  finish(): TracedText {
    return { text: this.#text, sources: this.#sources };
  }
}

// Controls carry no text; broken ToUnicode maps often produce NULs.
function isControl(code: number): boolean {
  return code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0x7f;
}

/** The spaces a line collapses into one: ASCII whitespace and Unicode space separators. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** What String.prototype.trim removes: the spaces above plus line and paragraph separators and the BOM. */
function isTrimmed(code: number): boolean {
  return isSpace(code) || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}

/**
 * A line as it is kept: control characters dropped, each run of spaces made
 * one " " (traced to the run's first unit), trimmed.
 */
export function cleanLine(line: TracedText): TracedText {
  const { text, sources } = line;
  const out = new TracedTextBuilder();
  let spaceSource: number | undefined;
  // Runs of kept characters are copied whole: most lines are one run.
  let runStart = 0;
  const flushRun = (end: number) => {
    if (end > runStart) out.appendTraced({ text: text.slice(runStart, end), sources: sources.slice(runStart, end) });
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const control = isControl(code);
    if (!control && !isSpace(code)) {
      if (spaceSource !== undefined) {
        out.append(' ', spaceSource);
        spaceSource = undefined;
      }
      continue;
    }
    flushRun(i);
    runStart = i + 1;
    if (!control) spaceSource ??= sources[i] ?? NO_SOURCE;
  }
  flushRun(text.length);
  const cleaned = out.finish();
  let start = 0;
  let end = cleaned.text.length;
  while (start < end && isTrimmed(cleaned.text.charCodeAt(start))) start++;
  while (end > start && isTrimmed(cleaned.text.charCodeAt(end - 1))) end--;
  return { text: cleaned.text.slice(start, end), sources: cleaned.sources.slice(start, end) };
}

// Characters that may combine with, or reorder against, what comes before
// them under NFC: combining marks and the Hangul vowel and final jamo. A
// boundary before any other character is one NFC never crosses.
const COMBINES_BACKWARDS = /^[\p{M}\u1161-\u1175\u11a8-\u11c2]/u;

function startsNormalizationSegment(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  return !COMBINES_BACKWARDS.test(text.slice(index, index + 2));
}

/**
 * NFC with the trace kept. The text is normalised in segments that NFC never
 * joins (a character and the marks after it), so the result is exactly
 * text.normalize('NFC'). A segment that normalisation leaves the same length
 * keeps its sources unit by unit; one that changes length (marks composed
 * into their base) is traced, as a whole, to its first unit's source.
 */
export function normalizeTraced(traced: TracedText): TracedText {
  const { text, sources } = traced;
  if (text.normalize('NFC') === text) return traced;
  const out = new TracedTextBuilder();
  let segmentStart = 0;
  const flush = (end: number) => {
    if (end === segmentStart) return;
    const segment = text.slice(segmentStart, end);
    const normalized = segment.normalize('NFC');
    if (normalized.length === segment.length) out.appendTraced({ text: normalized, sources: sources.slice(segmentStart, end) });
    else out.append(normalized, sources[segmentStart] ?? NO_SOURCE);
    segmentStart = end;
  };
  for (let i = 1; i < text.length; i++) if (startsNormalizationSegment(text, i)) flush(i);
  flush(text.length);
  return out.finish();
}
