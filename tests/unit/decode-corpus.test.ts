import iconv from 'iconv-lite';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { detectEncoding, type TextEncodingName } from '../../main/library/decode';
import { decodeBytes } from '../../main/library/decoding';
import { loadConverter, type Variant } from '../../main/script/convert';
import { samples } from '../helpers/data';

/**
 * Encoding detection on generated files of real prose, the way readers' files come: Simplified
 * prose (Debian's fortunes-zh and the seed articles) and its Traditional versions made by our own
 * converter, written as UTF-8, GBK, GB18030, Big5 and Big5-HKSCS. A file must be detected
 * confidently and decoded exactly, or asked about with the right encoding on offer; asking stays
 * under 1% per encoding and a confident wrong reading never happens.
 */

const FORTUNES = '/usr/share/games/fortunes/chinese';
const HAVE_FORTUNES = existsSync(FORTUNES);
if (!HAVE_FORTUNES) {
  console.warn(`Debian's fortunes-zh is not installed (${FORTUNES}): the 3,000-character corpus is skipped.`);
}

const ESC = String.fromCharCode(0x1b);
const COLOUR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

/** fortunes-zh's text without its ANSI colours (some nested inside others) and `%` separators. */
function fortunes(): string {
  let text = readFileSync(FORTUNES, 'utf8');
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(COLOUR, '');
  }
  return text
    .replaceAll(ESC, '')
    .split(/^%$/m)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** How a set's files are written, and what reading them back must find. */
interface Encoding {
  label: string;
  /** iconv-lite's name for the writer. */
  writer: string;
  expected: TextEncodingName;
}
const UTF8: Encoding = { label: 'UTF-8', writer: 'utf-8', expected: 'utf-8' };
const GBK: Encoding = { label: 'GBK', writer: 'gbk', expected: 'gb18030' };
const GB18030: Encoding = { label: 'GB18030', writer: 'gb18030', expected: 'gb18030' };
const BIG5: Encoding = { label: 'Big5', writer: 'cp950', expected: 'big5' };
const HKSCS: Encoding = { label: 'Big5-HKSCS', writer: 'big5hkscs', expected: 'big5' };

const canEncode = new Map<string, Map<string, boolean>>();
/** The characters of `text` that the writer can encode (others would be written as `?`). */
function encodable(text: string, writer: string): string {
  let known = canEncode.get(writer);
  if (!known) canEncode.set(writer, (known = new Map<string, boolean>()));
  const kept: string[] = [];
  for (const ch of text) {
    let ok = known.get(ch);
    if (ok === undefined) known.set(ch, (ok = iconv.decode(iconv.encode(ch, writer), writer) === ch));
    if (ok) kept.push(ch);
  }
  return kept.join('');
}

const convert = (text: string, variant: Variant) => loadConverter(variant).convert(text).text;

/** Each encoding's source text: Simplified for the GB encodings, Traditional (Taiwan, Hong Kong) for Big5. */
function sources(simplified: string): Map<Encoding, string> {
  const half = Math.floor(simplified.length / 2);
  const traditional = `${convert(simplified.slice(0, half), 's2t')}\n\n${convert(simplified.slice(half), 's2tw')}`;
  const hongKong = convert(simplified.slice(0, 400_000), 's2hk');
  return new Map([
    [UTF8, `${simplified}\n\n${traditional}`],
    [GBK, encodable(simplified, 'gbk')],
    [GB18030, simplified],
    [BIG5, encodable(traditional, 'cp950')],
    [HKSCS, encodable(hongKong, 'big5hkscs')],
  ]);
}

const characters = new Map<string, string[]>();
/** `count` texts of `length` characters, spread evenly over `text`. */
function excerpts(text: string, count: number, length: (i: number) => number): string[] {
  let chars = characters.get(text);
  if (!chars) characters.set(text, (chars = [...text]));
  const all = chars;
  return Array.from({ length: count }, (_, i) => {
    const n = length(i);
    const start = Math.floor((i / count) * (all.length - n));
    return all.slice(start, start + n).join('');
  });
}

/** The seed articles (tests/helpers/data.ts finds them): 000 is Simplified, the others Traditional. */
function seeds(): { simplified: string; traditional: string[] } {
  const all = samples();
  const [first, ...rest] = Object.keys(all).sort();
  return { simplified: all[first as string] as string, traditional: rest.map((n) => all[n] as string) };
}

const isHanzi = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
const hanziShare = (text: string) => [...text].filter((ch) => isHanzi(ch.charCodeAt(0))).length / text.length;

interface Tally {
  files: number;
  asked: number;
  /** Asked without the right encoding among the choices. */
  unoffered: string[];
  wrong: string[];
}

/** Detects every text written in `encoding`; a wrong confident reading records the text's start. */
function tally(texts: string[], encoding: Encoding): Tally {
  const result: Tally = { files: texts.length, asked: 0, unoffered: [], wrong: [] };
  for (const text of texts) {
    const bytes = new Uint8Array(iconv.encode(text, encoding.writer));
    const d = detectEncoding(bytes);
    if (!d.confident) {
      result.asked++;
      if (!d.candidates.includes(encoding.expected))
        result.unoffered.push(`${d.candidates.join(' ')}: ${text.slice(0, 40)}`);
    } else if (decodeBytes(bytes, d.encoding) !== text) {
      result.wrong.push(`${d.encoding}: ${text.slice(0, 40)}`);
    }
  }
  return result;
}

