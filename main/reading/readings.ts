import { pinyin } from 'pinyin-pro';
import type { CharacterReading, ReadingOptions } from '../../preload/contract/reading';
import type { Conversion } from '../script/convert';
import { convert as openccConvert } from '../script/convert';
import { markSyllable } from './pinyin';
import { zhuyinSyllable } from './zhuyin';

/**
 * Ruby readings: one reading per Han character, chosen in context by pinyin-pro (its own word
 * segmentation picks 多音字 readings: 重庆 chóng qìng, 银行 yín háng, 行长 háng zhǎng), with the tone
 * sandhi of 一 and 不 as an option.
 *
 * This lives in main/ for now because Traditional text is read through OpenCC's t2s, which runs
 * on OpenCC's data files; pinyin-pro and the rest are pure JavaScript, so once the renderer has
 * the conversion (it gets converted text with its alignment from main already) the same function
 * can move to renderer/ and run over just the visible blocks.
 *
 * pinyin-pro knows Simplified words only: on Traditional text it reads 重慶 zhòng qìng and 銀行 yín
 * xíng. So the text is converted with t2s and the readings are mapped back to the source
 * characters through the conversion's alignment.
 */

export interface ReadingsDependencies {
  /** Conversion to read Traditional text through; OpenCC's t2s by default. */
  convert?: (text: string, variant: 't2s') => Conversion;
  /**
   * A numbered reading ("ruan3") for a Han character pinyin-pro does not know (rare characters
   * outside its tables, such as most of CJK Extension B); characters it returns null for get no
   * reading. A caller with the dictionary loaded can pass a lookup in CC-CEDICT.
   */
  fallback?: (character: string) => string | null;
}

const HAN = /^\p{Script=Han}$/u;

/**
 * Builds pinyin-pro's dictionaries and loads OpenCC's t2s now rather than when ruby is first
 * turned on, which otherwise pays for them (~0.2 s here, beside ~10–20 ms for a screen).
 */
export function prepareReadings(): void {
  readingsFor('準備', { system: 'pinyin', sandhi: true });
}

/** Readings for the Han characters of `text`, in text order, as UTF-16 ranges of `text`. */
export function readingsFor(
  text: string,
  options: ReadingOptions,
  dependencies: ReadingsDependencies = {},
): CharacterReading[] {
  const { text: simplified, alignment } = (dependencies.convert ?? openccConvert)(text, 't2s');
  const write = options.system === 'zhuyin' ? zhuyinSyllable : markSyllable;
  const items = pinyin(simplified, {
    type: 'all',
    toneType: 'num',
    toneSandhi: options.sandhi,
    nonZh: 'consecutive',
  });

  // Readings in the converted text's offsets first; t2s keeps lengths almost everywhere, so
  // each usually maps to exactly one source character.
  const inTarget: CharacterReading[] = [];
  let position = 0;
  for (const item of items) {
    const origin = item.origin;
    if (item.isZh && item.pinyin) {
      inTarget.push({ start: position, end: position + origin.length, reading: write(item.pinyin) ?? item.pinyin });
    } else if (dependencies.fallback) {
      let at = position;
      for (const character of origin) {
        const numbered = HAN.test(character) ? dependencies.fallback(character) : null;
        if (numbered) inTarget.push({ start: at, end: at + character.length, reading: write(numbered) ?? numbered });
        at += character.length;
      }
    }
    position += origin.length;
  }
  if (position !== simplified.length) throw new Error('readingsFor: pinyin-pro did not return the whole text');

  // Where the conversion changed length (二噁英 → 二𫫇英 is one phrase of OpenCC's), the readings
  // inside fall on one source span: they go one per Han character when the counts agree, else
  // they share the span, joined, rather than being pinned to the wrong characters.
  const result: CharacterReading[] = [];
  for (let i = 0; i < inTarget.length;) {
    const source = alignment.rangeToSource(inTarget[i]!);
    let j = i + 1;
    while (j < inTarget.length && sameRange(alignment.rangeToSource(inTarget[j]!), source)) j++;
    const group = inTarget.slice(i, j);
    const characters = hanCharacters(text, source.start, source.end);
    if (characters.length === group.length)
      characters.forEach((c, k) => result.push({ ...c, reading: group[k]!.reading }));
    else result.push({ ...source, reading: group.map((r) => r.reading).join(' ') });
    i = j;
  }
  return result;
}

const sameRange = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start === b.start && a.end === b.end;

/** The Han characters of text[start, end) as ranges. */
function hanCharacters(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let at = start; at < end;) {
    const character = String.fromCodePoint(text.codePointAt(at)!);
    if (HAN.test(character)) out.push({ start: at, end: at + character.length });
    at += character.length;
  }
  return out;
}
