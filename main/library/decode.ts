import { decodeBytes, decodingDamage, decodingReport } from './decoding';
import { bomOf, legacyScores, scoreUtf16, utf8Profile } from './encoding-scores';
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
