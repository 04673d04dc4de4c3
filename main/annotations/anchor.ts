/**
 * Text anchoring for highlights: a highlight is stored as offsets into an article's source text
 * *and* as a quote selector (the quoted text plus a little context on each side). When the text
 * is replaced by an edited version the offsets alone go stale, so the selector is used to find
 * the quote again, first verbatim, then approximately, the way the Hypothesis client does
 * (`anchoring/match-quote.ts`): Myers' bit-parallel approximate search (approx-string-match),
 * with candidates ranked by quote, prefix and suffix similarity and by distance from the old
 * position.
 *
 * Offsets are UTF-16 code units (what JS strings index), end exclusive. Chinese text has no
 * word boundaries to snap to, so matching is per code unit; the only boundary we respect is
 * never to split a surrogate pair (rare CJK extension characters such as 𠮷 are astral).
 */
import approxSearch from 'approx-string-match';
import { spansFrom, spansTo, substringDistance } from './edit-distance';

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

/**
 * Where a selector landed in a text. `exact`: the stored offsets still hold the quote.
 * `moved`: found elsewhere, or found with small edits; `score` in [0, 1] says how sure we are
 * (about 1 for a verbatim quote with its context intact). `orphaned`: not found well enough to
 * show; the caller keeps the highlight but does not draw it.
 */
export type AnchorResult =
  | { status: 'exact'; start: number; end: number }
  | { status: 'moved'; start: number; end: number; score: number }
  | { status: 'orphaned' };

const ORPHANED: AnchorResult = { status: 'orphaned' };

// Hypothesis' weights: the quote itself counts most, the context decides between similar
// candidates, and the old position only breaks near-ties (an edit near the top of an article
// shifts everything after it, so old offsets are a weak hint).
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Hypothesis' cap on allowed errors: past 256 the search gets slow and the match meaningless. */
const MAX_ERRORS_CAP = 256;
/** A fuzzy match must keep at least this share of the quote to count as the same passage. */
const MIN_QUOTE_SCORE = 0.5;

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Moves a start offset back to the beginning of the character it falls inside. */
const widenStart = (text: string, offset: number): number => (splitsPair(text, offset) ? offset - 1 : offset);
/** Moves an end offset forward to the end of the character it falls inside. */
const widenEnd = (text: string, offset: number): number => (splitsPair(text, offset) ? offset + 1 : offset);

const clampOffset = (text: string, n: number): number =>
  Number.isNaN(n) ? 0 : Math.min(text.length, Math.max(0, Math.trunc(n)));

/** The context before `start`, at most {@link CONTEXT_LENGTH} long, never opening mid-pair. */
function prefixAt(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsPair(text, from)) from += 1;
  return text.slice(from, start);
}

