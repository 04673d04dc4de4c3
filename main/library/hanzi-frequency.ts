import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openccDataDir } from '../script/opencc/data';

/**
 * How common each hanzi is, estimated from how often it occurs in OpenCC's phrase dictionaries
 * (STPhrases holds Simplified phrases with their Traditional forms, TSPhrases the reverse, so
 * both scripts are counted). Phrase lists favour the characters real prose is made of; the
 * hanzi that mojibake produces (a GBK file read as Big5, say) are mostly ones no phrase uses.
 */

/** The dictionaries counted, in the installed `opencc` package's data (found as the converter finds it). */
const SOURCES = ['STPhrases', 'TSPhrases'];

/** ln(1 + occurrences) of each BMP code unit; built once, on first use (about 20 ms). */
let logCounts: Float32Array | null | undefined;

function table(): Float32Array | null {
  if (logCounts === undefined) {
    try {
      const counts = new Uint32Array(0x10000);
      for (const name of SOURCES) {
        const text = readFileSync(join(openccDataDir(), 'dictionary', `${name}.txt`), 'utf8');
        for (let i = 0; i < text.length; i++) (counts[text.charCodeAt(i)] as number)++;
      }
      logCounts = new Float32Array(0x10000);
      for (let c = 0; c < 0x10000; c++) logCounts[c] = Math.log1p(counts[c] as number);
    } catch {
      // Without the dictionaries detection falls back to byte rows alone (and asks more often).
      logCounts = null;
    }
  }
  return logCounts;
}

/** The hanzi of a text, judged by how common they are. */
export interface Commonness {
  /** Mean ln(1 + occurrences) over the text's hanzi (0 when it has none). */
  mean: number;
  /** How many hanzi the text has... */
  hanzi: number;
  /** ...and how many different ones, counted up to {@link DISTINCT_CAP}. */
  distinct: number;
}

/** Distinct hanzi are counted up to here: callers only ask whether there are a few. */
export const DISTINCT_CAP = 64;

/** CJK Unified Ideographs, Extension A and the compatibility block: what the table counts. */
const isHanzi = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

/** How common the hanzi of `text` are; null when OpenCC's dictionaries cannot be read. */
export function commonness(text: string): Commonness | null {
  const logs = table();
  if (!logs) return null;
  let sum = 0;
  let hanzi = 0;
  const seen: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isHanzi(c)) continue;
    sum += logs[c] as number;
    hanzi++;
    if (seen.length < DISTINCT_CAP && !seen.includes(c)) seen.push(c);
  }
  return { mean: hanzi === 0 ? 0 : sum / hanzi, hanzi, distinct: seen.length };
}
