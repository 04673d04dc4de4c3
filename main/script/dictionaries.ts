import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openccDataDir } from './opencc/data';

/**
 * OpenCC's dictionaries, read from the `opencc` npm package's data/dictionary folder (its
 * native binary is never loaded). Each line is `key<TAB>value value…`.
 */
export type Dictionary = Map<string, string[]>;

export function openccDictionaryDir(): string {
  return join(openccDataDir(), 'dictionary');
}

export function parseDictionary(text: string): Dictionary {
  const dict: Dictionary = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const key = line.slice(0, tab);
    const values = line
      .slice(tab + 1)
      .trim()
      .split(' ')
      .filter((v) => v !== '');
    if (values.length > 0) dict.set(key, values);
  }
  return dict;
}

export function loadDictionary(name: string, dir: string = openccDictionaryDir()): Dictionary {
  return parseDictionary(readFileSync(join(dir, `${name}.txt`), 'utf8'));
}
