import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { firstVisible } from './text';

// The sample articles' titles, as their files give them (resources/samples, from shared/seeds).
const TITLES = {
  s000: '从消费互联网到产业互联网 腾讯迎来第三次“开放”',
  s001: '騰訊產業互聯網週年考:一路狂奔能否再造一個騰訊?',
  s003: '產業互聯網六年,騰訊正在超越騰訊',
};

const openButton = (title: string) => `button[aria-label="打开《${title}》"]`;

test('first run shows the three sample articles', async ({ app, shot }) => {
  const rows = app.getByTestId('article-row');
  await expect(rows).toHaveCount(3);
  for (const title of Object.values(TITLES)) await expect(app.locator(openButton(title))).toBeVisible();
  await expect(app.getByRole('img', { name: '简体中文' })).toHaveCount(1);
  await expect(app.getByRole('img', { name: '繁体中文' })).toHaveCount(2);
  await expect(app.getByText('示例')).toHaveCount(3);
  await shot('library');
});

test('opening a sample shows its title and first paragraph; Esc goes back', async ({ app, shot }) => {
  await app.locator(openButton(TITLES.s003)).click();
  const article = app.getByRole('textbox', { name: '正文' }).or(app.locator('.dz-article'));
  await expect(article.locator('h1')).toHaveText(TITLES.s003);
  await expect(article.locator('p').first()).toHaveText(
    '2024年的廣州迎來了一個最漫長的夏天,追平並超越了1994年創下的歷史紀錄。',
  );
  // The text takes a caret for selecting, but typing never changes it. It is a document to read
  // (aria-readonly is not allowed on that role: axe-core's aria-allowed-attr).
  await expect(article).toHaveAttribute('role', 'document');
  await expect(article).not.toHaveAttribute('aria-readonly');
  await article.locator('p').first().click();
  await app.keyboard.type('abc');
  await app.keyboard.press('Backspace');
  await app.keyboard.press('Enter');
  await expect(article.locator('p').first()).toHaveText(
    '2024年的廣州迎來了一個最漫長的夏天,追平並超越了1994年創下的歷史紀錄。',
  );
  await shot('reader');
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('article-row')).toHaveCount(3);
});

test('a GBK file imported through the file input reads correctly', async ({ app, shot }) => {
  const title = '江南春日札记';
  const paragraphs = [
    '三月的江南，细雨如丝，河岸的柳树刚刚抽出新芽。',
    '清晨的石板路上行人不多，卖豆浆的老人已经支起了摊子，热气在雨中慢慢散开。',
    '午后雨停，远处的塔影映在水面上，游船缓缓划过，留下一道长长的波纹。',
  ];
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-gbk-'));
  const file = join(dir, 'jiangnan-gbk.txt');
  writeFileSync(file, iconv.encode([title, '', ...paragraphs].join('\r\n\r\n'), 'gbk'));

  await expect(app.getByTestId('article-row')).toHaveCount(3);
  await app.getByTestId('file-input').setInputFiles(file);
  const report = app.getByTestId('import-report');
  await expect(report).toContainText(title);
  await expect(report).toContainText('已导入');
  await expect(app.getByTestId('article-row')).toHaveCount(4);
  await app.locator(openButton(title)).click();
  await expect(app.locator('.dz-article h1')).toHaveText(title);
  await expect(app.locator('.dz-article p')).toHaveText(paragraphs);
  await shot('reader-imported-gbk');
});

test('importing the same text twice reports the duplicate', async ({ app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-dup-'));
  const file = join(dir, 'again.txt');
  // Sample 003 again, but in Big5: same content, different bytes.
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(join(__dirname, '..', '..', 'resources', 'samples', '003_2859e7ef28661db1.txt'), 'utf8');
  writeFileSync(file, Buffer.from(text, 'utf8'));
  await app.getByTestId('file-input').setInputFiles(file);
  await expect(app.getByTestId('import-report')).toContainText(`文库中已有：《${TITLES.s003}》`);
  await expect(app.getByTestId('article-row')).toHaveCount(3);
});

test('a binary file gets a clear error and the library is untouched', async ({ app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-bin-'));
  const file = join(dir, 'picture.txt');
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(600, 0),
    Buffer.from('IHDR\x00\x00\x01'),
  ]);
  writeFileSync(file, png);
  await app.getByTestId('file-input').setInputFiles(file);
  await expect(app.getByTestId('import-report')).toContainText('这不是对照能读的文件');
  await expect(app.getByTestId('article-row')).toHaveCount(3);
});

