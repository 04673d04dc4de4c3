import type { DuizhaoApi } from '../../preload/contract/api';
import { HIGHLIGHT_COLORS } from '../../preload/contract/types';
import { bigProse, spreadHighlights } from '../helpers/big-text';
import { expect, test } from './fixtures';
import { firstVisible, openButton, select } from './text';

const TITLE = '大文章 一百万字';
const HIGHLIGHTS = 2000;

type Win = Window & { duizhao: DuizhaoApi };

test('a 1,000,000-character article with 2,000 highlights: drawn where they belong, selectable, scrolled by keys, side by side', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const text = [TITLE, ...bigProse(process.cwd(), 1_005_000)].join('\n');
  const { id, length, source } = await app.evaluate(
    async ([t, title]) => {
      const api = (window as unknown as Win).duizhao;
      const r = await api.importText({ text: t, title });
      if (!r.ok || r.value.status !== 'imported') throw new Error(JSON.stringify(r));
      const got = await api.getArticle(r.value.article.id);
      if (!got.ok) throw new Error(JSON.stringify(got));
      const source = got.value.blocks.map((b) => b.text).join('\n');
      return { id: r.value.article.id, length: r.value.article.charCount, source };
    },
    [text, TITLE] as const,
  );
  const { first, noted } = await app.evaluate(
    async ([articleId, ranges]) => {
      const api = (window as unknown as Win).duizhao;
      const made: { id: string; exact: string }[] = [];
      for (let i = 0; i < ranges.length; i += 50) {
        const batch = await Promise.all(
          ranges.slice(i, i + 50).map((range) => api.createHighlight({ articleId, ...range })),
        );
        for (const h of batch) {
          if (!h.ok) throw new Error(JSON.stringify(h));
          made.push({ id: h.value.id, exact: h.value.exact });
        }
      }
      // A note far into the text (three quarters down), for the margin.
      const noted = made[Math.floor(ranges.length * 0.75)]!;
      const u = await api.updateHighlight({ id: noted.id, note: '远处的笔记' });
      if (!u.ok) throw new Error(JSON.stringify(u));
      return { first: made.slice(0, 3), noted: noted.id };
    },
    [id, spreadHighlights(source, length, HIGHLIGHTS, HIGHLIGHT_COLORS)] as const,
  );
  expect(length).toBeGreaterThanOrEqual(1_000_000);
  await app.reload();
  await app.locator(openButton(TITLE)).waitFor();
  // Whatever first screens are painted before the whole text is there, by script and first words.
  const watchFirstScreens = () =>
    app.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { firstScreens: string[] }).firstScreens = seen;
      new MutationObserver(() => {
        const p = document.querySelector('.dz-preview');
        const key = p && `${p.getAttribute('data-script')}:${(p.firstElementChild?.textContent ?? '').slice(0, 8)}`;
        if (key && !seen.includes(key)) seen.push(key);
      }).observe(document.body, { childList: true, subtree: true });
    });
  const firstScreens = () => app.evaluate(() => (window as unknown as { firstScreens: string[] }).firstScreens);
  await watchFirstScreens();
  await app.locator(openButton(TITLE)).click();
  const article = app.locator('.dz-article');
  await expect(article.locator('h1')).toHaveText(TITLE, { timeout: 60_000 });
  // Its first screen came first, then the whole text in its place.
  expect(await firstScreens()).toEqual([`original:${TITLE.slice(0, 8)}`]);
  await expect(app.locator('.dz-preview')).toHaveCount(0);

  // Near the reading position, each highlight covers exactly its quote.
  for (const h of first) {
    const drawn = article.locator(`[data-hl="${h.id}"]`);
    await expect(drawn.first()).toBeInViewport();
    expect((await drawn.allTextContents()).join('')).toBe(h.exact);
  }

  // A new selection highlights (drawn at once, then stored).
  const para = article.locator('.dz-paragraph').nth(1);
  const words = ((await para.textContent()) ?? '').slice(2, 8);
  await select(app, words);
  await app.getByTestId('selection-tools').getByRole('button').first().click();
  await expect(article.locator('[data-hl]', { hasText: words }).first()).toBeVisible();
  await expect
    .poll(async () => {
      const r = await app.evaluate((a) => (window as unknown as Win).duizhao.listHighlights(a), id);
      return r.ok ? r.value.length : -1;
    })
    .toBe(HIGHLIGHTS + 1);

  // Keys scroll it: a screen down, then to the end, where the last paragraphs show with their highlights.
  const scroller = app.locator('.reader-scroll');
  await scroller.focus();
  await app.keyboard.press('PageDown');
  await expect.poll(() => scroller.evaluate((e) => e.scrollTop)).toBeGreaterThan(300);
  await app.keyboard.press('End');
  await expect(article.locator('.dz-paragraph').last()).toBeInViewport({ timeout: 30_000 });
  const nearEnd = await article.evaluate((e) =>
    [...e.querySelectorAll('.dz-paragraph')].slice(-10).some((p) => p.querySelector('[data-hl]') !== null),
  );
  expect(nearEnd).toBe(true);
  await app.keyboard.press('Home');
  await expect(article.locator('h1')).toBeInViewport();

  // The far note stands level with its highlight once the reader gets there, although the text
  // above it had only estimated heights when the notes were placed.
  const farHighlight = article.locator(`[data-hl="${noted}"]`).first();
  await farHighlight.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await expect(farHighlight).toBeInViewport();
  const note = app.locator(`[data-hl-note="${noted}"]`);
  await expect(note).toBeInViewport();
  await expect
    .poll(async () => {
      const [a, b] = [await farHighlight.boundingBox(), await note.boundingBox()];
      return a && b ? Math.round(Math.abs(a.y - b.y)) : -1;
    })
    .toBeLessThan(30);
  await app.keyboard.press('Home');

  // Far into the text, the reader leaves and comes back to the same line (the blocks above it
  // were never laid out in the new view: their heights are estimates until they come near).
  await scroller.evaluate((e) => (e.scrollTop = e.scrollHeight * 0.6));
  await app.keyboard.press('PageDown');
  await expect.poll(() => firstVisible(scroller)).toMatch(/^\d{4,}:\d+$/);
  const far = await firstVisible(scroller);
  await app.keyboard.press('Escape');
  await app.locator(openButton(TITLE)).click();
  await expect.poll(() => firstVisible(scroller), { timeout: 60_000 }).toBe(far);
  await app.keyboard.press('Home');
  await expect(article.locator('h1')).toBeInViewport();

  // Another script: its first screen (where the reader is, in Taiwan wording) comes before the
  // whole text is converted, then the whole text, at the same place.
  const para3 = article.locator('.dz-paragraph').nth(2);
  await para3.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  const at = await firstVisible(scroller);
  await app.getByRole('radiogroup', { name: '字形' }).getByRole('radio', { name: '繁体中文，使用台湾用语' }).click();
  await expect(app.locator('.dz-article[data-script="taiwanPhrases"]:not(.dz-preview)')).toBeVisible({
    timeout: 120_000,
  });
  const screens = await firstScreens();
  expect(screens.filter((k) => k.startsWith('taiwanPhrases:'))).toHaveLength(1);
  await expect.poll(() => firstVisible(scroller)).toBe(at.replace(/:\d+$/, ':0'));
  await app.getByRole('radiogroup', { name: '字形' }).getByRole('radio', { name: '原文' }).click();
  await expect(app.locator('.dz-article[data-script="original"]:not(.dz-preview)')).toBeVisible({ timeout: 60_000 });
  await app.keyboard.press('Home');

  // Side by side: rows come, and the first highlights show in both columns.
  await app.keyboard.press('p');
  await expect(app.getByTestId('parallel-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.locator('.dz-pair').first()).toBeVisible({ timeout: 120_000 });
  const h = first[0]!;
  await expect(app.locator(`.dz-cell-source [data-hl="${h.id}"]`).first()).toBeInViewport({ timeout: 120_000 });
  await expect(app.locator(`.dz-cell-target [data-hl="${h.id}"]`).first()).toBeInViewport();
  expect((await app.locator(`.dz-cell-source [data-hl="${h.id}"]`).allTextContents()).join('')).toBe(h.exact);
});
