import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TITLES, article, openButton, scriptOption } from './text';

const style = (app: Page, selector: string, property: string) =>
  app
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

/** Sets a range input to a value as a person dragging it would (an input event). */
const slide = (app: Page, testId: string, value: number) =>
  app.getByTestId(testId).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    set.call(input, String(v));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);

test('reading settings change the page and are remembered', async ({ app, shot }) => {
  test.setTimeout(90_000);
  await app.locator(openButton(TITLES.simplified)).click();
  await expect(article(app).locator('h1')).toHaveText(TITLES.simplified);
  const fontSize = parseFloat(await style(app, '.dz-article', 'font-size'));
  expect(await style(app, '.dz-article', 'font-family')).toContain('Noto Serif CJK SC');

  await app.getByTestId('reading-settings').click();
  await app.getByRole('radio', { name: '黑体' }).check();
  await slide(app, 'reading-lineHeight', 2.4);
  await slide(app, 'reading-lineLength', 24);
  await slide(app, 'reading-paragraphSpacing', 2);
  await slide(app, 'reading-indent', 0);
  await expect.poll(() => style(app, '.dz-article', 'font-family')).toContain('Noto Sans CJK SC');
  await expect.poll(() => style(app, '.dz-article', 'line-height')).toBe(`${fontSize * 2.4}px`);
  await expect.poll(() => style(app, '.page', 'max-width')).toBe(`${fontSize * 24}px`);
  await expect.poll(() => style(app, '.dz-paragraph', 'margin-bottom')).toBe(`${fontSize * 2}px`);
  expect(await style(app, '.dz-paragraph', 'text-indent')).toBe('0px');

  // A custom theme from two colours.
  await app.getByRole('group', { name: '阅读设置' }).locator('input[type=color]').first().fill('#203040');
  await app.getByRole('group', { name: '阅读设置' }).locator('input[type=color]').nth(1).fill('#f0e0c0');
  await expect.poll(() => style(app, 'body', 'background-color')).toBe('rgb(32, 48, 64)');
  await expect.poll(() => style(app, 'body', 'color')).toBe('rgb(240, 224, 192)');
  await shot('reading-settings');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('group', { name: '阅读设置' })).toHaveCount(0);

  // After a restart of the window, all of it is still there.
  await app.waitForTimeout(300);
  await app.reload();
  await app.locator(openButton(TITLES.simplified)).click();
  await expect(article(app).locator('h1')).toHaveText(TITLES.simplified);
  expect(await style(app, '.dz-article', 'font-family')).toContain('Noto Sans CJK SC');
  expect(await style(app, '.dz-article', 'line-height')).toBe(`${fontSize * 2.4}px`);
  expect(await style(app, '.page', 'max-width')).toBe(`${fontSize * 24}px`);
  expect(await style(app, 'body', 'background-color')).toBe('rgb(32, 48, 64)');
});

test('focus mode hides the chrome (Esc brings it back), full screen, and progress in the reader', async ({
  app,
  shot,
}) => {
  await app.locator(openButton(TITLES.simplified)).click();
  await expect(article(app).locator('h1')).toHaveText(TITLES.simplified);
  const progress = app.getByTestId('reading-progress');
  await expect(progress).toHaveText(/^0% · 还剩 [\d,]+ 字$/);
  const left = (text: string | null) => Number(text?.match(/还剩 ([\d,]+)/)?.[1]?.replace(/,/g, ''));
  const total = left(await progress.textContent());
  const length = await app.evaluate(
    () => [...document.querySelectorAll('.dz-article > *')].map((b) => b.textContent ?? '').join('\n').length,
  );
  expect(Math.abs(total - length)).toBeLessThan(40);

  // Half way down, about half is left.
  await app.locator('.reader-scroll').evaluate((s) => (s.scrollTop = (s.scrollHeight - s.clientHeight) / 2));
  await expect.poll(async () => left(await progress.textContent())).toBeLessThan(total * 0.65);
  expect(left(await progress.textContent())).toBeGreaterThan(total * 0.3);
  const percent = Number((await progress.textContent())?.match(/^(\d+)%/)?.[1]);
  expect(percent).toBeGreaterThan(35);
  expect(percent).toBeLessThan(70);

  // Focus mode: F hides the toolbar, Esc brings it back (and does not leave the article).
  await app.locator('.reader-scroll').focus();
  await app.keyboard.press('f');
  await expect(app.getByRole('toolbar')).toBeHidden();
  await shot('focus-mode');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('toolbar')).toBeVisible();
  await expect(article(app)).toBeVisible();

  // Full screen through the Fullscreen API (the window's own in Electron).
  await app.keyboard.press('F11');
  await expect.poll(() => app.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await app.keyboard.press('F11');
  await expect.poll(() => app.evaluate(() => document.fullscreenElement !== null)).toBe(false);
});

test('the default "Traditional with Taiwan phrases" opens a Traditional article in Taiwan forms', async ({ app }) => {
  await app.getByLabel('文章默认显示为').selectOption('taiwanPhrases');
  await app.locator(openButton(TITLES.traditional)).click();
  await expect(article(app)).toHaveAttribute('data-script', 'taiwan');
  await expect(article(app)).toHaveAttribute('lang', 'zh-Hant-TW');
  await expect(scriptOption(app, '繁体中文（台湾字形）')).toHaveAttribute('aria-checked', 'true');
  // Taiwan's forms, not the text as written: 爲 becomes 為.
  await expect(article(app)).toContainText('為');
  await expect(article(app)).not.toContainText('爲');
  await app.keyboard.press('Escape');
  // A Simplified article takes the phrases themselves.
  await app.locator(openButton(TITLES.simplified)).click();
  await expect(article(app)).toHaveAttribute('data-script', 'taiwanPhrases');
});
