import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type DictEntry, firstValueOf, keyOf, scanDictionary, valuesOf } from './dictionary-format';

export type { DictEntry };

/**
 * OpenCC's dictionary data, read from the text sources in the `opencc` npm package (its native
 * binary and its compiled .ocd2 files are never used). The dictionaries OpenCC's build generates
 * (reverse tables, the tofu-risk extension, the ST phrases projected from regional phrases) are
 * derived here from the same sources by ports of OpenCC's data/scripts/*.py.
 */

/** Converts strings with a t2s converter; needed to derive STPhrases_GeneratedFromRegionalPhrases. */
export type TextConverter = (text: string) => string;

/** Bumped whenever the engine's semantics or compiled table layout change, so caches invalidate. */
const ENGINE_VERSION = 'duizhao-opencc-1';

/** The `data` folder of the installed `opencc` package (holds config/ and dictionary/). */
export function openccDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('opencc/package.json')), 'data');
}

const REVERSE_PREFERENCE_PREFIX = '# @reverse-prefer:';
const TOFU_RISK_PREFIX = '# @tofu-risk:';

/** A dictionary reduced to what conversion uses: each key and its first candidate. */
export interface Lexicon {
  keys: string[];
  values: string[];
}

/** Parses a dictionary the way OpenCC's text loader does, keeping each key's first value. */
export function parseLexicon(text: string, name = 'dictionary'): Lexicon {
  const keys: string[] = [];
  const values: string[] = [];
  scanDictionary(
    text,
    {
      entry(t, span) {
        keys.push(keyOf(t, span));
        values.push(firstValueOf(t, span));
      },
    },
    name,
  );
  return { keys, values };
}

function lexiconOf(entries: DictEntry[]): Lexicon {
  return { keys: entries.map((e) => e.key), values: entries.map((e) => e.values[0] ?? e.key) };
}

/** Port of common.py's Dict: entries plus the `# @reverse-prefer:` annotations. */
function parsePythonDict(text: string): { entries: DictEntry[]; preferences: Map<string, string> } {
  const entries: DictEntry[] = [];
  const preferences = new Map<string, string>();
  scanDictionary(text, {
    entry: (t, span) => entries.push({ key: keyOf(t, span), values: valuesOf(t, span) }),
    comment(line) {
      if (!line.startsWith(REVERSE_PREFERENCE_PREFIX)) return;
      const fields = line.slice(REVERSE_PREFERENCE_PREFIX.length).trim().split(/\s+/);
      const first = fields[0];
      const last = fields[fields.length - 1];
      if ((fields.length !== 1 && fields.length !== 2) || first === undefined || last === undefined) {
        throw new Error(`Invalid reverse preference: ${line}`);
      }
      preferences.set(first, last);
    },
  });
  return { entries, preferences };
}

/**
 * Port of reverse.py (common.reverse_items): every value becomes a key whose candidates are the
 * original keys in file order, then `@reverse-prefer` moves the preferred one to the front.
 */
export function reverseDictionary(text: string): DictEntry[] {
  const { entries, preferences } = parsePythonDict(text);
  const swapped = new Map<string, string[]>();
  for (const { key, values } of entries) {
    for (const value of values) {
      const list = swapped.get(value);
      if (list) list.push(key);
      else swapped.set(value, [key]);
    }
  }
  for (const [key, preferred] of preferences) {
    const values = swapped.get(key);
    const at = values ? values.indexOf(preferred) : -1;
    if (!values || at < 0) throw new Error(`Reverse preference ${key} -> ${preferred} has no matching mapping`);
    values.splice(at, 1);
    values.unshift(preferred);
  }
  return [...swapped].map(([key, values]) => ({ key, values })).sort(byKey);
}

/**
 * Port of extract_tofu_risk.py: the mapping after each `# @tofu-risk:` line, minus the identity
 * candidate, forms TSCharactersExt (rare simplified forms that may render as tofu).
 */
export function extractTofuRisk(text: string): DictEntry[] {
  const out: DictEntry[] = [];
  // The line of the last `@tofu-risk` comment whose mapping has not come yet.
  let pending = 0;
  const missing = (line: number) => new Error(`Expected mapping after ${TOFU_RISK_PREFIX} at line ${line}`);
  scanDictionary(text, {
    comment(line, number) {
      if (pending) throw missing(pending);
      if (line.startsWith(TOFU_RISK_PREFIX)) pending = number;
    },
    entry(t, span) {
      if (!pending) return;
      if (span.line !== pending + 1) throw missing(pending);
      const key = keyOf(t, span);
      let values = valuesOf(t, span);
      if (values[0] === key) values = values.slice(1);
      if (values.length === 0)
        throw new Error(`Expected extension mapping after ${TOFU_RISK_PREFIX} at line ${pending}`);
      out.push({ key, values });
      pending = 0;
    },
  });
  if (pending) throw missing(pending);
  return out;
}

