import { expect, test } from './fixtures';
import { article, openButton, paste, scriptOption, select, TITLES } from './text';

test('a Taiwan-phrase mistake (发展进程 → 發展程序) is corrected in this article from the keyboard, and a highlight stays on its words', async ({
  app,
  shot,
}) => {
  test.setTimeout(90_000);
  await app.locator(openButton(TITLES.simplified)).click();
  await scriptOption(app, '繁体中文，使用台湾用语').click();
  await expect(article(app)).toContainText('產業發展程序中');
  await expect(article(app)).toContainText('注視著數字化的程序');

  // A highlight over the wrongly converted words, made before the correction.
  await select(app, '發展程序中');
  await app.keyboard.press('2');
  const marked = article(app).locator('[class*="hl-"]', { hasText: '發展' });
  await expect(marked).toHaveText('發展程序中');

  await select(app, '發展程序');
  await app.keyboard.press('e');
  const dialog = app.getByTestId('correction-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('发展进程');
  const input = dialog.getByTestId('correction-target');
  await expect(input).toHaveValue('發展程序');
  await expect(input).toBeFocused();
  await input.fill('發展進程');
  // The preview lists the sentence as it reads now and as it will.
  const preview = dialog.getByTestId('correction-preview');
  await expect(preview.locator('.correction-after').first()).toContainText('產業發展進程中');
  await expect(preview.locator('.correction-before').first()).toContainText('產業發展程序中');
  await expect(dialog.getByTestId('correction-count')).toHaveText('含此词的 2 句中有 2 句改变。');
  await shot('correction-dialog-article');
  await input.press('Enter');
  await expect(dialog).toHaveCount(0);

  await expect(article(app)).toContainText('產業發展進程中');
  // Only the corrected phrase: OpenCC's Taiwan phrase stays elsewhere.
  await expect(article(app)).toContainText('注視著數字化的程序');
  await expect(marked).toHaveText('發展進程中');
  await shot('correction-applied-article');

  // The correction is for Taiwan phrases only: Traditional keeps OpenCC's standard output.
  await scriptOption(app, '繁体中文（OpenCC 标准字形）').click();
  await expect(article(app)).toContainText('產業發展進程中');
});

test('腾讯云云开发 corrected everywhere for standard Traditional, side by side, counted across the library, listed and removed in settings', async ({
  app,
  shot,
}) => {
  test.setTimeout(90_000);
  await paste(app, '云开发', '腾讯云云开发是一个平台。');
  await paste(app, '另一篇', '腾讯云云函数很好用。');
  await app.locator(openButton('云开发')).click();
  await scriptOption(app, '繁体中文（OpenCC 标准字形）').click();
  await app.getByTestId('parallel-toggle').click();
  const right = '.dz-cell-target';
  await expect(app.locator(right).first()).toContainText('騰訊云云開發');

  await select(app, '騰訊云', right);
  await app.getByTestId('correct-button').click();
  const dialog = app.getByTestId('correction-dialog');
  await dialog.getByTestId('correction-target').fill('騰訊雲');
  await dialog.getByLabel('所有文章').check();
  // This article, the other one and the sample about Tencent all change.
  await expect(dialog.getByTestId('correction-count')).toContainText('文库中有 3 篇文章改变。');
  await expect(dialog.locator('.correction-after').first()).toHaveText('騰訊雲雲開發是一個平臺。');
  await shot('correction-dialog-everywhere');
  await dialog.getByTestId('correction-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(app.locator(right).first()).toContainText('騰訊雲雲開發');
  await shot('correction-applied-side-by-side');

  // Only standard Traditional was chosen: Taiwan forms keep OpenCC's output.
  await app.getByTestId('parallel-toggle').click();
  await scriptOption(app, '繁体中文（台湾字形）').click();
  await expect(article(app)).toContainText('騰訊云云開發');
  await app.keyboard.press('Escape');

  // Everywhere: the other article too.
  await app.locator(openButton('另一篇')).click();
  await scriptOption(app, '繁体中文（OpenCC 标准字形）').click();
  await expect(article(app)).toContainText('騰訊雲雲函數');
  await app.keyboard.press('Escape');

  // Settings list it, with the built-in set off; turning the set on adds the fixes from OpenCC's issues.
  await app.getByTestId('corrections-button').click();
  const settings = app.getByTestId('corrections-dialog');
  await expect(settings.getByTestId('corrections-list')).toContainText('腾讯云 → 騰訊雲');
  await expect(settings.getByTestId('corrections-presets')).not.toBeChecked();
  await settings.getByTestId('corrections-presets').check();
  await expect(settings.getByTestId('corrections-list')).toContainText('被发明 → 被發明');
  await shot('corrections-settings');
  await settings.getByRole('button', { name: '删除纠正 腾讯云 → 騰訊雲' }).click();
  await expect(settings.getByTestId('corrections-list')).not.toContainText('腾讯云 → 騰訊雲');
  await settings.getByTestId('corrections-presets').uncheck();
  await expect(settings.getByTestId('corrections-none')).toBeVisible();
  await settings.getByRole('button', { name: '关闭' }).click();

  await app.locator(openButton('另一篇')).click();
  await expect(article(app)).toContainText('騰訊云云函數');
});
