/**
 * How the search index (search-index.ts) sees text: one token per character, its code point in
 * hex, which FTS5's ascii tokenizer keeps as one word, so that a query of any length is a phrase.
 */

/** The code point at `i` (a surrogate pair whole), and how many UTF-16 units it takes. */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
    const low = s.charCodeAt(i + 1);
    if (low >= 0xdc00 && low < 0xe000) return 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
  }
  return c;
}

const hexDigits = (c: number): number =>
  c < 0x10 ? 1 : c < 0x100 ? 2 : c < 0x1000 ? 3 : c < 0x10000 ? 4 : c < 0x100000 ? 5 : 6;

/** One token per character: its code point in hex, which the ascii tokenizer keeps as one word. */
export function charTokens(s: string): string {
  // Written into one byte buffer sized first and decoded once: the index build tokenizes every
  // article, and joining millions of short strings would build a rope many times the text's size.
  let size = 0;
  for (let i = 0; i < s.length; i++) {
    const c = codePointAt(s, i);
    if (c > 0xffff) i++;
    size += hexDigits(c) + 1;
  }
  const out = Buffer.allocUnsafe(Math.max(0, size - 1));
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = codePointAt(s, i);
    if (c > 0xffff) i++;
    if (n > 0) out[n++] = 0x20;
    for (let shift = (hexDigits(c) - 1) * 4; shift >= 0; shift -= 4) {
      const digit = (c >> shift) & 0xf;
      out[n++] = digit < 10 ? 0x30 + digit : 0x57 + digit;
    }
  }
  return out.toString('latin1');
}