/** The context after `end`, at most {@link CONTEXT_LENGTH} long, never closing mid-pair. */
function suffixAt(text: string, end: number): string {
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

/**
 * Stands for "no more text" in context windows. The edges of the text are part of a highlight's
 * context: a quote at the very top has an empty prefix, and that says as much as 32 characters
 * would (it was at the start). So a context that stopped at an edge is compared padded with
 * this to the full length, against windows padded the same way, and a candidate that is also
 * at the edge of the edited text gets credit for it.
 */
const EDGE = '\u0000';

/** The stored context, padded where it stopped at an edge of the text (see {@link EDGE}). */
interface PaddedContext {
  before: string;
  after: string;
}

/**
 * Pads the stored context that reached an edge. The prefix did when it runs back to offset 0; a
 * suffix shorter than 31 did (31 may also be one unit given up to keep a surrogate pair whole,
 * so that one is taken as it is, which costs at most one unit of credit).
 */
const padContext = ({ start, prefix, suffix }: TextAnchor): PaddedContext => ({
  before: start - prefix.length <= 0 ? prefix.padStart(CONTEXT_LENGTH, EDGE) : prefix,
  after: suffix.length < CONTEXT_LENGTH - 1 ? suffix.padEnd(CONTEXT_LENGTH, EDGE) : suffix,
});

/** The `length` units before `offset`, padded with {@link EDGE} past the start of the text. */
function windowBefore(text: string, offset: number, length: number): string {
  const from = offset - length;
  return from >= 0 ? text.slice(from, offset) : EDGE.repeat(-from) + text.slice(0, offset);
}

/** The `length` units after `offset`, padded with {@link EDGE} past the end of the text. */
function windowAfter(text: string, offset: number, length: number): string {
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

interface Candidate {
  start: number;
  end: number;
  /** Share of the quote kept: 1 − errors / quote length. */
  quoteScore: number;
}

interface Scored {
  start: number;
  end: number;
  score: number;
  distance: number;
}

/**
 * Combines quote, context and position into one score in [0, 1], with Hypothesis' matchQuote
 * weights. The position term is the distance from the old start relative to the text length.
 */
function scoreCandidate(text: string, selector: TextAnchor, context: PaddedContext, c: Candidate): Scored {
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
function best(scored: Scored[]): Scored | undefined {
  let top: Scored | undefined;
  for (const s of scored) {
    if (!top || s.score > top.score || (s.score === top.score && s.distance < top.distance)) top = s;
  }
  return top;
}

/**
 * The candidates found so far, each span once, widened off surrogate halves; those keeping less
 * than {@link MIN_QUOTE_SCORE} of the quote are dropped.
 */
class Candidates {
  readonly list: Candidate[] = [];
  private readonly seen = new Set<number>();
  private readonly text: string;
  private readonly quoteLength: number;

  constructor(text: string, quoteLength: number) {
    this.text = text;
    this.quoteLength = quoteLength;
  }

  /**
   * A verbatim occurrence: distinct from the others by construction, so not looked up (a common
   * quote has a hundred thousand); a span found again from the context may repeat one, harmlessly.
   */
  addVerbatim(start: number, end: number): void {
    this.list.push({ start: widenStart(this.text, start), end: widenEnd(this.text, end), quoteScore: 1 });
  }

  add(start: number, end: number, errors: number): void {
    const quoteScore = 1 - errors / this.quoteLength;
    if (quoteScore < MIN_QUOTE_SCORE) return;
    const s = widenStart(this.text, start);
    const e = widenEnd(this.text, end);
    // A number, not a string: a common quote adds a hundred thousand of these.
    const key = s * (this.text.length + 1) + e;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ start: s, end: e, quoteScore });
  }
}

/** Every verbatim occurrence of `needle` (overlapping ones too); none for an empty needle. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/**
 * Where the text next to a candidate agrees with the stored context code for code, no
 * approximate comparison can do better; used to skip scoring every occurrence of a short,
 * common quote when one of them is plainly the original. Compared in place (no slices): a
 * quote such as 的 has a hundred thousand occurrences in a long article.
 */
function hasIntactContext(text: string, context: PaddedContext, c: Candidate): boolean {
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

/** More candidates than this are not all scored: a shortlist is made first (see {@link shortlist}). */
export const MAX_SCORED = 64;
/** Of the shortlist, how many are the candidates nearest the old position (the rest: best context). */
const NEAREST_KEPT = 16;
/** Mismatches a context comparison walks past before it stops (an edited character or two). */
const AGREEMENT_MISMATCHES = 2;

/**
 * How many code units of the stored context agree with the text beside a candidate, walking out
 * from the quote on each side and giving up after a few mismatches. A cheap stand-in for the
 * context scores (it sees substitutions, not shifts), good enough to tell the one true copy of a
 * common quote from thousands of others, which almost always differ in the first few units.
 */
function agreement(text: string, context: PaddedContext, c: Candidate): number {
  const { before, after } = context;
  let matched = 0;
  let misses = 0;
  for (let k = 1; k <= before.length && misses <= AGREEMENT_MISMATCHES; k++) {
    const i = c.start - k;
    const unit = i >= 0 ? text.charCodeAt(i) : 0; // EDGE past the start
    if (unit === before.charCodeAt(before.length - k)) matched++;
    else misses++;
  }
  misses = 0;
  for (let k = 0; k < after.length && misses <= AGREEMENT_MISMATCHES; k++) {
    const i = c.end + k;
    const unit = i < text.length ? text.charCodeAt(i) : 0; // EDGE past the end
    if (unit === after.charCodeAt(k)) matched++;
    else misses++;
  }
  return matched;
}

/**
 * Bounds the work of re-anchoring a common quote: of more than {@link MAX_SCORED} candidates,
 * only those whose surroundings agree best with the stored context (ties: nearest the old
 * position) and the few nearest the old position are scored in full. Candidates found from the
 * stored context (`kept`) always stay. Scoring all 16,000 occurrences of a two-character quote
 * took seconds; this takes a pass of a few comparisons each.
 */
function shortlist(
  text: string,
  selector: TextAnchor,
  context: PaddedContext,
  all: readonly Candidate[],
  kept: readonly Candidate[],
): Candidate[] {
  if (all.length + kept.length <= MAX_SCORED) return [...all, ...kept];
  const distance = (c: Candidate) => Math.abs(c.start - selector.start);
  const maxAgreement = context.before.length + context.after.length;
  // Counting sort by agreement: no comparison sort of 100,000 candidates.
  const scores = new Int32Array(all.length);
  const histogram = new Int32Array(maxAgreement + 1);
  all.forEach((c, i) => {
    const a = agreement(text, context, c);
    scores[i] = a;
    histogram[a] = (histogram[a] ?? 0) + 1;
  });
  const byContext = MAX_SCORED - NEAREST_KEPT;
  let threshold = maxAgreement;
  for (let above = 0; threshold > 0; threshold--) {
    above += histogram[threshold] ?? 0;
    if (above >= byContext) break;
  }
  const better: Candidate[] = [];
  const tied: Candidate[] = [];
  all.forEach((c, i) => {
    const a = scores[i] ?? 0;
    if (a > threshold) better.push(c);
    else if (a === threshold) tied.push(c);
  });
  const picked = new Set<Candidate>(better);
  for (const c of tied.sort((x, y) => distance(x) - distance(y))) {
    if (picked.size >= byContext) break;
    picked.add(c);
  }
  // The nearest to the old position: all is in text order, so a binary search finds them.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid]?.start ?? 0) < selector.start) lo = mid + 1;
    else hi = mid;
  }
  let left = lo - 1;
  let right = lo;
  for (let n = 0; n < NEAREST_KEPT && (left >= 0 || right < all.length); n++) {
    const l = all[left];
    const r = all[right];
    if (r && (!l || distance(r) <= distance(l))) {
      picked.add(r);
      right++;
    } else if (l) {
      picked.add(l);
      left--;
    }
  }
  return [...picked, ...kept];
}

/** Quotes longer than this skip the span refinements below (each is O(quote length · errors)). */
const MAX_REFINED_QUOTE = 1024;
/** How many occurrences of the stored prefix (and of the suffix) are tried as anchors. */
const MAX_CONTEXT_ANCHORS = 8;

/**
 * Approximate occurrences of `exact` with the fewest errors (approx-string-match, Hypothesis'
 * error budget). The library reports every end with the fewest errors but, for each, only the
 * earliest start; when the quote's first character was edited a later start is often as close
 * (one substitution rather than an insertion), so every start as close is added, and the prefix
 * decides between them as the suffix does between ends.
 */
function addFuzzy(found: Candidates, text: string, exact: string, maxErrors: number): void {
  for (const m of approxSearch(text, exact, maxErrors)) {
    const starts = exact.length <= MAX_REFINED_QUOTE ? spansTo(text, exact, m.end, m.errors) : [];
    if (starts.length === 0) found.add(m.start, m.end, m.errors);
    for (const s of starts) found.add(s.start, m.end, s.errors);
  }
}

/**
 * Spans found from the context: just after an occurrence of the stored prefix, or just before
 * one of the suffix (nearest the old position first), the span closest to the quote. This finds
 * the quote where it was edited in place even when the approximate search prefers another spot
 * (it only returns the matches with the fewest errors: a verbatim copy elsewhere, or a copy one
 * edit closer, would hide it).
 */
function addFromContext(found: Candidates, text: string, selector: TextAnchor, maxErrors: number): void {
  const { exact, prefix, suffix } = selector;
  if (exact.length > MAX_REFINED_QUOTE) return;
  const nearest = (offsets: number[], hint: number): number[] =>
    offsets.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, MAX_CONTEXT_ANCHORS);
  // An empty prefix or suffix stored means the quote touched that edge of the text.
  const froms =
    prefix.length === 0 && selector.start === 0
      ? [0]
      : nearest(occurrences(text, prefix), selector.start - prefix.length).map((i) => i + prefix.length);
  const tos = suffix.length === 0 ? [text.length] : nearest(occurrences(text, suffix), selector.end);
  for (const from of froms) for (const s of spansFrom(text, exact, from, maxErrors)) found.add(from, s.end, s.errors);
  for (const to of tos) for (const s of spansTo(text, exact, to, maxErrors)) found.add(s.start, to, s.errors);
}