const rates: string[] = [];
const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
function report(what: string, encoding: Encoding, t: Tally): void {
  rates.push(
    `${what}, ${encoding.label}: ${t.files} files, asked ${t.asked} (${percent(t.asked, t.files)}), ` +
      `without the right choice ${t.unoffered.length}, wrong ${t.wrong.length}`,
  );
}
afterAll(() => console.log(`encoding detection on real prose:\n  ${rates.join('\n  ')}`));

describe('the seed articles in every legacy encoding', () => {
  const { simplified, traditional } = seeds();
  const versions: { label: string; text: string; encoding: Encoding }[] = [
    { label: 'Simplified seed', text: simplified, encoding: GBK },
    { label: 'Simplified seed', text: simplified, encoding: GB18030 },
    ...traditional.flatMap((t, i) => [
      { label: `Traditional seed ${i + 1}`, text: t, encoding: BIG5 },
      { label: `Traditional seed ${i + 1} through t2s`, text: convert(t, 't2s'), encoding: GBK },
    ]),
    { label: 'Simplified seed through s2t', text: convert(simplified, 's2t'), encoding: BIG5 },
    { label: 'Simplified seed through s2tw', text: convert(simplified, 's2tw'), encoding: BIG5 },
    { label: 'Simplified seed through s2hk', text: convert(simplified, 's2hk'), encoding: HKSCS },
  ];
  it.each(versions)('$label as $encoding.label: detected confidently and decoded exactly', ({ text, encoding }) => {
    const kept = encodable(text, encoding.writer);
    expect([...kept].length).toBeGreaterThan(0.99 * [...text].length);
    const bytes = new Uint8Array(iconv.encode(kept, encoding.writer));
    const d = detectEncoding(bytes);
    expect(d).toMatchObject({ encoding: encoding.expected, confident: true });
    expect(decodeBytes(bytes, d.encoding)).toBe(kept);
  });
});

/** Simplified prose: the seeds (the Traditional ones through t2s) and, when installed, fortunes-zh. */
function simplifiedProse(): string {
  const seed = seeds();
  const texts = [seed.simplified, ...seed.traditional.map((t) => convert(t, 't2s'))];
  return (HAVE_FORTUNES ? [...texts, fortunes()] : texts).join('\n\n');
}
const byEncoding = sources(simplifiedProse());

describe.skipIf(!HAVE_FORTUNES)('333 files of about 3,000 characters of real prose per encoding', () => {
  const FILES = 333;

  it.each([UTF8, GBK, GB18030, BIG5, HKSCS])('$label: asks for under 1%, never wrong', (encoding) => {
    const texts = excerpts(byEncoding.get(encoding) as string, FILES, (i) => 2800 + ((i * 37) % 400));
    const t = tally(texts, encoding);
    report('3,000 characters', encoding, t);
    expect(t.wrong).toEqual([]);
    expect(t.unoffered).toEqual([]);
    expect(t.asked).toBeLessThan(0.01 * t.files);
  });

  it('the files are what they claim: GB18030 ones hold four-byte sequences, HKSCS ones characters plain Big5 lacks', () => {
    const gb18030 = excerpts(byEncoding.get(GB18030) as string, FILES, () => 3000);
    const fourByte = gb18030.filter((t) => encodable(t, 'gbk') !== t).length;
    const hk = excerpts(byEncoding.get(HKSCS) as string, FILES, () => 3000);
    const hkscsOnly = hk.filter((t) => encodable(t, 'cp950') !== t).length;
    rates.push(
      `GB18030 files with four-byte characters: ${fourByte}; Big5-HKSCS files beyond plain Big5: ${hkscsOnly}`,
    );
    expect(fourByte).toBeGreaterThan(FILES / 10);
    expect(hkscsOnly).toBeGreaterThan(FILES / 10);
  });
});

describe(`short texts (60–300 characters) of ${HAVE_FORTUNES ? 'fortunes-zh and ' : ''}the seeds`, () => {
  const LENGTHS = [60, 100, 150, 200, 300];
  const COUNT = HAVE_FORTUNES ? 1000 : 200;
  it.each([GBK, GB18030, BIG5, HKSCS, UTF8])('$label: never wrong; prose asks for under 1%', (encoding) => {
    const texts = excerpts(byEncoding.get(encoding) as string, COUNT, (i) => LENGTHS[i % LENGTHS.length] as number);
    // fortunes-zh holds shell sessions and tables drawn in box characters too: a cut of one may
    // hold two hanzi, too few to tell GBK from Big5 by, and asking is right. Prose is half hanzi.
    const prose = texts.filter((t) => hanziShare(t) >= 0.5);
    expect(prose.length).toBeGreaterThan(COUNT / 10);
    const all = tally(texts, encoding);
    const ofProse = tally(prose, encoding);
    report('60–300 characters, any', encoding, all);
    report('60–300 characters, prose', encoding, ofProse);
    expect(all.wrong).toEqual([]);
    expect(all.unoffered).toEqual([]);
    expect(ofProse.asked).toBeLessThan(0.01 * ofProse.files);
  });
});
