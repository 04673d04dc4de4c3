/**
 * The places a quote might have moved to: verbatim copies, approximate matches and spans found
 * next to surviving copies of its context, and the shortlist of them that is scored in full.
 */
import approxSearch from 'approx-string-match';
import { type Candidate, type PaddedContext } from './context-score';
import { spansFrom, spansTo } from './edit-distance';
import { type TextAnchor, widenEnd, widenStart } from './quote-selector';

/** A fuzzy match must keep at least this share of the quote to count as the same passage. */
const MIN_QUOTE_SCORE = 0.5;

/**
 * The candidates found so far, each span once, widened off surrogate halves; those keeping less
 * than {@link MIN_QUOTE_SCORE} of the quote are dropped.
 */
export class Candidates {
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
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
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
export function shortlist(
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
export function addFuzzy(found: Candidates, text: string, exact: string, maxErrors: number): void {
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
export function addFromContext(found: Candidates, text: string, selector: TextAnchor, maxErrors: number): void {
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
