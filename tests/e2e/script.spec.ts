import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TITLES, openButton, article, scriptOption } from './text';

/** Index of the first block whose bottom is below the top of the scroller: the paragraph being read. */
const firstVisibleBlock = (app: Page) =>
  app.evaluate(() => {
    const scroller = document.querySelector('.reader-scroll') as HTMLElement;
    const top = scroller.getBoundingClientRect().top;
    const blocks = Array.from(document.querySelectorAll('.dz-article > *'));
    return blocks.findIndex((b) => b.getBoundingClientRect().bottom > top + 4);
  });

test('the reader switches scripts from the toolbar and with V, on the same paragraph', async ({ app, shot }) => {
  await app.locator(openButton(TITLES.simplified)).click();
  await expect(article(app).locator('h1')).toHaveText(TITLES.simplified);
  await expect(scriptOption(app, '按原文显示')).toHaveAttribute('aria-checked', 'true');
  // A Simplified article is not offered in Simplified: that is its original.
  await expect(scriptOption(app, '简体中文')).toHaveCount(0);

  // V goes to the next script: Traditional (OpenCC standard forms).
  await app.keyboard.press('v');
  await expect(article(app).locator('h1')).toHaveText('從消費互聯網到產業互聯網 騰訊迎來第三次“開放”');
  await expect(scriptOption(app, '繁体中文（OpenCC 标准字形）')).toHaveAttribute('aria-checked', 'true');
  await expect(article(app)).toHaveAttribute('lang', 'zh-Hant');

  // Read on a few screens, then switch to Taiwan phrases: a length-changing conversion
  // (互联网 → 網際網路) that must keep the same paragraph at the top.
  await app.keyboard.press('PageDown');
  await app.keyboard.press('PageDown');
  await app.keyboard.press('PageDown');
  await expect.poll(() => firstVisibleBlock(app)).toBeGreaterThan(3);
  const before = await firstVisibleBlock(app);
  await scriptOption(app, '繁体中文，使用台湾用语').click();
  await expect(article(app).locator('h1')).toHaveText('從消費網際網路到產業網際網路 騰訊迎來第三次“開放”');
  await expect(article(app)).toHaveAttribute('lang', 'zh-Hant-TW');
  expect(await firstVisibleBlock(app)).toBe(before);
  await shot('reader-taiwan-phrases');

  // Shift+V goes back one, V twice more wraps round to the original.
  await app.keyboard.press('Shift+V');
  await expect(scriptOption(app, '繁体中文（台湾字形）')).toHaveAttribute('aria-checked', 'true');
  expect(await firstVisibleBlock(app)).toBe(before);
  await app.keyboard.press('v');
  await app.keyboard.press('v');
  await expect(scriptOption(app, '繁体中文（香港字形）')).toHaveAttribute('aria-checked', 'true');
  await app.keyboard.press('v');
  await expect(article(app).locator('h1')).toHaveText(TITLES.simplified);
  expect(await firstVisibleBlock(app)).toBe(before);
});

test('the chosen script is remembered per article, and the default comes from settings', async ({ app }) => {
  await app.locator(openButton(TITLES.simplified)).click();
  await scriptOption(app, '繁体中文（香港字形）').click();
  await expect(article(app).locator('h1')).toHaveText('從消費互聯網到產業互聯網 騰訊迎來第三次“開放”');
  await expect(article(app)).toHaveAttribute('data-script', 'hongkong');
  await app.keyboard.press('Escape');

  // Another article opens as written.
  await app.locator(openButton(TITLES.traditional)).click();
  await expect(article(app)).toHaveAttribute('data-script', 'original');
  await expect(article(app).locator('h1')).toHaveText(TITLES.traditional);
  await app.keyboard.press('Escape');

  // With Simplified as the default, a Traditional article opens in Simplified...
  await app.getByLabel('文章默认显示为').selectOption('simplified');
  await app.locator(openButton(TITLES.traditional)).click();
  await expect(article(app).locator('h1')).toHaveText('产业互联网六年,腾讯正在超越腾讯');
  await expect(scriptOption(app, '简体中文')).toHaveAttribute('aria-checked', 'true');
  await app.keyboard.press('Escape');

  // ...while the article given its own choice keeps it, also after a reload.
  await app.reload();
  await app.locator(openButton(TITLES.simplified)).click();
  await expect(article(app)).toHaveAttribute('data-script', 'hongkong');
  await expect(scriptOption(app, '繁体中文（香港字形）')).toHaveAttribute('aria-checked', 'true');
});
