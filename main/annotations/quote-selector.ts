/**
 * The quote selector a highlight is stored with: its offsets in the source text, the quoted text
 * and a little context on each side (see anchor.ts for how it is found again). Offsets are UTF-16
 * code units, end exclusive, and never split a surrogate pair.
 */
/**
 * How much context (code units) is kept on each side of a quote. 32 is what Hypothesis keeps:
 * long enough to tell repeated phrases apart, short enough that an edit near the highlight
 * only disturbs part of it.
 */
export const CONTEXT_LENGTH = 32;

/** A highlight's position in a source text, with the quote that lets it be found again. */
export interface TextAnchor {
  /** Offset of the first code unit of the quote. */
  start: number;
  /** Offset just past the quote (exclusive). */
  end: number;
  /** The quoted text: `text.slice(start, end)` when the selector was made. */
  exact: string;
  /** Up to {@link CONTEXT_LENGTH} code units just before `start`. */
  prefix: string;
  /** Up to {@link CONTEXT_LENGTH} code units just after `end`. */
  suffix: string;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Moves a start offset back to the beginning of the character it falls inside. */
export const widenStart = (text: string, offset: number): number => (splitsPair(text, offset) ? offset - 1 : offset);
/** Moves an end offset forward to the end of the character it falls inside. */
export const widenEnd = (text: string, offset: number): number => (splitsPair(text, offset) ? offset + 1 : offset);

const clampOffset = (text: string, n: number): number =>
  Number.isNaN(n) ? 0 : Math.min(text.length, Math.max(0, Math.trunc(n)));

/** The context before `start`, at most {@link CONTEXT_LENGTH} long, never opening mid-pair. */
export function prefixAt(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsPair(text, from)) from += 1;
  return text.slice(from, start);
}

/** The context after `end`, at most {@link CONTEXT_LENGTH} long, never closing mid-pair. */
export function suffixAt(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsPair(text, to)) to -= 1;
  return text.slice(end, to);
}

/**
 * Builds the selector for `text.slice(start, end)`. Offsets are clamped into the text and put in
 * order, and a range that starts or ends inside a surrogate pair is widened to the whole
 * character, so the stored quote never holds half a character (which could never be matched
 * again once the text is normalised or re-encoded).
 */
export function describe(text: string, start: number, end: number): TextAnchor {
  const a = clampOffset(text, start);
  const b = clampOffset(text, end);
  const s = widenStart(text, Math.min(a, b));
  const e = widenEnd(text, Math.max(a, b));
  return { start: s, end: e, exact: text.slice(s, e), prefix: prefixAt(text, s), suffix: suffixAt(text, e) };
}
