import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TITLES, article, openButton, scriptOption } from './text';

/** The text of every find mark in a scope, in document order. */
const marks = (app: Page, scope = '.dz-article') =>
  app.evaluate((sel) => {
    const root = document.querySelector(sel);
    return [...(root?.querySelectorAll('.dz-find') ?? [])].map((m) => m.textContent ?? '');
  }, scope);

const occurrences = (app: Page, word: string, scope = '.dz-article') =>
  app.evaluate(([w, sel]) => (document.querySelector(sel)?.textContent ?? '').split(w).length - 1, [
    word,
    scope,
  ] as const);

/** Whether the current hit is inside the scroller's visible box. */
const currentOnScreen = (app: Page) =>
  app.evaluate(() => {
    const mark = document.querySelector('.dz-find-current');
    const box = document.querySelector('.reader-scroll')?.getBoundingClientRect();
    if (!mark || !box) return false;
    const r = mark.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom && r.left >= box.left && r.right <= box.right;
  });

test('find marks every hit in any script, steps with Enter and Shift+Enter, and counts them', async ({ app, shot }) => {
  await app.locator(openButton(TITLES.traditional)).click();
  await expect(article(app).locator('h1')).toHaveText(TITLES.traditional);
  const n = await occurrences(app, '騰訊');
  expect(n).toBeGreaterThan(10);

  // Typed in Simplified, found in the Traditional text as written.
  await app.keyboard.press('Control+f');
  const input = app.getByRole('searchbox', { name: '在文中查找' });
  await expect(input).toBeFocused();
  await input.fill('腾讯');
  await expect(app.getByTestId('find-count')).toHaveText(`第 1 处，共 ${n} 处`);
  expect(await marks(app)).toEqual(Array(n).fill('騰訊'));
  await expect(app.locator('.dz-find-current')).toHaveText('騰訊');

  // Enter steps on (and the hit comes on screen), Shift+Enter back; the count follows.
  for (let i = 0; i < 5; i++) await input.press('Enter');
  await expect(app.getByTestId('find-count')).toHaveText(`第 6 处，共 ${n} 处`);
  await expect.poll(() => currentOnScreen(app)).toBe(true);
  const sixth = await app.evaluate(() =>
    [...document.querySelectorAll('.dz-find')].findIndex((m) => m.classList.contains('dz-find-current')),
  );
  expect(sixth).toBe(5);
  await input.press('Shift+Enter');
  await expect(app.getByTestId('find-count')).toHaveText(`第 5 处，共 ${n} 处`);
  await shot('find-traditional');

  // Nothing found says so; the text is never changed by find.
  await input.fill('阿里巴巴集团');
  await expect(app.getByTestId('find-count')).toHaveText('没有找到');
  expect(await marks(app)).toEqual([]);

  // Esc closes it, the marks go and the keys are the reader's again; / opens it once more.
  await input.fill('互联网');
  await expect(app.getByTestId('find-count')).toContainText('共');
  await input.press('Escape');
  await expect(app.getByTestId('find-bar')).toHaveCount(0);
  expect(await marks(app)).toEqual([]);
  await app.keyboard.press('/');
  await expect(input).toBeFocused();
  await expect(app.getByTestId('find-count')).toHaveText(`第 1 处，共 ${await occurrences(app, '互聯網')} 处`);
});

test('find works in a converted text (软件 finds 軟體) and side by side marks both columns', async ({ app, shot }) => {
  test.setTimeout(90_000);
  await app.locator(openButton(TITLES.simplified)).click();
  await scriptOption(app, '繁体中文，使用台湾用语').click();
  await expect(article(app)).toHaveAttribute('data-script', 'taiwanPhrases');
  const shownSoftware = await occurrences(app, '軟體');
  expect(shownSoftware).toBe(3);

  await app.keyboard.press('/');
  const input = app.getByRole('searchbox', { name: '在文中查找' });
  await input.fill('软件');
  await expect(app.getByTestId('find-count')).toHaveText('第 1 处，共 3 处');
  expect(await marks(app)).toEqual(['軟體', '軟體', '軟體']);

  // Side by side: the same hits in the original (软件) and in the converted column (軟體).
  // The first hit shown is the next one from where the reader is (a hit of 软件 far down).
  await input.fill('腾讯');
  const n = await occurrences(app, '騰訊');
  await expect(app.getByTestId('find-count')).toHaveText(new RegExp(`^第 (\\d+) 处，共 ${n} 处$`));
  const first = Number((await app.getByTestId('find-count').textContent())?.match(/第 (\d+)/)?.[1]);
  expect(first).toBeGreaterThan(1);
  await app.getByTestId('parallel-toggle').click();
  await expect(app.locator('.dz-paired')).toBeVisible();
  await expect.poll(() => marks(app, '.dz-paired').then((m) => m.length)).toBe(2 * n);
  const left = await app.evaluate(() =>
    [...document.querySelectorAll('.dz-cell-source .dz-find')].map((m) => m.textContent),
  );
  const right = await app.evaluate(() =>
    [...document.querySelectorAll('.dz-cell-target .dz-find')].map((m) => m.textContent),
  );
  expect(left).toEqual(Array(n).fill('腾讯'));
  expect(right).toEqual(Array(n).fill('騰訊'));
  await input.press('Enter');
  await expect(app.getByTestId('find-count')).toHaveText(`第 ${(first % n) + 1} 处，共 ${n} 处`);
  await expect.poll(() => currentOnScreen(app)).toBe(true);
  await expect(app.locator('.dz-find-current')).toHaveCount(2);
  await shot('find-side-by-side');
});