/**
 * Port of generate_st_phrases_from_regional_phrases.py: each Traditional key of HKPhrases and
 * TWPhrases is converted with t2s; projections of at least 3 code points map back to the
 * Traditional key, so that Simplified input keeps the span whole for the regional phrase step.
 */
export function generateStPhrasesFromRegional(regionalTexts: string[], t2s: TextConverter): DictEntry[] {
  const collisions = new Map<string, string[]>();
  for (const text of regionalTexts) {
    for (const key of parseLexicon(text).keys) {
      const converted = t2s(key);
      // Python's len() counts code points; short projections could split longer Simplified words.
      if ([...converted].length < 3) continue;
      const list = collisions.get(converted);
      if (list) list.push(key);
      else collisions.set(converted, [key]);
    }
  }
  const conflicts = [...collisions].filter(([, values]) => new Set(values).size > 1);
  if (conflicts.length > 0) {
    throw new Error(`Conflicting regional phrase simplified projections: ${conflicts.map(([k]) => k).join(', ')}`);
  }
  return [...collisions].map(([key, values]) => ({ key, values: [values[0] ?? key] })).sort(byKey);
}

function byKey(a: DictEntry, b: DictEntry): number {
  // Python sorts str by code point; irrelevant to lookups, kept for faithful dumps.
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** How each generated dictionary is made, from data/dictionary/BUILD.bazel. */
const REVERSED: Record<string, string> = {
  TWVariantsRev: 'TWVariants',
  HKVariantsRev: 'HKVariants',
  JPShinjitaiCharactersRev: 'JPShinjitaiCharacters',
};

/** Reads and (for generated ones) derives OpenCC dictionaries of one data folder, memoised. */
export class DictionaryStore {
  private readonly texts = new Map<string, string>();
  private readonly lexicons = new Map<string, Lexicon>();

  /** @param t2s - returns a t2s converter over this store; only called for the generated ST phrases. */
  constructor(
    readonly dataDir: string,
    private readonly t2s: () => TextConverter,
  ) {}

  get dictionaryDir(): string {
    return join(this.dataDir, 'dictionary');
  }

  text(name: string): string {
    let text = this.texts.get(name);
    if (text === undefined) {
      text = readFileSync(join(this.dictionaryDir, `${name}.txt`), 'utf8');
      this.texts.set(name, text);
    }
    return text;
  }

  /** A dictionary named as in OpenCC configs, without the .ocd2/.txt extension. */
  load(name: string): Lexicon {
    let lexicon = this.lexicons.get(name);
    if (lexicon === undefined) {
      lexicon = this.build(name);
      this.lexicons.set(name, lexicon);
    }
    return lexicon;
  }

  private build(name: string): Lexicon {
    const reversedFrom = REVERSED[name];
    if (reversedFrom !== undefined) return lexiconOf(reverseDictionary(this.text(reversedFrom)));
    if (name === 'TSCharactersExt') return lexiconOf(extractTofuRisk(this.text('TSCharacters')));
    if (name === 'STPhrases_GeneratedFromRegionalPhrases') {
      const regional = [this.text('HKPhrases'), this.text('TWPhrases')];
      return lexiconOf(generateStPhrasesFromRegional(regional, this.t2s()));
    }
    // The text is only needed while parsing: do not keep it.
    const text = this.texts.get(name) ?? readFileSync(join(this.dictionaryDir, `${name}.txt`), 'utf8');
    return parseLexicon(text, name);
  }
}

const versions = new Map<string, string>();

/**
 * A fingerprint of a data folder: SHA-256 over every config and text dictionary (names and
 * contents) plus the engine version, so derived caches can be keyed by it.
 */
export function dataVersion(dataDir: string): string {
  let version = versions.get(dataDir);
  if (version !== undefined) return version;
  const hash = createHash('sha256').update(ENGINE_VERSION);
  for (const sub of ['config', 'dictionary']) {
    const dir = join(dataDir, sub);
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.json') || f.endsWith('.txt'))
      .sort();
    for (const name of names) hash.update(`\0${sub}/${name}\0`).update(readFileSync(join(dir, name)));
  }
  version = hash.digest('hex').slice(0, 16);
  versions.set(dataDir, version);
  return version;
}
