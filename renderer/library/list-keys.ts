/** Rows a Page Up / Page Down moves by in the library list. */
export const PAGE_ROWS = 8;

/**
 * The row a key moves the focus to in a list of `count` rows from row `index`, or null when the
 * key does not move it: up and down by one, Page Up / Page Down by a page, Home and End to the ends.
 */
export function keyTarget(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + PAGE_ROWS);
    case 'PageUp':
      return clamp(index - PAGE_ROWS);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
