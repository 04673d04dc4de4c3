import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyOf, scanDictionary, valuesOf } from './opencc/dictionary-format';
import { openccDataDir } from './opencc/data';

/**
 * OpenCC's dictionaries as key → candidates, read from the `opencc` npm package's
 * data/dictionary folder (its native binary is never loaded) with the one dictionary parser.
 */
export type Dictionary = Map<string, string[]>;

export function openccDictionaryDir(): string {
  return join(openccDataDir(), 'dictionary');
}

/** Every key with its candidates; a later line for the same key replaces an earlier one. */
export function parseDictionary(text: string, name?: string): Dictionary {
  const dict: Dictionary = new Map();
  scanDictionary(
    text,
    {
      entry(t, span) {
        const key = keyOf(t, span);
        const values = valuesOf(t, span);
        if (key !== '' && values.length > 0) dict.set(key, values);
      },
    },
    name,
  );
  return dict;
}

export function loadDictionary(name: string, dir: string = openccDictionaryDir()): Dictionary {
  return parseDictionary(readFileSync(join(dir, `${name}.txt`), 'utf8'), name);
}
