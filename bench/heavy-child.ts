/**
 * One heavy scenario of bench/heavy.ts in a fresh process, so that its peak memory is its own:
 *
 *   node out/bench/bench/heavy-child.mjs <scenario> <worker|inline> <import worker file>
 *
 * It sets up a library (in a temporary folder, as main opens it, with the import worker unless
 * `inline`), runs the scenario once while a 10 ms interval on the main thread records the longest
 * gap (a task that held the thread) and the peak RSS, runs its anchor, and prints one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Highlight, HighlightColor } from '../preload/contract/types';
import { HIGHLIGHT_COLORS } from '../preload/contract/types';
import { describe } from '../main/annotations/quote-selector';
import { ArticleStore } from '../main/db/articles';
import { transactor } from '../main/db/connection';
import { HighlightStore } from '../main/db/highlights';
import { Library } from '../main/library/library';
import { WorkerWork } from '../main/library/work-runner';
import { ScriptDetector } from '../main/script/detect';
import { openServices, type Services } from '../main/services';

export interface HeavyResult {
  scenario: string;
  /** Wall time of the work, from the call to its answer. */
  ms: number;
  /** The longest the main thread was held during it (a 10 ms interval's largest overshoot). */
  longestBlockMs: number;
  /** The same from perf_hooks' event-loop delay histogram (its max), as a cross-check. */
  loopDelayMaxMs: number;
  /** Process RSS before the work, and its peak during it (sampled every 10 ms and at the end). */
  rssBeforeMb: number;
  rssPeakMb: number;
  /** The anchor measured in the same process, and what it is. */
  anchorMs: number;
  anchorName: string;
  /** Facts about the input (sizes, counts). */
  facts: Record<string, number | string>;
}

const FORTUNES = '/usr/share/games/fortunes/chinese';
const MB = 1024 * 1024;
const ESC = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

let cachedProse: string | undefined;

/** Real Simplified prose (Debian's fortunes-zh), else the seed articles: paragraphs of it. */
function prose(): string {
  cachedProse ??= readProse();
  return cachedProse;
}

function readProse(): string {
  let text: string;
  try {
    text = readFileSync(FORTUNES, 'utf8');
    for (let previous = ''; previous !== text;) {
      previous = text;
      text = text.replace(ESC, '');
    }
  } catch {
    text = ['000', '001', '003']
      .map((k) => readFileSync(join(process.cwd(), 'resources', 'samples', `${k}.txt`), 'utf8'))
      .join('\n');
  }
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '%' && l !== '')
    .join('\n');
}

/** A text of at least `chars` characters cut from the prose repeated, starting at `from`. */
function textOf(chars: number, from = 0): string {
  const base = `${prose()}\n`;
  const copies = Math.ceil((chars + from) / base.length);
  return base
    .repeat(copies)
    .slice(from, from + chars)
    .replace(/\n$/, '');
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/** Watches the main thread while `work` runs: the longest it was held, and the peak RSS. */
async function watched(work: () => Promise<unknown>) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  let last = performance.now();
  let longest = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(tick, 10);
  histogram.enable();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  tick();
  clearInterval(timer);
  histogram.disable();
  return {
    ms,
    longestBlockMs: Math.max(0, longest),
    loopDelayMaxMs: histogram.max / 1e6,
    rssBeforeMb: rssBefore / MB,
    rssPeakMb: peak / MB,
  };
}

const timedSync = (fn: () => unknown): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

function open(importWorker: string | undefined): Services {
  return openServices({ dataDir: mkdtempSync(join(tmpdir(), 'duizhao-heavy-')), importWorker });
}

const utf8 = (text: string) => new TextEncoder().encode(text);

async function importOne(s: Services, name: string, text: string): Promise<number> {
  const [outcome] = (await s.library.importFiles([{ name, bytes: utf8(text) }])).outcomes;
  if (outcome?.status !== 'imported') throw new Error(`${name} was not imported: ${JSON.stringify(outcome)}`);
  return outcome.article.id;
}

