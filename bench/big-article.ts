/**
 * A big article in Chromium: 1,000,000 characters of real prose (Debian's fortunes-zh), opened in
 * the built renderer through the loopback test host, as the end-to-end suite runs it. Each row
 * has its anchor measured in the same page and run: the same paragraphs as plain DOM (one <p>
 * each, same styles) appended to the page until painted.
 *
 * Rows (medians of RUNS): opening it until the first paragraph is painted, and until the end is
 * painted after jumping there; the same with 2,000 highlights, 500 of them with notes (first paint,
 * highlights on screen painted); adding one highlight when 2,000 exist (median of ADDS real clicks
 * on a colour: the new highlight in the DOM, and the next frame painted, from the click event's
 * timestamp; the bridge's round trip for comparison); switching to s2twp the first time (first
 * screen painted, whole text converted). "Painted" is two animation frames after the DOM shows it,
 * except for adding a highlight (see there).
 * Prints a table (report.ts) and writes bench-results/big-article.json.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuizhaoApi } from '../preload/contract/api';
import { HIGHLIGHT_COLORS } from '../preload/contract/types';
import { bigProse, spreadHighlights } from '../tests/helpers/big-text';
import { startBrowserBench } from './chromium';
import { type BenchRow, report } from './report';

const ROOT = process.cwd();
const CHARS = 1_005_000;
const HIGHLIGHTS = 2000;
const RUNS = Number(process.env.DUIZHAO_BENCH_RUNS ?? 3);
/** Highlights added one by one (a median of few clicks is mostly the frame they land in). */
const ADDS = 7;
/** Of the 2,000 highlights, every fourth has a note (500 margin notes). */
const NOTE_EVERY = 4;
const TITLE = '大文章基准 一百万字';