test('delete asks first, and undo brings the article back', async ({ app, shot }) => {
  await app.getByRole('button', { name: `删除《${TITLES.s001}》` }).click();
  const dialog = app.getByTestId('delete-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(TITLES.s001);
  await dialog.getByRole('button', { name: '删除' }).click();
  await expect(app.getByTestId('article-row')).toHaveCount(2);
  await expect(app.locator(openButton(TITLES.s001))).toHaveCount(0);
  await shot('library-after-delete');
  await app.getByRole('status').getByRole('button', { name: '撤销' }).click();
  await expect(app.getByTestId('article-row')).toHaveCount(3);
  await expect(app.locator(openButton(TITLES.s001))).toBeVisible();
});

test('pasted text becomes an article', async ({ app }) => {
  await app.getByRole('button', { name: '粘贴文本…' }).click();
  const dialog = app.getByTestId('paste-dialog');
  await dialog.getByLabel('标题（可选）').fill('粘贴的短文');
  await dialog.getByLabel('正文').fill('第一段文字。\n第二段文字，說的是繁體。');
  await dialog.getByRole('button', { name: '加入文库' }).click();
  await expect(app.getByTestId('article-row')).toHaveCount(4);
  await app.locator(openButton('粘贴的短文')).click();
  await expect(app.locator('.dz-article p')).toHaveText(['第一段文字。', '第二段文字，說的是繁體。']);
});

test('the reading position is kept when the article is reopened', async ({ app }) => {
  await app.locator(openButton(TITLES.s000)).click();
  const scroller = app.getByTestId('reader').locator('.reader-scroll');
  await expect(app.locator('.dz-article h1')).toHaveText(TITLES.s000);
  await scroller.focus();
  for (let i = 0; i < 6; i++) await app.keyboard.press('Space');
  expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  const atTop = () => firstVisible(scroller);
  const before = await atTop();
  expect(before).toMatch(/^[1-9]\d*:\d+$/);
  await app.keyboard.press('Escape');
  const row = app.locator(openButton(TITLES.s000));
  await expect(row).toBeVisible();
  // The library shows the progress that was saved (read as the open button's description).
  await expect(row).toHaveAccessibleDescription(/已读 [1-9]\d*%/);
  await row.click();
  await expect(app.locator('.dz-article h1')).toHaveText(TITLES.s000);
  await expect.poll(atTop).toBe(before);
});

test('when the encoding is uncertain the user picks it from previews', async ({ app, shot }) => {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-enc-'));
  const file = join(dir, 'short.txt');
  // Four bytes that read cleanly both as GBK (啊啊) and as Big5.
  writeFileSync(file, Buffer.from([0xb0, 0xa1, 0xb0, 0xa1]));
  await app.getByTestId('file-input').setInputFiles(file);
  const dialog = app.getByTestId('encoding-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio')).not.toHaveCount(0);
  await expect(dialog).toContainText('啊啊');
  await shot('encoding-dialog');
  await dialog.getByRole('radio', { name: /GB18030/ }).check();
  await dialog.getByRole('button', { name: '用此编码导入' }).click();
  await expect(app.getByTestId('import-report')).toContainText('已导入');
  await expect(app.locator(openButton('啊啊'))).toBeVisible();
});

test('a text file dropped on the window is imported', async ({ app }) => {
  const bytes = [...iconv.encode('拖放导入的文章\n\n这一段来自拖放的文件。', 'gbk')];
  const transfer = await app.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'dropped.txt', { type: 'text/plain' }));
    return dt;
  }, bytes);
  await app.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await app.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(app.getByTestId('import-report')).toContainText('拖放导入的文章');
  await expect(app.getByTestId('article-row')).toHaveCount(4);
});

test('theme and font size change from the toolbar and are remembered', async ({ app, shot }) => {
  await app.locator(openButton(TITLES.s001)).click();
  const article = app.locator('.dz-article');
  await expect(article.locator('h1')).toHaveText(TITLES.s001);
  const size = () => article.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();
  // Two clicks in one task, before main can answer the first: each is a step.
  await app.getByRole('button', { name: '放大字号' }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect.poll(size).toBe(before + 2);
  await app.getByRole('radio', { name: '深色' }).click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot('reader-dark');
  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.locator(openButton(TITLES.s001)).click();
  await expect.poll(size).toBe(before + 2);
});

test('searching the library finds the words in any script', async ({ app, shot }) => {
  await expect(app.getByTestId('article-row')).toHaveCount(3);
  const search = app.getByRole('searchbox', { name: '搜索文章' });
  await search.fill('腾讯');
  await expect(app.getByText('找到 3 篇')).toBeVisible();
  await search.fill('周年考');
  await expect(app.getByTestId('article-row')).toHaveCount(1);
  await expect(app.getByTestId('article-row')).toContainText(TITLES.s001);
  await expect(app.getByTestId('search-snippet')).toContainText('週年考');
  // The words found are marked in the snippet, as written (Traditional), though typed in Simplified.
  await expect(app.getByTestId('search-snippet').locator('mark')).toHaveText('週年考');
  await shot('library-search');
  await search.fill('');
  await expect(app.getByTestId('article-row')).toHaveCount(3);
});
