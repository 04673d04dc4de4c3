import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openButton, paste, TITLES } from './text';

const editButton = (title: string) => `button[aria-label="编辑《${title}》的详情"]`;
const row = (app: Page, title: string) =>
  app.getByTestId('article-row').filter({ has: app.locator(openButton(title)) });

/** The titles of the rows, top to bottom, that match `only`. */
async function order(app: Page, only: RegExp): Promise<string[]> {
  const titles = await app.locator('.article-row .article-title').allTextContents();
  return titles.filter((t) => only.test(t));
}

test('details edited from the library are kept after a reload; Esc cancels; focus returns', async ({ app, shot }) => {
  const edit = app.locator(editButton(TITLES.traditional));
  await edit.focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByTestId('details-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('标题')).toBeFocused();
  await expect(dialog.getByLabel('标题')).toHaveValue(TITLES.traditional);

  // Esc leaves everything as it was and gives focus back to the row's button.
  await dialog.getByLabel('作者').fill('不该保存');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(dialog.getByLabel('作者')).toHaveValue('');

  // An empty title is not sent.
  await dialog.getByLabel('标题').fill('  ');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('文章需要一个标题。');
  await expect(dialog.getByLabel('标题')).toBeFocused();

  await dialog.getByLabel('标题').fill('廣州的夏天');
  await dialog.getByLabel('作者').fill('陳記者');
  await dialog.getByLabel('来源').fill('每日經濟新聞');
  await dialog.getByLabel('原文网址').fill('https://example.com/summer');
  await dialog.getByLabel('发布日期').fill('2024-11-20');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await shot('details-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const edited = row(app, '廣州的夏天');
  await expect(edited).toContainText('每日經濟新聞');
  await expect(edited).toContainText('作者：陳記者');
  await expect(edited.getByTestId('published-date')).toHaveText('发布于 2024年11月20日');
  await expect(app.locator(editButton('廣州的夏天'))).toBeFocused();

  await app.reload();
  await expect(row(app, '廣州的夏天').getByTestId('published-date')).toHaveText('发布于 2024年11月20日');
  await app.locator(openButton('廣州的夏天')).click();
  const meta = app.locator('.page .article-meta');
  await expect(meta).toContainText('作者：陳記者');
  await expect(meta).toContainText('2024-11-20');
  // The text is the article's own: its heading is unchanged.
  await expect(app.locator('.dz-article h1')).toHaveText(TITLES.traditional);
});

test('details edited from the reader show at once and are kept after a reload', async ({ app, shot }) => {
  await app.locator(openButton(TITLES.simplified)).click();
  await expect(app.locator('.dz-article h1')).toHaveText(TITLES.simplified);
  const toolbarButton = app.getByRole('toolbar').getByRole('button', { name: '详情…' });
  await toolbarButton.click();
  const dialog = app.getByTestId('details-dialog');
  await dialog.getByLabel('标题').fill('腾讯的第三次开放');
  await dialog.getByLabel('作者').fill('王记者');
  await dialog.getByLabel('发布日期').fill('2019-05-21');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(toolbarButton).toBeFocused();
  const meta = app.locator('.page .article-meta');
  await expect(meta).toContainText('作者：王记者');
  await expect(meta).toContainText('2019-05-21');
  await expect(app.locator('.toolbar-title')).toHaveText('腾讯的第三次开放');
  // Esc in the dialog closes the dialog, not the reader.
  await toolbarButton.click();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('reader')).toBeVisible();
  await shot('details-reader');

  await app.reload();
  await expect(row(app, '腾讯的第三次开放').getByTestId('published-date')).toHaveText('发布于 2019年5月21日');
  await app.locator(openButton('腾讯的第三次开放')).click();
  await expect(app.locator('.page .article-meta')).toContainText('作者：王记者');

  // Clearing the author (blank) removes it.
  await app.getByRole('toolbar').getByRole('button', { name: '详情…' }).click();
  await dialog.getByLabel('作者').fill('');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.locator('.page .article-meta')).not.toContainText('作者');
});

test('sorts by title with numbers as numbers, by dates added and published, and reverses; the order is remembered', async ({
  app,
  shot,
}) => {
  await app.setViewportSize({ width: 1280, height: 860 });
  await expect(app.getByTestId('article-row')).toHaveCount(3);
  await paste(app, '第2篇', '第二篇的正文，讲的是春天。');
  await paste(app, '第10篇', '第十篇的正文，讲的是秋天。');
  await paste(app, '第1篇', '第一篇的正文，讲的是冬天。');
  const numbered = /^第\d+篇$/;

  // Newest added first by default; reversed, the samples (added first) lead.
  await expect.poll(() => order(app, numbered)).toEqual(['第1篇', '第10篇', '第2篇']);
  const sort = app.getByLabel('排序');
  const reverse = app.getByRole('button', { name: '倒序' });
  await expect(reverse).toHaveAttribute('aria-pressed', 'false');
  await reverse.click();
  await expect(reverse).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => order(app, numbered)).toEqual(['第2篇', '第10篇', '第1篇']);
  await expect(app.locator('.article-row .article-title').last()).toHaveText('第1篇');

  await sort.selectOption({ label: '标题' });
  await expect.poll(() => order(app, numbered)).toEqual(['第10篇', '第2篇', '第1篇']);
  await reverse.click();
  await expect.poll(() => order(app, numbered)).toEqual(['第1篇', '第2篇', '第10篇']);

  // Published dates: newest first, undated last.
  for (const [title, date] of [
    ['第1篇', '2025-03-01'],
    ['第2篇', '2020-07-15'],
    ['第10篇', '2023-12-31'],
  ] as const) {
    await app.locator(editButton(title)).click();
    const dialog = app.getByTestId('details-dialog');
    await dialog.getByLabel('发布日期').fill(date);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
  await sort.selectOption({ label: '发布日期' });
  await expect.poll(() => order(app, numbered)).toEqual(['第1篇', '第10篇', '第2篇']);
  await reverse.click();
  await expect.poll(() => order(app, numbered)).toEqual(['第2篇', '第10篇', '第1篇']);
  // The samples without a date stay last; each row shows both of its dates.
  await expect(app.locator('.article-row').last().getByTestId('published-date')).toHaveCount(0);
  await expect(row(app, '第2篇').getByTestId('published-date')).toHaveText('发布于 2020年7月15日');
  await expect(row(app, '第2篇').getByTestId('added-date')).toContainText('添加于');
  await shot('library-sorted-1280');

  await app.reload();
  await expect(app.getByLabel('排序')).toHaveValue('published');
  await expect(app.getByRole('button', { name: '倒序' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => order(app, numbered)).toEqual(['第2篇', '第10篇', '第1篇']);

  await app.setViewportSize({ width: 600, height: 860 });
  await shot('library-sorted-600');
  // Nothing spills sideways in a narrow window.
  expect(await app.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(600);
  await app.setViewportSize({ width: 480, height: 860 });
  expect(await app.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(480);
  await expect(app.getByRole('button', { name: '倒序' })).toBeInViewport();
  await expect(app.locator(editButton('第2篇'))).toBeInViewport();
  await shot('library-sorted-480');
});