/** True when the selector's offsets still hold its quote, on whole characters. */
function quoteInPlace(text: string, { start, end, exact }: TextAnchor): boolean {
  return (
    Number.isInteger(start) &&
    start >= 0 &&
    end - start === exact.length &&
    text.startsWith(exact, start) &&
    !splitsPair(text, start) &&
    !splitsPair(text, end)
  );
}

/**
 * Finds a highlight's quote in `text` (typically an edited version of the text it was made on).
 *
 * 1. The stored offsets: when they still hold the quote with the same context on both sides,
 *    the highlight is 'exact', at the cost of a few short string comparisons, so re-anchoring
 *    an unchanged article is nearly free. The context is checked too because a short quote (a
 *    common word, a paragraph break) can turn up at the old offsets after an edit shifted the
 *    text: those are other words.
 * 2. Verbatim occurrences of the quote. One with its context intact wins outright (the nearest
 *    to the old position if several), so a phrase that appears twice lands on the right copy.
 * 3. Otherwise, approximate matches too, allowing up to half the quote (at most 256 code units)
 *    to differ: from approx-string-match when there is no verbatim occurrence, and next to
 *    surviving copies of the stored prefix or suffix in any case. The candidates are scored
 *    together as Hypothesis' matchQuote does (quote similarity first, then context, then
 *    nearness), so a quote edited in place beats a verbatim copy in the wrong paragraph. Past
 *    {@link MAX_SCORED} candidates (a common word has thousands of copies) only a shortlist is
 *    scored: those whose surroundings agree best with the context, and the nearest to the old
 *    position.
 *
 * A quote edited beyond half its length is reported orphaned rather than pinned to some
 * unrelated passage. A winner on the old offsets is still 'exact'.
 */
