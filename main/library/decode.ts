import iconv from 'iconv-lite';
import { commonness } from './hanzi-frequency';
import type { DecodeWarning, TextEncodingName } from '../../preload/contract/types';

export type { DecodeWarning, TextEncodingName };

export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'];

/** What the detector concluded about a file's bytes. */
export interface EncodingDetection {
  /** The best guess. */
  encoding: TextEncodingName;
  /** False means the evidence is weak, or the best guess loses bytes: the user must choose. */
  confident: boolean;
  /** 0..1, how plausible the best guess's decoding is by its byte rows alone. */
  confidence: number;
  bom: boolean;
  /** Plausible encodings, best first; includes `encoding`. */
  candidates: TextEncodingName[];
  /** Bytes of the whole file that the best guess cannot decode: each shows as U+FFFD. */
  replacements: number;
  /** What else is wrong with the file in the best guess's reading. */
  warnings: DecodeWarning[];
}

/** How much of a sample to judge; detection does not need whole files. */
const SAMPLE_BYTES = 64 * 1024;

// The thresholds below are pinned by a near-threshold table in tests/unit/decode.test.ts.
/** Valid UTF-8 with this many multi-byte characters is UTF-8, whatever else it could be. */
const UTF8_SURE_CHARS = 3;
/** A legacy decoding this plausible makes short valid UTF-8 uncertain. */
const UTF8_RIVAL_SCORE = 0.9;
/** UTF-8 with at most this share of damaged sequences (among its multi-byte ones) is still offered. */
const UTF8_DAMAGE_SHARE = 0.05;
/** A legacy guess needs this score, and this lead over the next one, to be sure. */
const CONFIDENT_SCORE = 0.8;
const CONFIDENT_MARGIN = 0.2;
/** Encodings scoring this much are offered to the user too. */
const CANDIDATE_SCORE = 0.5;
/** Data with more than this share of control bytes is not text... */
const BINARY_CONTROL_SHARE = 0.05;
/** ...nor is data with NULs, unless it reads this well as UTF-16. */
const UTF16_TEXT_SCORE = 0.9;
/** Big5 text of this many characters without one low trail byte (0x40–0x7E) is GBK-shaped: its score halves. */
const BIG5_GBK_SHAPED_PAIRS = 12;
/** How much of the sample the readings are judged on by their hanzi (see {@link commonnessVerdict}). */
const COMMONNESS_BYTES = 16 * 1024;
/** A reading needs this many different hanzi to be judged by them... */
const COMMONNESS_MIN_DISTINCT = 8;
/**
 * ...their mean ln(count) must reach this (in tests/unit/decode-corpus.test.ts real prose of 3,000
 * characters reaches 4.0, of 60 characters 3.4 when it is classical verse; mojibake rarely 3)...
 */
const COMMONNESS_FLOOR = 3.5;
/** ...and every other reading's must trail it by this much (there the right one leads by 1.4, on 3,000 characters by 2.5). */
const COMMONNESS_MARGIN = 1;
/** A reading with more damaged characters (U+FFFD, controls, private use) than this share of its hanzi is not prose. */
const COMMONNESS_DAMAGE_SHARE = 0.02;

/**
 * Detects the encoding of Chinese text. A BOM decides; strictly valid UTF-8 decides; UTF-8 with
 * a few damaged sequences is still the best guess, but not a sure one; otherwise each remaining
 * encoding's byte grammar is scored by how much of the text falls in the character ranges
 * Chinese prose actually uses (GB2312's hanzi, punctuation and box-drawing rows for GBK, Big5's
 * frequent-hanzi block for Big5, CJK and ASCII code units for UTF-16). Mojibake decodes into
 * rare rows, kana, Cyrillic or invalid sequences. Those rows cannot tell GBK from Big5 when both
 * read cleanly, so each reading is also judged by how common its hanzi are (OpenCC's phrase
 * dictionaries counted, see hanzi-frequency.ts): the reading whose hanzi are clearly the common
 * ones wins, unless the byte rows are sure of another (then the user chooses). When neither
 * signal is clear, `confident` is false. A guess that would lose bytes (U+FFFD), a file cut
 * off mid-character or lone surrogates are never confident either, so the user sees them.
 */
export function detectEncoding(bytes: Uint8Array): EncodingDetection {
  const guess = guessEncoding(bytes);
  const { replacements, warnings } = decodingReport(bytes, guess.encoding);
  const damaged = replacements > 0 || warnings.length > 0;
  return { ...guess, confident: guess.confident && !damaged, replacements, warnings };
}

type Guess = Omit<EncodingDetection, 'replacements' | 'warnings'>;

