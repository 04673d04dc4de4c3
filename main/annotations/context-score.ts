/**
 * How a candidate place for a quote is scored against the stored selector: the context beside
 * it (padded at the edges of the text) and its distance from the old position, with the
 * Hypothesis client's matchQuote weights.
 */
import { substringDistance } from './edit-distance';
import type { TextAnchor } from './quote-selector';
import { CONTEXT_LENGTH } from './quote-selector';

// Hypothesis' weights: the quote itself counts most, the context decides between similar
// candidates, and the old position only breaks near-ties (an edit near the top of an article
// shifts everything after it, so old offsets are a weak hint).
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Stands for "no more text" in context windows. The edges of the text are part of a highlight's
 * context: a quote at the very top has an empty prefix, and that says as much as 32 characters
 * would (it was at the start). So a context that stopped at an edge is compared padded with
 * this to the full length, against windows padded the same way, and a candidate that is also
 * at the edge of the edited text gets credit for it.
 */
export const EDGE = '\u0000';

/** The stored context, padded where it stopped at an edge of the text (see {@link EDGE}). */
export interface PaddedContext {
  before: string;
  after: string;
}

/**
 * Pads the stored context that reached an edge. The prefix did when it runs back to offset 0; a
 * suffix shorter than 31 did (31 may also be one unit given up to keep a surrogate pair whole,
 * so that one is taken as it is, which costs at most one unit of credit).
 */
export const padContext = ({ start, prefix, suffix }: TextAnchor): PaddedContext => ({
  before: start - prefix.length <= 0 ? prefix.padStart(CONTEXT_LENGTH, EDGE) : prefix,
  after: suffix.length < CONTEXT_LENGTH - 1 ? suffix.padEnd(CONTEXT_LENGTH, EDGE) : suffix,
});

/** The `length` units before `offset`, padded with {@link EDGE} past the start of the text. */
export function windowBefore(text: string, offset: number, length: number): string {
  const from = offset - length;
  return from >= 0 ? text.slice(from, offset) : EDGE.repeat(-from) + text.slice(0, offset);
}

/** The `length` units after `offset`, padded with {@link EDGE} past the end of the text. */
export function windowAfter(text: string, offset: number, length: number): string {
  const to = offset + length;
  return to <= text.length ? text.slice(offset, to) : text.slice(offset) + EDGE.repeat(to - text.length);
}

/**
 * Similarity in [0, 1] of a stored context to the text next to a candidate, as Hypothesis
 * measures it: 1 minus the errors of the best approximate occurrence of the stored context in
 * the actual window, relative to its length. Approximate, so that a few characters inserted or
 * deleted next to the quote cost a few points rather than the whole context.
 */
function contextScore(actual: string, stored: string): number {
  if (actual === stored || stored.length === 0) return 1;
  return 1 - substringDistance(stored, actual) / stored.length;
}

export interface Candidate {
  start: number;
  end: number;
  /** Share of the quote kept: 1 − errors / quote length. */
  quoteScore: number;
}

export interface Scored {
  start: number;
  end: number;
  score: number;
  distance: number;
}

/**
 * Combines quote, context and position into one score in [0, 1], with Hypothesis' matchQuote
 * weights. The position term is the distance from the old start relative to the text length.
 */
export function scoreCandidate(text: string, selector: TextAnchor, context: PaddedContext, c: Candidate): Scored {
  const prefixScore = contextScore(windowBefore(text, c.start, context.before.length), context.before);
  const suffixScore = contextScore(windowAfter(text, c.end, context.after.length), context.after);
  const distance = Math.abs(c.start - selector.start);
  const positionScore = Math.max(0, 1 - distance / text.length);
  const raw =
    QUOTE_WEIGHT * c.quoteScore +
    PREFIX_WEIGHT * prefixScore +
    SUFFIX_WEIGHT * suffixScore +
    POSITION_WEIGHT * positionScore;
  return { start: c.start, end: c.end, score: Math.min(1, Math.max(0, raw / TOTAL_WEIGHT)), distance };
}

/** Best score first; on a tie, the one nearest the old position. */
export function best(scored: Scored[]): Scored | undefined {
  let top: Scored | undefined;
  for (const s of scored) {
    if (!top || s.score > top.score || (s.score === top.score && s.distance < top.distance)) top = s;
  }
  return top;
}

/**
 * Where the text next to a candidate agrees with the stored context code for code, no
 * approximate comparison can do better; used to skip scoring every occurrence of a short,
 * common quote when one of them is plainly the original. Compared in place (no slices): a
 * quote such as 的 has a hundred thousand occurrences in a long article.
 */
export function hasIntactContext(text: string, context: PaddedContext, c: Candidate): boolean {
  const { before, after } = context;
  const intactAfter =
    c.end + after.length <= text.length
      ? text.startsWith(after, c.end)
      : windowAfter(text, c.end, after.length) === after;
  if (!intactAfter) return false;
  return c.start >= before.length
    ? text.startsWith(before, c.start - before.length)
    : windowBefore(text, c.start, before.length) === before;
}