/** Progress on stderr (a run takes minutes). */
const progress = (what: string, value: unknown) => process.stderr.write(`  ${what}: ${JSON.stringify(value)}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

type Win = Window & { duizhao: DuizhaoApi };

/** Opens the article from the library; times the first paragraph, highlights (if wanted) and the end painted. */
async function open(page: Page, id: number, withHighlights: boolean) {
  await page.evaluate(async (articleId) => {
    const api = (window as unknown as Win).duizhao;
    await api.saveReadingPosition({ id: articleId, offset: 0, progress: 0 });
    await api.setDisplayScript(articleId, 'original');
  }, id);
  await page.reload();
  await page.locator(`button[aria-label="打开《${TITLE}》"]`).waitFor();
  return page.evaluate(
    async ([title, hl]) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const painted = async () => {
        await frame();
        await frame();
      };
      const until = async (test: () => boolean) => {
        while (!test()) await frame();
      };
      const button = document.querySelector(`button[aria-label="打开《${title}》"]`) as HTMLElement;
      const t0 = performance.now();
      button.click();
      await until(() => document.querySelector('.dz-article .dz-paragraph') !== null);
      await painted();
      const first = performance.now() - t0;
      let highlights = NaN;
      if (hl) {
        const scroller = document.querySelector('.reader-scroll') as HTMLElement;
        const box = scroller.getBoundingClientRect();
        const onScreen = () =>
          [...document.querySelectorAll('.dz-article [data-hl]')].some((e) => {
            const r = e.getBoundingClientRect();
            return r.bottom > box.top && r.top < box.bottom;
          });
        await until(onScreen);
        await painted();
        highlights = performance.now() - t0;
      }
      // The end: jump there (as End does) until the last paragraph is on screen and painted.
      const scroller = document.querySelector('.reader-scroll') as HTMLElement;
      const last = () => document.querySelector('.dz-article')?.lastElementChild as HTMLElement | null;
      await until(() => {
        scroller.scrollTop = scroller.scrollHeight;
        const l = last();
        return l !== null && l.getBoundingClientRect().top < scroller.getBoundingClientRect().bottom;
      });
      await painted();
      const end = performance.now() - t0;
      return { first, highlights, end };
    },
    [TITLE, withHighlights] as const,
  );
}

/** The same paragraphs as plain DOM, in a scroller over the page: until painted, and its end painted. */
function plainDom(page: Page, paragraphs: string[]) {
  return page.evaluate(async (paras) => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const t0 = performance.now();
    const scroller = document.createElement('div');
    scroller.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;z-index:99';
    const root = document.createElement('div');
    root.className = 'dz-article';
    root.style.cssText = 'max-width:38em;margin:auto;font-size:18px';
    for (const text of paras) {
      const p = document.createElement('p');
      p.className = 'dz-paragraph';
      // Laid out whole, as any page would: the reader's own skipping (content-visibility) is off here.
      p.style.contentVisibility = 'visible';
      p.textContent = text;
      root.append(p);
    }
    scroller.append(root);
    document.body.append(scroller);
    await frame();
    await frame();
    const first = performance.now() - t0;
    scroller.scrollTop = scroller.scrollHeight;
    await frame();
    await frame();
    const end = performance.now() - t0;
    scroller.remove();
    return { first, end };
  }, paragraphs);
}

const { host, browser, stop } = await startBrowserBench(ROOT, mkdtempSync(join(tmpdir(), 'duizhao-bench-')));
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  await page.goto(host.url);
  await page.getByTestId('article-row').first().waitFor();
  const paragraphs = bigProse(ROOT, CHARS);
  const text = [TITLE, ...paragraphs].join('\n');
  const { id, chars } = await page.evaluate(
    async ([t, title]) => {
      const api = (window as unknown as Win).duizhao;
      const r = await api.importText({ text: t, title });
      if (!r.ok || r.value.status !== 'imported') throw new Error(JSON.stringify(r));
      return { id: r.value.article.id, chars: r.value.article.charCount };
    },
    [text, TITLE] as const,
  );

  progress('imported', { id, chars });
  const plain: { first: number; end: number }[] = [];
  const bare: Awaited<ReturnType<typeof open>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    plain.push(await plainDom(page, paragraphs));
    progress('plain DOM', plain.at(-1));
    bare.push(await open(page, id, false));
    progress('open', bare.at(-1));
  }

  // 2,000 highlights spread through the text, the first ones on the first screen.
  const source = await page.evaluate(async (articleId) => {
    const got = await (window as unknown as Win).duizhao.getArticle(articleId);
    if (!got.ok) throw new Error(JSON.stringify(got));
    return got.value.blocks.map((b) => b.text).join('\n');
  }, id);
  await page.evaluate(
    async ([articleId, ranges, every]) => {
      const api = (window as unknown as Win).duizhao;
      for (let i = 0; i < ranges.length; i += 50) {
        const made = await Promise.all(
          ranges.slice(i, i + 50).map((range) => api.createHighlight({ articleId, ...range })),
        );
        const noted = made.flatMap((h, j) => (h.ok && (i + j) % every === 0 ? [{ id: h.value.id, n: i + j }] : []));
        await Promise.all(noted.map(({ id: hl, n }) => api.updateHighlight({ id: hl, note: `第${n}条笔记` })));
      }
    },
    [id, spreadHighlights(source, chars, HIGHLIGHTS, HIGHLIGHT_COLORS), NOTE_EVERY] as const,
  );
  const marked: Awaited<ReturnType<typeof open>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    marked.push(await open(page, id, true));
    progress('open with highlights', marked.at(-1));
  }

  // Adding one: select a stretch of a paragraph near the top, then a real click (Playwright's mouse,
  // a trusted event) on a colour. Timed from the click event's timestamp: the new highlight's
  // element in the DOM (a MutationObserver; whether that was still the click's own task is checked
  // against a message posted from the click), and painted: the next animation frame after it, once
  // that frame's rendering (style, layout, paint) is done (a message posted from the rAF callback
  // runs after it).
  const adds: { inDom: number; sameTask: boolean; painted: number; roundTrip: number }[] = [];
  for (let i = 0; i < ADDS; i++) {
    const box = await page.evaluate(async (run) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const paragraph = document.querySelectorAll('.dz-article .dz-paragraph')[3 + (run % 3)] as HTMLElement;
      (document.querySelector('.reader-scroll') as HTMLElement).scrollTop = 0;
      for (let f = 0; f < 10; f++) await frame();
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      // A stretch of plain text (not highlighted yet): each run takes the next one.
      const plain = () => {
        let n = walker.nextNode() as Text;
        while (n && (n.parentElement?.closest('[data-hl]') || n.length < 8)) n = walker.nextNode() as Text;
        return n;
      };
      let node = plain();
      for (let skip = Math.floor(run / 3); skip > 0 && node; skip--) node = plain() ?? node;
      const range = document.createRange();
      range.setStart(node, 1);
      range.setEnd(node, 6);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      paragraph.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      const waited = performance.now();
      while (!document.querySelector('[data-testid="selection-tools"] button')) {
        if (performance.now() - waited > 5000) throw new Error(`no selection tools: "${sel.toString()}"`);
        await frame();
      }
      for (let f = 0; f < 3; f++) await frame();
      const article = document.querySelector('.dz-article') as HTMLElement;
      const count = () => article.querySelectorAll('[data-hl]').length;
      const before = count();
      const w = window as unknown as { added?: Promise<{ inDom: number; sameTask: boolean; painted: number }> };
      w.added = new Promise((resolve) => {
        let clicked = 0;
        let taskOver = false;
        window.addEventListener(
          'click',
          (e) => {
            clicked = e.timeStamp;
            const next = new MessageChannel();
            next.port1.onmessage = () => (taskOver = true);
            next.port2.postMessage(0);
          },
          { capture: true, once: true },
        );
        const seen = new MutationObserver(() => {
          if (clicked === 0 || count() <= before) return;
          seen.disconnect();
          const inDom = performance.now() - clicked;
          const sameTask = !taskOver;
          requestAnimationFrame(() => {
            const after = new MessageChannel();
            after.port1.onmessage = () => resolve({ inDom, sameTask, painted: performance.now() - clicked });
            after.port2.postMessage(0);
          });
        });
        seen.observe(article, { childList: true, subtree: true, attributes: true });
      });
      const r = (
        document.querySelector('[data-testid="selection-tools"] button') as HTMLElement
      ).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, i);
    await page.mouse.click(box.x, box.y);
    adds.push(
      await page.evaluate(async () => {
        const w = window as unknown as { added: Promise<{ inDom: number; sameTask: boolean; painted: number }> };
        const added = await Promise.race([
          w.added,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('the new highlight was not drawn')), 10_000),
          ),
        ]);
        const api = (window as unknown as Win).duizhao;
        const t1 = performance.now();
        await api.listArticles();
        return { ...added, roundTrip: performance.now() - t1 };
      }),
    );
    progress('add one', adds.at(-1));
  }

  // s2twp the first time: the first screen painted, then the whole text converted.
  const radio = page.getByRole('radiogroup', { name: '字形' }).getByRole('radio', { name: '繁体中文，使用台湾用语' });
  await radio.waitFor();
  const switchMs = await radio.evaluate(async (target: HTMLElement) => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const t0 = performance.now();
    target.click();
    while (!document.querySelector('.dz-article[data-script="taiwanPhrases"] .dz-paragraph')) await frame();
    await frame();
    await frame();
    const first = performance.now() - t0;
    while (document.querySelector('.converting')) await frame();
    return { first, whole: performance.now() - t0 };
  });

  const plainFirst = median(plain.map((p) => p.first));
  const plainEnd = median(plain.map((p) => p.end));
  const row = (what: string, ours: number, anchor: number | null, anchorName: string, target?: number): BenchRow => ({
    what,
    ours,
    anchor,
    anchorName,
    unit: 'ms',
    ...(target !== undefined ? { target } : {}),
  });
  const at = (runs: { first: number; highlights: number; end: number }[], k: 'first' | 'highlights' | 'end') =>
    median(runs.map((r) => r[k]));
  report(
    'big-article',
    `A ${chars.toLocaleString('en')}-character article (${paragraphs.length} paragraphs) in Chromium, medians of ${RUNS}`,
    [
      row('open: first paragraph painted', at(bare, 'first'), plainFirst, 'plain DOM of the whole text', 150),
      row('open: end painted after jumping there', at(bare, 'end'), plainEnd, 'plain DOM, end painted', plainEnd),
      row('2,000 highlights: first paragraph painted', at(marked, 'first'), plainFirst, 'plain DOM', 150),
      row(
        '2,000 highlights: highlights on screen painted',
        at(marked, 'highlights'),
        plainFirst,
        'plain DOM',
        plainFirst,
      ),
      row('2,000 highlights: end painted', at(marked, 'end'), plainEnd, 'plain DOM, end painted', plainEnd),
      row(
        `add one highlight: click → in the DOM (in the click's task: ${adds.filter((a) => a.sameTask).length}/${adds.length})`,
        median(adds.map((a) => a.inDom)),
        median(adds.map((a) => a.roundTrip)),
        'one bridge round trip',
        16,
      ),
      row(
        'add one highlight: click → next frame painted',
        median(adds.map((a) => a.painted)),
        median(adds.map((a) => a.roundTrip)),
        'one bridge round trip',
        16,
      ),
      row('s2twp first time: first screen painted', switchMs.first, null, '', 150),
      row('s2twp first time: whole text', switchMs.whole, null, '', 1000),
    ],
    { characters: chars, paragraphs: paragraphs.length, highlights: HIGHLIGHTS, runs: RUNS },
  );
} finally {
  await stop();
}