function guessEncoding(bytes: Uint8Array): Guess {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const bom = bomOf(sample);
  if (bom) return { encoding: bom, confident: true, confidence: 1, bom: true, candidates: [bom] };

  const scores = legacyScores(sample);
  // A character cut off at the end is not held against UTF-8 here: the report warns of it.
  const utf8 = utf8Profile(sample);
  if (utf8.damaged === 0) {
    // Valid UTF-8 with real multi-byte content is UTF-8; a handful of multi-byte characters that
    // also read as plausible GBK or Big5 is too little to be sure.
    const rivals = scores.filter(([, s]) => s >= UTF8_RIVAL_SCORE).map(([e]) => e);
    const confident = utf8.multiByteChars >= UTF8_SURE_CHARS || utf8.multiByteChars === 0 || rivals.length === 0;
    return {
      encoding: 'utf-8',
      confident,
      confidence: confident ? 1 : 0.6,
      bom: false,
      candidates: ['utf-8', ...rivals],
    };
  }
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores as [[TextEncodingName, number], [TextEncodingName, number]];
  // A UTF-8 file with a bad byte or two is still UTF-8: offer it first (with its replacements),
  // never drop it for encodings that only read it as mojibake.
  const utf8Share = utf8.multiByteChars / (utf8.multiByteChars + utf8.damaged);
  if (utf8.damaged <= UTF8_DAMAGE_SHARE * (utf8.multiByteChars + utf8.damaged)) {
    const others = scores.filter(([, s]) => s >= CANDIDATE_SCORE).map(([e]) => e);
    return { encoding: 'utf-8', confident: false, confidence: utf8Share, bom: false, candidates: ['utf-8', ...others] };
  }
  const byBytes = best[1] >= CONFIDENT_SCORE && best[1] - second[1] >= CONFIDENT_MARGIN;
  // Byte rows cannot tell GBK from Big5 when both read cleanly (GB2312's rows are valid Big5), nor
  // see that GBK's box-drawing rows are text: how common the hanzi of each reading are can.
  const verdict = commonnessVerdict(sample, scores);
  const encoding = verdict ?? best[0];
  // Where the bytes are sure of another reading, the two signals disagree: ask.
  const confident = verdict === null ? byBytes : !byBytes || best[0] === verdict;
  const candidates = scores.filter(([e, s]) => e === best[0] || s >= CANDIDATE_SCORE).map(([e]) => e);
  if (candidates.length < 2) candidates.push(second[0]);
  const ordered = [encoding, ...candidates.filter((e) => e !== encoding)];
  const confidence = scores.find(([e]) => e === encoding)?.[1] ?? 0;
  return { encoding, confident, confidence, bom: false, candidates: ordered };
}

interface Reading {
  encoding: TextEncodingName;
  /** Mean ln(count) of its hanzi. */
  mean: number;
  /** Enough different hanzi, and little damage, to be judged by them. */
  prose: boolean;
}

/**
 * The legacy reading whose hanzi are clearly the common ones of written Chinese, or null when no
 * reading is: it must hold {@link COMMONNESS_MIN_DISTINCT} different hanzi and little damage,
 * their mean ln(count) (see hanzi-frequency.ts) must reach {@link COMMONNESS_FLOOR}, and every
 * other reading's must trail it by {@link COMMONNESS_MARGIN}. Mojibake is made of rare hanzi,
 * so the right reading leads by far, even on 60 characters.
 */
function commonnessVerdict(sample: Uint8Array, scores: [TextEncodingName, number][]): TextEncodingName | null {
  const head = sample.subarray(0, COMMONNESS_BYTES);
  const readings: Reading[] = [];
  for (const [encoding] of scores) {
    const text = decodeBytes(head, encoding);
    const c = commonness(text);
    if (!c) return null;
    const prose = c.distinct >= COMMONNESS_MIN_DISTINCT && decodingDamage(text) <= COMMONNESS_DAMAGE_SHARE * c.hanzi;
    readings.push({ encoding, mean: c.mean, prose });
  }
  readings.sort((a, b) => b.mean - a.mean);
  const [best, second] = readings as [Reading, Reading];
  if (!best.prose || best.mean < COMMONNESS_FLOOR || best.mean - second.mean < COMMONNESS_MARGIN) return null;
  return best.encoding;
}

/** How plausible each non-UTF-8 encoding's reading of the bytes is, 0..1 (see {@link detectEncoding}). */
export function legacyScores(sample: Uint8Array): [TextEncodingName, number][] {
  return [
    ['gb18030', scoreGbk(sample)],
    ['big5', scoreBig5(sample)],
    ['utf-16le', scoreUtf16(sample, true)],
    ['utf-16be', scoreUtf16(sample, false)],
  ];
}

