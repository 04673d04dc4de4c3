/**
 * The library list at 10,000 articles (issue 13, point 5), in Chromium: the articles are written
 * through the article store into the test host's data folder before it starts (search index
 * built), then the built renderer is opened against it, as the end-to-end suite does.
 *
 * Reports, medians of 5 page loads: the time from navigation to the first row in the DOM and painted (two frames later), and the
 * DOM nodes of the page then; listArticles alone (10,000 summaries over the host's bridge); frame
 * times (requestAnimationFrame deltas) while the list is scrolled 100 px a frame. Anchor, in the
 * same page: a plain DOM list of the 10,000 rows (the same elements a row has, built with DOM
 * calls, no React), timed to its first paint, counted and scrolled the same way. Writes
 * bench-results/library.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuizhaoApi } from '../preload/contract/api';
import { openServices } from '../main/services';
import { seedBigLibrary } from '../tests/helpers/big-library';
import { startBrowserBench } from './chromium';
import { report, type BenchRow } from './report';

const ROOT = process.cwd();
const ARTICLES = Number(process.env.DUIZHAO_BENCH_ARTICLES ?? 10_000);
const RUNS = 5;
const FRAMES = 240;
const STEP = 100;
const TARGET_OPEN_MS = 300;
const FRAME_MS = 1000 / 60;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

const dataDir = mkdtempSync(join(tmpdir(), 'duizhao-bench-library-'));
const t = performance.now();
seedBigLibrary(dataDir, ARTICLES);
const seedMs = performance.now() - t;
// The search index built before the app starts, so that its building does not share the measurements.
const services = openServices({ dataDir });
await services.indexed;
services.close();
const indexMs = performance.now() - t - seedMs;

const { host, browser, stop } = await startBrowserBench(ROOT, dataDir);
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 860 }, locale: 'zh-CN' });
  // The moment the first row is in the DOM, then painted (two frames later), from navigation start.
  await page.addInitScript(() => {
    const w = window as unknown as { firstRowMs?: number; firstRowInDomMs?: number };
    const seen = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="article-row"]')) return;
      seen.disconnect();
      w.firstRowInDomMs = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => (w.firstRowMs = performance.now())));
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  const opens: number[] = [];
  const inDom: number[] = [];
  const nodes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(host.url);
    await page.waitForFunction(() => (window as unknown as { firstRowMs?: number }).firstRowMs !== undefined);
    opens.push(await page.evaluate(() => (window as unknown as { firstRowMs: number }).firstRowMs));
    inDom.push(await page.evaluate(() => (window as unknown as { firstRowInDomMs: number }).firstRowInDomMs));
    nodes.push(await page.evaluate(() => document.getElementsByTagName('*').length));
  }
  const rowsDrawn = await page.locator('[data-testid="article-row"]').count();
  const listed = await page.evaluate(async (runs) => {
    const api = (window as unknown as { duizhao: DuizhaoApi }).duizhao;
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = await api.listArticles();
      times.push(performance.now() - t0);
      if (r.ok) count = r.value.length;
    }
    return { times, count };
  }, RUNS);
  if (listed.count !== ARTICLES) throw new Error(`listed ${listed.count} of ${ARTICLES}`);

  /** Scrolls `selector` a step per frame and returns the frame times. */
  const scrollFrames = (selector: string) =>
    page.evaluate(
      async ([sel, frames, step]) => {
        const scroller = document.querySelector(sel) as HTMLElement;
        scroller.scrollTop = 0;
        await new Promise((r) => requestAnimationFrame(r));
        const times: number[] = [];
        let last = performance.now();
        for (let i = 0; i < frames; i++) {
          scroller.scrollTop += step;
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          times.push(now - last);
          last = now;
        }
        return times;
      },
      [selector, FRAMES, STEP] as const,
    );
  const ours = await scrollFrames('main.library');
  const lastShown = await page.evaluate(() => document.querySelectorAll('[data-testid="article-row"]').length);

  // The anchor: the same rows as plain DOM in a scrolling box over the page.
  const plain = await page.evaluate(async (count) => {
    const api = (window as unknown as { duizhao: DuizhaoApi }).duizhao;
    const r = await api.listArticles();
    if (!r.ok) throw new Error('listArticles failed');
    const before = document.getElementsByTagName('*').length;
    const t0 = performance.now();
    const box = document.createElement('div');
    box.id = 'plain-anchor';
    box.style.cssText = 'position:fixed;inset:0;overflow-y:auto;background:var(--bg);z-index:10';
    const ul = document.createElement('ul');
    ul.className = 'articles';
    const span = (parent: HTMLElement, className: string, text = '') => {
      const s = document.createElement('span');
      s.className = className;
      s.textContent = text;
      parent.append(s);
      return s;
    };
    for (const a of r.value.slice(0, count)) {
      const li = document.createElement('li');
      li.className = 'article-row';
      const open = document.createElement('button');
      open.className = 'article-open';
      span(open, 'article-title', a.title);
      const meta = span(open, 'article-meta');
      span(meta, 'badge badge-simplified', '简');
      span(meta, '', `${a.charCount} 字`);
      span(meta, '', a.importedAt);
      span(span(open, 'progress-line'), '');
      li.append(open);
      for (const mark of ['✎', '✕']) {
        const b = document.createElement('button');
        b.className = 'icon-button';
        b.textContent = mark;
        li.append(b);
      }
      ul.append(li);
    }
    box.append(ul);
    document.body.append(box);
    void box.offsetHeight;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { ms: performance.now() - t0, nodes: document.getElementsByTagName('*').length - before };
  }, ARTICLES);
  const anchor = await scrollFrames('#plain-anchor');

  const rows: BenchRow[] = [
    {
      what: `open the library of ${ARTICLES.toLocaleString('en')}: first row painted (median of ${RUNS})`,
      ours: median(opens),
      anchor: plain.ms,
      anchorName: 'plain DOM of the rows, from the summaries',
      unit: 'ms',
      target: TARGET_OPEN_MS,
    },
    {
      what: 'same, first row in the DOM (before layout and paint)',
      ours: median(inDom),
      anchor: null,
      anchorName: 'the first page of 40 from SQL, sorted and drawn',
      unit: 'ms',
    },
    {
      what: 'DOM nodes, whole page',
      ours: median(nodes),
      anchor: plain.nodes,
      anchorName: 'plain DOM of the rows alone',
      unit: 'nodes',
    },
    {
      what: `listArticles: ${ARTICLES.toLocaleString('en')} summaries over the bridge (median)`,
      ours: median(listed.times),
      anchor: null,
      anchorName: 'part of the first row above',
      unit: 'ms',
    },
    {
      what: `scrolling ${STEP} px a frame: median frame`,
      ours: median(ours),
      anchor: median(anchor),
      anchorName: 'plain DOM',
      unit: 'ms',
      target: FRAME_MS + 0.5,
    },
    {
      what: `scrolling ${STEP} px a frame: 95th percentile frame`,
      ours: pct(ours, 0.95),
      anchor: pct(anchor, 0.95),
      anchorName: 'plain DOM',
      unit: 'ms',
    },
  ];
  report(
    'library',
    `The library list: ${ARTICLES.toLocaleString('en')} articles in Chromium through the test host (written in ${seedMs.toFixed(0)} ms, indexed in ${indexMs.toFixed(0)} ms)`,
    rows,
    {
      articles: ARTICLES,
      rowsDrawn,
      rowsDrawnAfterScrolling: lastShown,
      openMs: opens,
      firstRowInDomMs: inDom,
      framesOver50: ours.filter((f) => f > 50).length,
      anchorFramesOver50: anchor.filter((f) => f > 50).length,
    },
  );
  console.log(`rows in the DOM: ${rowsDrawn} on opening, ${lastShown} after scrolling`);
} finally {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
}
