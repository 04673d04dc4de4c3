/**
 * Pinyin with tone numbers, as CC-CEDICT writes it ("ruan3 jian4", "nu:3 er2", "de5") and as
 * pinyin-pro's `toneType: 'num'` does ("lü4", "de0"), turned into pinyin with tone marks.
 */

/** A numbered syllable taken apart: its letters (ü spelled ü) and its tone, 1–4, or 5 for neutral. */
export interface NumberedSyllable {
  letters: string;
  tone: 1 | 2 | 3 | 4 | 5;
}

const SYLLABLE = /^([A-Za-zÜüÊê:^]+?)([0-5])?$/;

/**
 * Reads one numbered syllable. ü may be written u:, v or ü; ê as e^ or ê; no digit, 0 and 5 are
 * the neutral tone. Returns null for anything that is not letters plus an optional tone (a Latin
 * letter inside a word, like the C of 3C, still parses — as a toneless syllable).
 */
export function parseNumbered(token: string): NumberedSyllable | null {
  const m = SYLLABLE.exec(token);
  if (!m) return null;
  const letters = m[1]!
    .replace(/u:/g, 'ü')
    .replace(/U:/g, 'Ü')
    .replace(/v/g, 'ü')
    .replace(/V/g, 'Ü')
    .replace(/e\^/g, 'ê')
    .replace(/E\^/g, 'Ê');
  if (/[:^]/.test(letters)) return null;
  const digit = m[2] === undefined ? 5 : Number(m[2]);
  return { letters, tone: (digit === 0 ? 5 : digit) as NumberedSyllable['tone'] };
}

/** Combining marks for tones 1–4: macron, acute, caron, grave. */
const TONE_MARKS = ['', '\u0304', '\u0301', '\u030c', '\u0300'] as const;

/**
 * Where the tone mark goes: on a or e if there is one (there is never both); on the o of ou;
 * otherwise on the last vowel (so iu → iú, ui → uí). Syllables without a vowel (m, n, ng, hm,
 * hng) carry it on their m or n.
 */
function markIndex(lower: string): number {
  const ae = lower.search(/[aeê]/);
  if (ae >= 0) return ae;
  const ou = lower.indexOf('ou');
  if (ou >= 0) return ou;
  for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i]!)) return i;
  const nasal = lower.search(/[mn]/);
  return nasal;
}

/** One syllable with its tone mark: "lu:e4" → "lüè", "Zhong1" → "Zhōng", "r5" → "r". */
export function markSyllable(token: string): string {
  const s = parseNumbered(token);
  if (!s) return token;
  if (s.tone === 5) return s.letters;
  const i = markIndex(s.letters.toLowerCase());
  if (i < 0) return s.letters;
  // NFC composes the vowel and its mark into one code point where Unicode has one (ǚ, ḿ, ǹ);
  // m̀ has none and stays two.
  return (s.letters.slice(0, i + 1) + TONE_MARKS[s.tone] + s.letters.slice(i + 1)).normalize('NFC');
}

/** A space-separated numbered pinyin string with tone marks: "ruan3 jian4" → "ruǎn jiàn". */
export function numberedToMarked(pinyin: string): string {
  return pinyin
    .split(' ')
    .map((token) => markSyllable(token))
    .join(' ');
}
