/**
 * Side by side at scale, in Chromium: a 200,000-character article (sample 000 repeated), opened in
 * the reader and switched to side by side (original | Taiwan with Taiwan phrases), then scrolled.
 * Runs the built renderer against the loopback test host, as the end-to-end suite does, in
 * Debian's Chromium (DUIZHAO_CHROMIUM overrides the path).
 *
 * Reports: the time to show side by side the first time (conversion in the worker included) and
 * again (from the cache), both until two frames have been painted; and frame times while
 * scrolling through the article 40 px a frame (2,400 px a second at 60 frames a second). Prints a
 * table and writes bench-results/parallel.json.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuizhaoApi } from '../preload/contract/api';
import { startBrowserBench } from './chromium';

const ROOT = process.cwd();
const RESULTS = join(ROOT, 'bench-results', 'parallel.json');
const TARGET_CHARS = 200_000;
const TITLE = '对照基准 二十万字';

const dir = join(ROOT, 'resources', 'samples');
const sample = readdirSync(dir)
  .filter((f) => f.startsWith('000'))
  .map((f) => readFileSync(join(dir, f), 'utf8').trim())
  .join('\n');
let body = '';
while (body.length < TARGET_CHARS) body += `${sample}\n\n`;
const text = `${TITLE}\n\n${body}`;

const { host, browser, stop } = await startBrowserBench(ROOT, mkdtempSync(join(tmpdir(), 'duizhao-bench-')));
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  await page.goto(host.url);
  await page.getByTestId('article-row').first().waitFor();
  const imported = await page.evaluate(
    async ([t, title]) => {
      const api = (window as unknown as { duizhao: DuizhaoApi }).duizhao;
      const r = await api.importText({ text: t, title });
      if (!r.ok || r.value.status !== 'imported') throw new Error(JSON.stringify(r));
      return r.value.article.charCount;
    },
    [text, TITLE] as const,
  );
  await page.reload();
  await page.locator(`button[aria-label="打开《${TITLE}》"]`).click();
  await page.locator('.dz-article h1').waitFor();
  await page.getByRole('radiogroup', { name: '字形' }).getByRole('radio', { name: '繁体中文，使用台湾用语' }).click();
  await page.locator('.dz-article[data-script="taiwanPhrases"]').waitFor();
  const blocks = await page.locator('.dz-article > *').count();

  /** Presses P in the page and waits until every row is there and two frames have painted. */
  const toggle = (expectRows: number) =>
    page.evaluate(async (rows) => {
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true }));
      return new Promise<number>((resolve) => {
        const check = () => {
          const n = document.querySelectorAll('.dz-pair').length;
          if (n === rows) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          else requestAnimationFrame(check);
        };
        check();
      });
    }, expectRows);

  const firstMs = await toggle(blocks);
  await toggle(0); // back to one column
  const againMs = await toggle(blocks);

  // Scroll through the article side by side, a step per frame, and time the frames.
  const frames = await page.evaluate(async () => {
    const scroller = document.querySelector('.reader-scroll') as HTMLElement;
    scroller.scrollTop = 0;
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 300; i++) {
      scroller.scrollTop += 40;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  const rows: [string, string][] = [
    ['article', `${imported.toLocaleString('en')} characters, ${blocks} paragraphs`],
    ['side by side, first time (converting)', `${firstMs.toFixed(0)} ms`],
    ['side by side, again (cached)', `${againMs.toFixed(0)} ms`],
    ['scrolling: median frame', `${pct(0.5).toFixed(1)} ms`],
    ['scrolling: 95th percentile frame', `${pct(0.95).toFixed(1)} ms`],
    ['scrolling: frames over 50 ms', `${frames.filter((f) => f > 50).length} of ${frames.length}`],
  ];
  console.log(`Side by side in Chromium (${cpus()[0]?.model ?? 'unknown CPU'}); target: under 1 s to open\n`);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        characters: imported,
        paragraphs: blocks,
        openFirstMs: firstMs,
        openCachedMs: againMs,
        scrollFrameMs: { median: pct(0.5), p95: pct(0.95), over50: frames.filter((f) => f > 50).length },
        underOneSecond: firstMs < 1000,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote ${RESULTS}`);
} finally {
  await stop();
}