/** Highlights stored straight into the table (creating 100,000 one by one through the API would take long). */
function insertHighlights(s: Services, articleId: number, text: string, count: number, seed: number): void {
  const store = new HighlightStore(s.db);
  const next = random(seed);
  const stamp = new Date().toISOString();
  s.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const start = Math.floor(next() * (text.length - 60));
      // One in ten a one- or two-character quote: those have thousands of verbatim copies.
      const length = i % 10 === 0 ? 1 + Math.floor(next() * 2) : 4 + Math.floor(next() * 36);
      const h: Highlight = {
        id: crypto.randomUUID(),
        articleId,
        ...describe(text, start, start + length),
        color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length] as HighlightColor,
        note: i % 3 === 0 ? `笔记 ${i}：${text.slice(start, start + 20)}` : '',
        orphaned: false,
        createdAt: stamp,
        updatedAt: stamp,
      };
      store.insert(h);
    }
  })();
}

/** The notes scenario's articles (HEAVY_NOTE_ARTICLES fewer, for profiling; the table's row is of 50). */
const noteTexts = (): string[] =>
  Array.from({ length: Number(process.env.HEAVY_NOTE_ARTICLES ?? 50) }, (_, i) => textOf(14_000, i * 14_000));

/** 45 MB of UTF-8 prose, cut on a character boundary; nothing else of its making is kept. */
function bigFile(): Uint8Array {
  // HEAVY_BIG_MB: another size (for profiling); the table's row is of 45 MB.
  const size = Number(process.env.HEAVY_BIG_MB ?? 45) * 1e6;
  const base = prose();
  const parts = ['长文'];
  let bytes = 0;
  while (bytes < size) {
    parts.push(base);
    bytes += Buffer.byteLength(base) + 1;
  }
  const all = Buffer.from(parts.join('\n'));
  let end = size;
  while (end > 0 && ((all[end] ?? 0) & 0xc0) === 0x80) end--;
  return new Uint8Array(all.subarray(0, end));
}

