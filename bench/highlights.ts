/**
 * Highlights at scale: an article of about 200,000 characters (the sample articles repeated) with
 * 2,000 highlights, some overlapping and nested, shown converted (s2twp, so that ranges go through
 * a length-changing alignment). Measures what the reader does:
 *
 * - building the decorations: laying out every highlight (source → converted offsets → document
 *   positions) and creating ProseMirror's DecorationSet, as on opening or switching script;
 * - adding one highlight: mapping the selection back to the source, then laying out and building
 *   the decorations again with 2,001 highlights (what the reader does after a create);
 * - re-anchoring all 2,000 against the text (after an edited version replaces it), unchanged and
 *   with a paragraph inserted at the top (every highlight moved).
 *
 * Prints a table and writes bench-results/highlights.json. Runs under Node: the DOM drawing is
 * left to Chromium in the end-to-end suite.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Alignment } from '../preload/contract/alignment';
import type { Highlight } from '../preload/contract/types';
import { HIGHLIGHT_COLORS } from '../preload/contract/types';
import { anchorAll } from '../main/annotations/anchor';
import { describe } from '../main/annotations/quote-selector';
import { layoutBlocks } from '../main/db/article-rows';
import { convert } from '../main/script/convert';
import { EditorState } from 'prosemirror-state';
import { decorationPlugins, setDecorations } from '../renderer/reader/decorations';
import { layoutHighlights } from '../renderer/reader/highlights';
import { SingleLayout } from '../renderer/reader/layout';
import { positionsToSource } from '../renderer/reader/positions';

const ROOT = process.cwd();
const RESULTS = join(ROOT, 'bench-results', 'highlights.json');
const TARGET_CHARS = 200_000;
const HIGHLIGHTS = 2000;
const RUNS = 15;

/** A deterministic pseudo-random sequence, so every run measures the same highlights. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? NaN;
}

function time(fn: () => unknown): { median: number; best: number } {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return { median: median(times), best: Math.min(...times) };
}

const dir = join(ROOT, 'resources', 'samples');
const samples = readdirSync(dir)
  .filter((f) => f.startsWith('000'))
  .map((f) => readFileSync(join(dir, f), 'utf8').trim())
  .join('\n');
let source = samples;
while (source.length < TARGET_CHARS) source += `\n${samples}`;

const rand = random(42);
const highlights: Highlight[] = [];
for (let i = 0; i < HIGHLIGHTS; i++) {
  const start = Math.floor(rand() * (source.length - 60));
  // Mostly short phrases, some long passages that overlap and nest the others.
  const length = rand() < 0.9 ? 2 + Math.floor(rand() * 12) : 20 + Math.floor(rand() * 200);
  const selector = describe(source, start, Math.min(source.length, start + length));
  highlights.push({
    id: `h${i}`,
    articleId: 1,
    ...selector,
    color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
    note: i % 4 === 0 ? `note ${i}` : '',
    orphaned: false,
    createdAt: '',
    updatedAt: '',
  });
}

const converted = convert(source, 's2twp');
const alignment = Alignment.fromJSON(converted.alignment.toJSON());
const blocks = layoutBlocks(converted.text.split('\n').map((text) => ({ kind: 'paragraph' as const, text })));
const layout = new SingleLayout(blocks, alignment, source);
const { doc, map } = layout;

// The reader's view state: the decoration plugins, changed by transactions as in the reader.
const fresh = () => EditorState.create({ doc, plugins: decorationPlugins() });
const draw = (state: EditorState, update: Parameters<typeof setDecorations>[1]) =>
  state.apply(setDecorations(state.tr, update));
// Building from nothing: every highlight laid out anew (a new layout, as on switching script).
const build = time(() => {
  const freshLayout = new SingleLayout(blocks, alignment, source);
  return draw(fresh(), { highlights: layoutHighlights(highlights, freshLayout) });
});
// What the reader does on a create: map the selection back, lay out again, redraw what changed.
let state = draw(fresh(), { highlights: layoutHighlights(highlights, layout) });
let added = 0;
const one = time(() => {
  const from = map.toPos(Math.floor(converted.text.length / 2)) + (added % 50);
  const range = positionsToSource(from, from + 6, alignment, map);
  const next: Highlight = { ...highlights[0]!, id: `new${added++}`, ...describe(source, range.start, range.end) };
  state = draw(state, { highlights: layoutHighlights([...highlights, next], layout) });
});
const hover = time(() => draw(state, { emphasised: highlights[HIGHLIGHTS >> 1]!.id }));
const unchanged = time(() => anchorAll(source, highlights));
const editedText = `編者按：本文有修訂。\n${source}`;
const edited = time(() => anchorAll(editedText, highlights));
const movedOk = anchorAll(editedText, highlights).every(
  (r, i) => r.status !== 'orphaned' && editedText.slice(r.start, r.end) === highlights[i]!.exact,
);

const rows: [string, { median: number; best: number }][] = [
  ['build decorations (lay out 2,000 + DecorationSet)', build],
  ['add one highlight (map back, lay out 2,001, update)', one],
  ['emphasise one (hover, focus)', hover],
  ['re-anchor 2,000, text unchanged', unchanged],
  ['re-anchor 2,000, paragraph inserted (all move)', edited],
];
console.log(
  `Highlights: ${HIGHLIGHTS} on ${source.length.toLocaleString('en')} characters (sample 000 repeated), shown in s2twp`,
);
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}; median and best of ${RUNS} runs\n`);
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'operation'.padEnd(width)}  median ms  best ms`);
console.log(`${'-'.repeat(width)}  ---------  -------`);
for (const [name, t] of rows) {
  console.log(`${name.padEnd(width)}  ${t.median.toFixed(2).padStart(9)}  ${t.best.toFixed(2).padStart(7)}`);
}
console.log(`\nAfter the insertion every highlight was found on its words again: ${movedOk ? 'yes' : 'NO'}`);

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  RESULTS,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? null,
      characters: source.length,
      highlights: HIGHLIGHTS,
      runs: RUNS,
      results: Object.fromEntries(rows.map(([name, t]) => [name, { medianMs: t.median, bestMs: t.best }])),
      reanchoredAfterInsert: movedOk,
    },
    null,
    2,
  )}\n`,
);
console.log(`Wrote ${RESULTS}`);