export function anchor(text: string, selector: TextAnchor): AnchorResult {
  const { start, end, exact, prefix, suffix } = selector;
  if (exact.length === 0 || text.length === 0) return ORPHANED;

  const inPlace = quoteInPlace(text, selector);
  if (inPlace && prefixAt(text, start) === prefix && suffixAt(text, end) === suffix) {
    return { status: 'exact', start, end };
  }

  const context = padContext(selector);
  // Copies with their whole context intact, found as one string: a common quote need not be
  // looked at in each of its thousands of places when one of them is plainly the original.
  let candidates = occurrences(text, prefix + exact + suffix)
    .map((i) => ({ start: i + prefix.length, end: i + prefix.length + exact.length, quoteScore: 1 }))
    .filter((c) => hasIntactContext(text, context, c));
  if (candidates.length === 0) {
    const found = new Candidates(text, exact.length);
    for (const i of occurrences(text, exact)) found.addVerbatim(i, i + exact.length);
    const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(exact.length / 2));
    let fromContext = found.list.length;
    if (maxErrors > 0) {
      if (found.list.length === 0) addFuzzy(found, text, exact, maxErrors);
      fromContext = found.list.length;
      addFromContext(found, text, selector, maxErrors);
    }
    candidates = shortlist(text, selector, context, found.list.slice(0, fromContext), found.list.slice(fromContext));
  } else if (candidates.length > MAX_SCORED) {
    // Many copies with the whole context intact (a repeated passage): the nearest ones decide.
    candidates = shortlist(text, selector, context, candidates, []);
  }
  const top = best(candidates.map((c) => scoreCandidate(text, selector, context, c)));
  if (!top) return ORPHANED;
  if (inPlace && top.start === start && top.end === end) return { status: 'exact', start, end };
  return { status: 'moved', start: top.start, end: top.end, score: top.score };
}

/** Anchors each selector against the same text, in order (one result per selector). */
export function anchorAll(text: string, selectors: readonly TextAnchor[]): AnchorResult[] {
  return selectors.map((s) => anchor(text, s));
}
