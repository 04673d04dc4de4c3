/**
 * Edit distances for re-anchoring quotes (see anchor.ts): Sellers' substring distance for
 * context windows, and banded Levenshtein rows for finding the spans closest to a quote that
 * start or end at a given offset. Offsets are UTF-16 code units.
 */

/**
 * The fewest edits that turn `pattern` into some substring of `text` (Sellers' algorithm: the
 * match may start and end anywhere in the text). The same number approx-string-match reports
 * for its best match, computed directly: for two 32-unit windows that is ~1,000 cell updates,
 * far cheaper than a general search set up for every one of possibly thousands of candidates.
 */
export function substringDistance(pattern: string, text: string): number {
  const column = new Int32Array(pattern.length + 1);
  for (let i = 0; i <= pattern.length; i++) column[i] = i;
  let best = pattern.length;
  for (let j = 1; j <= text.length; j++) {
    const t = text.charCodeAt(j - 1);
    let diagonal = 0; // the row above column 0 is free: a match may start anywhere
    for (let i = 1; i <= pattern.length; i++) {
      const left = column[i] ?? 0;
      const up = column[i - 1] ?? 0;
      const d = Math.min(diagonal + (pattern.charCodeAt(i - 1) === t ? 0 : 1), left + 1, up + 1);
      diagonal = left;
      column[i] = d;
    }
    best = Math.min(best, column[pattern.length] ?? best);
  }
  return best;
}

/** Code-unit reversal: enough to match reversed strings against each other. */
const reverse = (s: string): string => s.split('').reverse().join('');

/**
 * Edit distances from `pattern` to each prefix of `text`: row[j] is the Levenshtein distance
 * between `pattern` and `text.slice(0, j)`, or `max + 1` when that exceeds `max`. Only the
 * band |j − i| ≤ max is computed, so it costs O(|pattern| · max); undefined when no prefix is
 * within `max`.
 */
function prefixDistances(pattern: string, text: string, max: number): Int32Array | undefined {
  const over = max + 1;
  let prev = new Int32Array(text.length + 1).fill(over);
  let cur = new Int32Array(text.length + 1).fill(over);
  for (let j = 0; j <= Math.min(text.length, max); j++) prev[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(text.length, i + max);
    // Column 0 (nothing of the text) is in the band while i ≤ max; left of the band is too far.
    cur[lo - 1] = lo === 1 && i <= max ? i : over;
    let rowMin = cur[lo - 1] ?? over;
    const p = pattern.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const substitute = (prev[j - 1] ?? over) + (p === text.charCodeAt(j - 1) ? 0 : 1);
      const d = Math.min(substitute, (prev[j] ?? over) + 1, (cur[j - 1] ?? over) + 1, over);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (hi + 1 <= text.length) cur[hi + 1] = over;
    if (rowMin > max) return undefined;
    [prev, cur] = [cur, prev];
  }
  // Cells left of the last row's band still hold values from earlier rows.
  return prev.fill(over, 0, Math.max(0, pattern.length - max));
}

/** Lengths with the fewest edits in a {@link prefixDistances} row, if within `max`. */
function closestLengths(row: Int32Array | undefined, max: number): { length: number; errors: number }[] {
  if (!row) return [];
  let min = max + 1;
  for (let j = 1; j < row.length; j++) min = Math.min(min, row[j] ?? min);
  if (min > max) return [];
  const found: { length: number; errors: number }[] = [];
  for (let j = 1; j < row.length; j++) if (row[j] === min) found.push({ length: j, errors: min });
  return found;
}

/** The spans beginning at `from` that are closest to `exact`, within `max` edits. */
export function spansFrom(text: string, exact: string, from: number, max: number): { end: number; errors: number }[] {
  const window = text.slice(from, from + exact.length + max);
  return closestLengths(prefixDistances(exact, window, max), max).map((s) => ({
    end: from + s.length,
    errors: s.errors,
  }));
}

/** The spans ending at `to` that are closest to `exact`, within `max` edits. */
export function spansTo(text: string, exact: string, to: number, max: number): { start: number; errors: number }[] {
  const window = reverse(text.slice(Math.max(0, to - exact.length - max), to));
  return closestLengths(prefixDistances(reverse(exact), window, max), max).map((s) => ({
    start: to - s.length,
    errors: s.errors,
  }));
}
