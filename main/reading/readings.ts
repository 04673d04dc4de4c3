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

  const result: CharacterReading[] = [];
  for (const r of inTarget) {
    const source = alignment.rangeToSource(r);
    const last = result[result.length - 1];
    // Where the conversion changed length, several readings can fall on one source span: they
    // share it, joined, rather than being pinned to the wrong characters.
    if (last && last.start === source.start && last.end === source.end) last.reading += ` ${r.reading}`;
    else result.push({ start: source.start, end: source.end, reading: r.reading });
  }
  return result;
}