/** A full collection before measuring, when the process runs with --expose-gc. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

type Scenario = (s: Services) => Promise<HeavyResult>;

const scenarios: Record<string, Scenario> = {
  /** Update text… on a 680,000-character article with 2,000 highlights: a paragraph added on top, a character changed every 3,000. */
  async replace(s) {
    const text = textOf(680_000);
    const id = await importOne(s, 'big.txt', text);
    insertHighlights(s, id, text, 2000, 7);
    const chars = [...`编者按：本文转载时补充了一段说明。\n${text}`];
    for (let i = 100; i < chars.length; i += 3000) if (chars[i] !== '\n') chars[i] = '改';
    const edited = utf8(chars.join(''));
    collect();
    let counts = {};
    const run = await watched(async () => {
      counts = await s.library.replaceText(id, { name: 'big.txt', bytes: edited });
    });
    // Anchor: storing the same new text over an article without highlights.
    const bare = await importOne(s, 'bare.txt', `${text}\n另一篇。`);
    const t = performance.now();
    await s.library.replaceText(bare, { name: 'bare.txt', bytes: utf8(`${chars.join('')}\n附记。`) });
    return {
      scenario: 'replace',
      ...run,
      anchorMs: performance.now() - t,
      anchorName: 'same replace, no highlights',
      facts: { chars: text.length, highlights: 2000, ...counts },
    };
  },

  /**
   * Importing 100,000 annotations exported by Duizhao (JSON) into a library that has their
   * articles. The export is made by another process (`notes-source`), so that the memory its
   * making took is not counted here.
   */
  async notes(s) {
    const exported = join(mkdtempSync(join(tmpdir(), 'duizhao-notes-')), 'notes.json');
    const made = spawnSync(process.execPath, [process.argv[1] ?? '', 'notes-source', 'inline', '', exported], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (made.status !== 0) throw new Error('notes-source failed');
    for (const [i, t] of noteTexts().entries()) await importOne(s, `${i}.txt`, `第${i}篇\n${t}`);
    const bytes = new Uint8Array(readFileSync(exported));
    collect();
    let report = {};
    const run = await watched(async () => {
      report = await s.exporter.importJson(bytes, 'notes.json');
    });
    return {
      scenario: 'notes',
      ...run,
      anchorMs: timedSync(() => JSON.parse(new TextDecoder().decode(bytes))),
      anchorName: 'JSON.parse of the same bytes',
      facts: { mb: bytes.byteLength / 1e6, ...report },
    };
  },

  /** Makes the notes scenario's export: 50 articles with 2,000 highlights each, exported to argv[5]. */
  async 'notes-source'(s) {
    for (const [i, t] of noteTexts().entries()) {
      const id = await importOne(s, `${i}.txt`, `第${i}篇\n${t}`);
      insertHighlights(s, id, s.articles.sourceText(id)!, 2000, i + 1);
    }
    const json = (await s.exporter.build({ format: 'json', script: 'original' })).content;
    writeFileSync(process.argv[5] ?? '', json);
    return {
      scenario: 'notes-source',
      ms: 0,
      longestBlockMs: 0,
      loopDelayMaxMs: 0,
      rssBeforeMb: 0,
      rssPeakMb: 0,
      anchorMs: 0,
      anchorName: '',
      facts: {},
    };
  },

  /** Importing one 45 MB UTF-8 text (fortunes-zh repeated). */
  async big(s) {
    const file = bigFile();
    collect();
    let outcome = '';
    const library = unindexed ?? s.library;
    const run = await watched(async () => {
      outcome = (await library.importFiles([{ name: 'long.txt', bytes: file }])).outcomes[0]?.status ?? '';
    });
    return {
      scenario: 'big',
      ...run,
      anchorMs: timedSync(() => new TextDecoder('utf-8', { fatal: true }).decode(file)),
      anchorName: 'TextDecoder of the same bytes',
      facts: { mb: file.byteLength / 1e6, outcome },
    };
  },

  /** Importing 1,000 files of about 2,000 characters (HEAVY_FILES to change), 20 a call (as the renderer sends a drop). */
  async files(s) {
    const files = Array.from({ length: Number(process.env.HEAVY_FILES ?? 1000) }, (_, i) => ({
      name: `${i}.txt`,
      bytes: utf8(`第${i}篇\n${textOf(2000, (i * 2003) % 500_000)}`),
    }));
    let imported = 0;
    const run = await watched(async () => {
      for (let at = 0; at < files.length; at += 20) {
        const report = await s.library.importFiles(files.slice(at, at + 20));
        imported += report.outcomes.filter((o) => o.status === 'imported').length;
      }
    });
    return {
      scenario: 'files',
      ...run,
      anchorMs: 0,
      anchorName: '',
      facts: { files: files.length, imported },
    };
  },
};

const [name, mode, workerFile] = process.argv.slice(2);
const scenario = name ? scenarios[name] : undefined;
if (!scenario || (mode !== 'worker' && mode !== 'inline' && mode !== 'unindexed')) {
  throw new Error(`usage: heavy-child <${Object.keys(scenarios).join('|')}> <worker|inline|unindexed> <worker file>`);
}
const worker = mode !== 'inline' && workerFile ? resolve(workerFile) : undefined;
const services = open(worker);
// `unindexed`: the same library with the worker, but articles stored without the search index, to
// tell the import's own share of the main thread from the index's (main/db/search-index.ts).
const unindexed =
  mode === 'unindexed'
    ? new Library({
        articles: new ArticleStore(services.db),
        settings: services.settings,
        detector: ScriptDetector.fromOpencc(),
        highlights: services.annotations,
        transact: transactor(services.db),
        emit: () => {},
        work: new WorkerWork(worker ?? '', { databaseFile: services.db.name, searchIndex: false }),
      })
    : undefined;
const result = await scenario(services);
services.close();
console.log(JSON.stringify(result));
process.exit(0);