/**
 * What decoding the whole file with `encoding` costs: how many bytes become U+FFFD (U+FFFD
 * written in the file itself does not count), whether the file ends in the middle of a character,
 * and whether it holds lone surrogates (UTF-16 halves without their pair, or UTF-8's encoded
 * surrogates, which are invalid and become U+FFFD).
 */
export function decodingReport(
  bytes: Uint8Array,
  encoding: TextEncodingName,
): { replacements: number; warnings: DecodeWarning[] } {
  const warnings: DecodeWarning[] = [];
  const text = decodeBytes(bytes, encoding);
  let replacements = 0;
  let lone = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replacements++;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else if ((c & 0xf800) === 0xd800) lone = true;
  }
  if (encoding === 'utf-8') {
    replacements -= literalReplacementChars(bytes);
    lone ||= hasEncodedSurrogate(bytes);
  }
  if (endsMidCharacter(bytes, text, encoding)) warnings.push('truncated');
  if (lone) warnings.push('lone_surrogate');
  return { replacements: Math.max(0, replacements), warnings };
}

/** U+FFFD written as such in UTF-8 (EF BF BD): text, not damage. */
function literalReplacementChars(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(0xef); i >= 0 && i + 2 < b.length; i = b.indexOf(0xef, i + 1)) {
    if (b[i + 1] === 0xbf && b[i + 2] === 0xbd) n++;
  }
  return n;
}

/** ED A0–BF: a UTF-16 surrogate written as UTF-8 (CESU-8 or a lone half), which UTF-8 forbids. */
function hasEncodedSurrogate(b: Uint8Array): boolean {
  for (let i = b.indexOf(0xed); i >= 0 && i + 1 < b.length; i = b.indexOf(0xed, i + 1)) {
    const t = b[i + 1] as number;
    if (t >= 0xa0 && t <= 0xbf) return true;
  }
  return false;
}

/** Whether the last character is cut off: an odd UTF-16 byte, a lead byte without its trail bytes. */
function endsMidCharacter(b: Uint8Array, text: string, encoding: TextEncodingName): boolean {
  const n = b.length;
  if (n === 0) return false;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    if (n % 2 === 1) return true;
    const last =
      encoding === 'utf-16le'
        ? (b[n - 2] as number) | ((b[n - 1] as number) << 8)
        : ((b[n - 2] as number) << 8) | (b[n - 1] as number);
    return last >= 0xd800 && last <= 0xdbff;
  }
  if (encoding === 'utf-8') {
    // The last lead byte within three of the end, and fewer trail bytes after it than it needs.
    for (let k = 1; k <= Math.min(3, n); k++) {
      const c = b[n - k] as number;
      if ((c & 0xc0) === 0x80) continue;
      const need = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c <= 0xdf ? 1 : 0;
      return need >= k && c >= 0xc2 && c <= 0xf4;
    }
    return false;
  }
  // GBK and Big5 decoders turn a lead byte that the file ends on into one last U+FFFD.
  return text.charCodeAt(text.length - 1) === 0xfffd && (b[n - 1] as number) >= 0x81;
}

/** Decodes with the given encoding, dropping a BOM; bad bytes become U+FFFD, never an exception. */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const MAGIC: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x50, 0x4b, 0x03, 0x04], // zip, docx, epub
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0xff, 0xd8, 0xff], // JPEG
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x1f, 0x8b], // gzip
  [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], // SQLite
];

/** True for data that is not text in any encoding we read. BOM-less UTF-16 text is text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (MAGIC.some((m) => m.every((b, i) => sample[i] === b))) return true;
  if (bomOf(sample)) return false;
  let controls = 0;
  let nuls = 0;
  for (const b of sample) {
    if (b === 0) nuls++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  if (nuls > 0 && Math.max(scoreUtf16(sample, true), scoreUtf16(sample, false)) >= UTF16_TEXT_SCORE) return false;
  return nuls > 0 || controls / Math.max(1, sample.length) > BINARY_CONTROL_SHARE;
}

/** Counts decoding damage: U+FFFD, C0 controls other than tab, line feed, carriage return and form feed, private-use characters. */
export function decodingDamage(text: string): number {
  let damage = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0xfffd ||
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) ||
      (c >= 0xe000 && c <= 0xf8ff)
    ) {
      damage++;
    }
  }
  return damage;
}

function bomOf(b: Uint8Array): TextEncodingName | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Strict UTF-8 validation: counts well-formed multi-byte characters and damaged sequences
 * (invalid, overlong, surrogates, cut off before the next character). A sequence cut off by the
 * end of the bytes is not counted: samples end anywhere.
 */
