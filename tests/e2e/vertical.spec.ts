import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TITLES, article, openButton, scriptOption, select } from './text';

const scroller = (app: Page) => app.locator('.reader-scroll');

/**
 * The place a reader of vertical columns is at: the block (its index) and the character at the top
 * of the first column from the right, as "block:offset" (compared rather than scrollLeft, which
 * depends on how far blocks off screen were laid out).
 */
const firstColumn = (el: Locator) =>
  el.evaluate((s) => {
    const box = s.getBoundingClientRect();
    const art = s.querySelector('.dz-article');
    if (!art) return 'none';
    const blocks = [...art.children];
    const block = blocks.find((b) => b.getBoundingClientRect().left < box.right - 4);
    if (!block) return 'none';
    const r = block.getBoundingClientRect();
    const caret = document.caretRangeFromPoint(Math.min(r.right, box.right) - 12, r.top + 14);
    if (!caret || !block.contains(caret.startContainer)) return `${blocks.indexOf(block)}:?`;
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(caret.startContainer, caret.startOffset);
    return `${blocks.indexOf(block)}:${before.toString().length}`;
  });

async function setVertical(app: Page, on: boolean) {
  await app.getByTestId('reading-settings').click();
  const box = app.getByTestId('vertical-article');
  if (on) await box.check();
  else await box.uncheck();
  await app.keyboard.press('Escape');
}

test('vertical writing: columns right to left, read across, remembered per article with its place', async ({
  app,
  shot,
}) => {
  test.setTimeout(120_000);
  await app.locator(openButton(TITLES.traditional)).click();
  await expect(article(app).locator('h1')).toHaveText(TITLES.traditional);
  await setVertical(app, true);
  await expect(scroller(app)).toHaveAttribute('data-writing', 'vertical');
  expect(await scroller(app).evaluate((s) => getComputedStyle(s).writingMode)).toBe('vertical-rl');
  // The title is the rightmost column, the first paragraph left of it; the text is taller than wide.
  const [title, first] = await app.evaluate(() =>
    [...document.querySelectorAll('.dz-article > *')].slice(0, 2).map((b) => b.getBoundingClientRect().left),
  );
  expect(title!).toBeGreaterThan(first!);
  expect(await scroller(app).evaluate((s) => s.scrollWidth > s.clientWidth * 3)).toBe(true);
  await shot('vertical-start');

  // Reading on goes left (scrollLeft negative in a right-to-left block direction), not down.
  await scroller(app).focus();
  for (let i = 0; i < 4; i++) await app.keyboard.press('PageDown');
  await expect.poll(() => scroller(app).evaluate((s) => s.scrollLeft)).toBeLessThan(-1500);
  expect(await scroller(app).evaluate((s) => s.scrollTop)).toBe(0);
  const place = await firstColumn(scroller(app));
  expect(Number(place.split(':')[0])).toBeGreaterThan(3);

  // Switching script keeps the same column first.
  await scriptOption(app, '繁体中文（台湾字形）').click();
  await expect(article(app)).toHaveAttribute('data-script', 'taiwan');
  await expect.poll(() => firstColumn(scroller(app)).then((p) => p.split(':')[0])).toBe(place.split(':')[0]);
  await scriptOption(app, '按原文显示').click();
  await expect(article(app)).toHaveAttribute('data-script', 'original');
  await expect.poll(() => firstColumn(scroller(app)).then((p) => p.split(':')[0])).toBe(place.split(':')[0]);
  const kept = await firstColumn(scroller(app));

  // Leaving and opening again: vertical still (this article's choice), at the same column.
  await app.waitForTimeout(600);
  await app.keyboard.press('Escape');
  await app.locator(openButton(TITLES.simplified)).click();
  await expect(scroller(app)).toHaveAttribute('data-writing', 'horizontal');
  await app.keyboard.press('Escape');
  await app.reload();
  await app.locator(openButton(TITLES.traditional)).click();
  await expect(scroller(app)).toHaveAttribute('data-writing', 'vertical');
  await expect.poll(() => firstColumn(scroller(app))).toBe(kept);
});

test('vertical writing: highlights, the selection popover, find and notes work in columns', async ({ app, shot }) => {
  test.setTimeout(120_000);
  await app.locator(openButton(TITLES.traditional)).click();
  await expect(article(app).locator('h1')).toHaveText(TITLES.traditional);
  await setVertical(app, true);
  await expect(scroller(app)).toHaveAttribute('data-writing', 'vertical');

  // Select, and the popover stands by the selection; a highlight is drawn on the column.
  await select(app, '最漫長的夏天');
  const tools = app.getByTestId('selection-tools');
  const [toolsBox, selBox] = await Promise.all([
    tools.boundingBox(),
    app.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  ]);
  expect(toolsBox).not.toBeNull();
  // Beside the selected column (within a few hundred pixels), on screen.
  expect(Math.abs(toolsBox!.x + toolsBox!.width / 2 - (selBox.x + selBox.width / 2))).toBeLessThan(300);
  expect(toolsBox!.y).toBeGreaterThanOrEqual(0);
  await app.keyboard.press('2');
  const hl = article(app).locator('.hl-green');
  await expect(hl).toHaveText('最漫長的夏天');
  const box = await hl.first().boundingBox();
  // A column: taller than wide.
  expect(box!.height).toBeGreaterThan(box!.width * 2);
  await shot('vertical-highlight');

  // A note: it goes to the notes panel beside the columns, and shows the quote.
  await select(app, '互聯網');
  await app.keyboard.press('n');
  await expect(app.locator('.notes-panel')).toBeVisible();
  await app.keyboard.type('竖排里的笔记');
  await expect(app.locator('.notes-panel')).toContainText('竖排里的笔记');
  await shot('vertical-note');
  await app
    .locator('.notes-panel')
    .getByRole('button', { name: /关闭|close/i })
    .first()
    .click()
    .catch(() => undefined);

  // Find: the current hit comes on screen, across.
  await scroller(app).focus();
  await app.keyboard.press('Control+f');
  const input = app.getByRole('searchbox', { name: '在文中查找' });
  await input.fill('腾讯');
  await expect(app.getByTestId('find-count')).toContainText('共');
  for (let i = 0; i < 12; i++) await input.press('Enter');
  await expect
    .poll(() =>
      app.evaluate(() => {
        const m = document.querySelector('.dz-find-current')!.getBoundingClientRect();
        const b = document.querySelector('.reader-scroll')!.getBoundingClientRect();
        return m.left >= b.left && m.right <= b.right && m.top >= b.top && m.bottom <= b.bottom;
      }),
    )
    .toBe(true);
  expect(await scroller(app).evaluate((s) => s.scrollLeft)).toBeLessThan(0);
  await shot('vertical-find');
});
