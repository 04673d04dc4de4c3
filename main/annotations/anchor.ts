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
import { addFromContext, addFuzzy, Candidates, MAX_SCORED, occurrences, shortlist } from './candidates';
import { best, hasIntactContext, padContext, scoreCandidate } from './context-score';
import { prefixAt, splitsPair, suffixAt, type TextAnchor } from './quote-selector';

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

/** Hypothesis' cap on allowed errors: past 256 the search gets slow and the match meaningless. */
const MAX_ERRORS_CAP = 256;
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