function utf8Profile(b: Uint8Array): { multiByteChars: number; damaged: number } {
  let multiByteChars = 0;
  let damaged = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) {
      damaged++;
      i++;
      continue;
    }
    let k = 1;
    while (k <= n && i + k < b.length && ((b[i + k] as number) & 0xc0) === 0x80) k++;
    if (k <= n) {
      if (i + k >= b.length) break;
      damaged++;
      i += k;
      continue;
    }
    // Overlongs and surrogates are invalid.
    const t1 = b[i + 1] as number;
    if (
      (c === 0xe0 && t1 < 0xa0) ||
      (c === 0xed && t1 > 0x9f) ||
      (c === 0xf0 && t1 < 0x90) ||
      (c === 0xf4 && t1 > 0x8f)
    ) {
      damaged++;
    } else multiByteChars++;
    i += n + 1;
  }
  return { multiByteChars, damaged };
}

/**
 * Share of double-byte characters that fall in GB2312's punctuation, box-drawing and hanzi rows,
 * under GBK's grammar; a well-formed GB18030 four-byte sequence counts as common. Invalid
 * sequences weigh double.
 */
function scoreGbk(b: Uint8Array): number {
  let common = 0;
  let total = 0;
  for (let i = 0; i < b.length; i++) {
    const lead = b[i] as number;
    if (lead < 0x80) continue;
    const trail = b[i + 1];
    if (trail === undefined) break;
    if (lead === 0x80 || lead === 0xff) {
      total += 2;
      continue;
    }
    if (trail >= 0x30 && trail <= 0x39) {
      // A GB18030 four-byte sequence (a character GBK lacks, such as U+00A0 or ‧): no other
      // encoding we read puts digits after high bytes this way, so a well-formed one is text.
      const third = b[i + 2];
      const fourth = b[i + 3];
      if (third === undefined || fourth === undefined) break;
      total++;
      if (third >= 0x81 && third <= 0xfe && fourth >= 0x30 && fourth <= 0x39) common++;
      i += 3;
      continue;
    }
    if (trail < 0x40 || trail === 0x7f || trail === 0xff) {
      total += 2;
      continue;
    }
    total++;
    // A9A4–A9EF: GB2312's box-drawing row, which plain-text tables are drawn with.
    if (trail >= 0xa1 && ((lead >= 0xb0 && lead <= 0xf7) || (lead >= 0xa1 && lead <= 0xa3))) common++;
    else if (lead === 0xa9 && trail >= 0xa4 && trail <= 0xef) common++;
    i++;
  }
  return total === 0 ? 0 : common / total;
}

/**
 * Share of double-byte characters in Big5's symbol rows and its frequent-hanzi block. Big5 puts
 * about 40% of its characters on trail bytes 0x40–0x7E, which GB2312 never uses: a dozen or more
 * characters with none of them is GBK-shaped text, and scores half.
 */
function scoreBig5(b: Uint8Array): number {
  let common = 0;
  let total = 0;
  let lowTrails = 0;
  let pairs = 0;
  for (let i = 0; i < b.length; i++) {
    const lead = b[i] as number;
    if (lead < 0x80) continue;
    const trail = b[i + 1];
    if (trail === undefined) break;
    const validTrail = (trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe);
    if (lead < 0x81 || lead > 0xfe || !validTrail) {
      total += 2;
      continue;
    }
    total++;
    pairs++;
    if (trail <= 0x7e) lowTrails++;
    // A1–A3: punctuation and symbols; A4–C6 (to C67E): the 5,401 frequent hanzi; C9–F9: the less frequent ones count half.
    if ((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xa4 && lead <= 0xc5) || (lead === 0xc6 && trail <= 0x7e)) common++;
    else if (lead >= 0xc9 && lead <= 0xf9) common += 0.5;
    i++;
  }
  if (total === 0) return 0;
  return (common / total) * (pairs >= BIG5_GBK_SHAPED_PAIRS && lowTrails === 0 ? 0.5 : 1);
}

/** Share of UTF-16 code units that are CJK ideographs, CJK or full-width punctuation, or printable ASCII. */
function scoreUtf16(b: Uint8Array, littleEndian: boolean): number {
  const units = b.length >> 1;
  if (units === 0) return 0;
  let good = 0;
  for (let i = 0; i + 1 < b.length; i += 2) {
    const u = littleEndian
      ? (b[i] as number) | ((b[i + 1] as number) << 8)
      : ((b[i] as number) << 8) | (b[i + 1] as number);
    if (
      (u >= 0x20 && u <= 0x7e) ||
      u === 0x0a ||
      u === 0x0d ||
      u === 0x09 ||
      (u >= 0x4e00 && u <= 0x9fff) ||
      (u >= 0x3000 && u <= 0x303f) ||
      (u >= 0xff00 && u <= 0xffef) ||
      (u >= 0x2010 && u <= 0x2027) ||
      (u >= 0x3400 && u <= 0x4dbf)
    ) {
      good++;
    }
  }
  return good / units;
}
