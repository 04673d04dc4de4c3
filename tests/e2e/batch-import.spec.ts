import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { e2eTarget, expect, test } from './fixtures';

const openButton = (title: string) => `button[aria-label="打开《${title}》"]`;

/**
 * Short texts whose bytes read cleanly both as GBK and as Big5, so that the importer has to ask
 * (see decode.test.ts, "asks when a few bytes read cleanly as both GBK and Big5").
 */
const AMBIGUOUS = [
  { file: 'a.txt', title: '啊阿', encoding: 'gbk' },
  { file: 'b.txt', title: '江南', encoding: 'gbk' },
  { file: 'c.txt', title: '花开', encoding: 'gbk' },
  { file: 'd.txt', title: '裁雲', encoding: 'big5' },
  { file: 'e.txt', title: '安静', encoding: 'gbk' },
] as const;

function writeFiles(files: { file: string; bytes: Uint8Array }[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-batch-'));
  return files.map(({ file, bytes }) => {
    const path = join(dir, file);
    writeFileSync(path, bytes);
    return path;
  });
}

const ambiguous = (...which: (typeof AMBIGUOUS)[number][]) =>
  which.map((a) => ({ file: a.file, bytes: iconv.encode(a.title, a.encoding) }));

/** Imports through the Import button and the file chooser (so focus starts on the button), or the input in Electron. */
async function importThroughButton(app: Page, paths: string[]) {
  if (e2eTarget() === 'electron') return app.getByTestId('file-input').setInputFiles(paths);
  const [chooser] = await Promise.all([
    app.waitForEvent('filechooser'),
    app.getByRole('button', { name: '导入…', exact: true }).click(),
  ]);
  await chooser.setFiles(paths);
}

/** Records every text the progress line shows from now on (it may show for a few milliseconds only). */
async function recordProgress(app: Page) {
  await app.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      // The line itself, not its Cancel button.
      const text = document.querySelector('[data-testid="import-progress"] [role="status"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => app.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
}

test('files that need an encoding share one dialog; "use for all", then the report as a summary', async ({
  app,
  shot,
}) => {
  await expect(app.getByTestId('article-row')).toHaveCount(3);
  const paths = writeFiles([
    ...ambiguous(...AMBIGUOUS),
    { file: 'plain.txt', bytes: new TextEncoder().encode('一篇普通的文章\n\n正文只有一段。') },
    { file: 'empty.txt', bytes: new Uint8Array(0) },
  ]);
  const progress = await recordProgress(app);
  await importThroughButton(app, paths);

  const dialog = app.getByTestId('encoding-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('这 5 个文件是哪种编码？');
  const rows = dialog.getByTestId('encoding-file');
  await expect(rows).toHaveCount(5);
  const row = (file: string) => rows.filter({ hasText: file });
  // Each file starts on its best guess, with that guess's preview: GBK here, even for the Big5 one.
  await expect(row('a.txt').getByTestId('encoding-preview')).toHaveText('啊阿');
  await expect(row('d.txt').getByTestId('encoding-preview')).not.toHaveText('裁雲');
  await shot('batch-encoding-dialog-1280');
  await app.setViewportSize({ width: 600, height: 860 });
  await shot('batch-encoding-dialog-600');
  await app.setViewportSize({ width: 1280, height: 860 });

  // Use for all, from the keyboard: one encoding for every file that can be read in it.
  await dialog.getByRole('button', { name: '所有文件都用 Big5 (繁體)' }).focus();
  await app.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('已为全部 5 个文件选择 Big5 (繁體)。');
  await expect(row('d.txt').getByTestId('encoding-preview')).toHaveText('裁雲');
  await dialog.getByRole('button', { name: '所有文件都用 GB18030 / GBK (简体)' }).click();
  await expect(row('a.txt').getByTestId('encoding-preview')).toHaveText('啊阿');
  // Then one file differs, and one is left out.
  await row('d.txt').getByRole('radio', { name: /Big5/ }).check();
  await expect(row('d.txt').getByTestId('encoding-preview')).toHaveText('裁雲');
  await row('e.txt').getByRole('checkbox', { name: '导入“e.txt”' }).uncheck();
  await dialog.getByRole('button', { name: '导入 4 个文件' }).click();
  await expect(dialog).toBeHidden();

  // Every article reads right; the skipped one is not there.
  for (const a of AMBIGUOUS.slice(0, 4)) await expect(app.locator(openButton(a.title))).toBeVisible();
  await expect(app.locator(openButton('一篇普通的文章'))).toBeVisible();
  await expect(app.getByTestId('article-row')).toHaveCount(8);
  await expect(app.locator(openButton('安静'))).toHaveCount(0);
  // Focus is back where the import started.
  if (e2eTarget() === 'chromium') await expect(app.getByRole('button', { name: '导入…', exact: true })).toBeFocused();

  // The report is one line; the details (failures first) only on request, since there are 7 files.
  const report = app.getByTestId('import-report');
  await expect(report.getByTestId('import-summary')).toHaveText('已导入 5 个，1 个未能导入，已跳过 1 个');
  const lines = report.getByTestId('import-report-line');
  await expect(lines.first()).toBeHidden();
  await shot('batch-import-report-1280');
  await report.getByText('逐个文件查看（7 个）').click();
  await expect(lines).toHaveCount(7);
  await expect(lines.first()).toBeVisible();
  await expect(lines.first()).toContainText('empty.txt');
  await expect(lines.nth(1)).toContainText('e.txt');
  await expect(lines.nth(1)).toContainText('已跳过');
  await shot('batch-import-report-details-1280');
  await app.setViewportSize({ width: 600, height: 860 });
  await shot('batch-import-report-details-600');

  // Progress showed for reading the files and for the files imported after the dialog.
  const seen = await progress();
  expect(seen.some((text) => /正在导入 \d \/ 7：/.test(text))).toBe(true);
  expect(seen.some((text) => /正在导入 \d \/ 5：/.test(text))).toBe(true);

  await app.locator(openButton('裁雲')).click();
  await expect(app.locator('.dz-article h1')).toHaveText('裁雲');
});

test('a small batch with a failure opens its details; Esc skips every file of the dialog', async ({ app }) => {
  const paths = writeFiles([...ambiguous(AMBIGUOUS[0], AMBIGUOUS[1]), { file: 'empty.txt', bytes: new Uint8Array(0) }]);
  await importThroughButton(app, paths);
  const dialog = app.getByTestId('encoding-dialog');
  await expect(dialog.getByTestId('encoding-file')).toHaveCount(2);
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  if (e2eTarget() === 'chromium') await expect(app.getByRole('button', { name: '导入…', exact: true })).toBeFocused();
  const report = app.getByTestId('import-report');
  await expect(report.getByTestId('import-summary')).toHaveText('1 个未能导入，已跳过 2 个');
  await expect(report.getByTestId('import-report-line').first()).toBeVisible();
  await expect(report.getByTestId('import-report-line').first()).toContainText('empty.txt');
  await expect(app.getByTestId('article-row')).toHaveCount(3);
});

test('a batch of two shows its progress and a closed summary', async ({ app }) => {
  const progress = await recordProgress(app);
  const paths = writeFiles([
    { file: 'one.txt', bytes: new TextEncoder().encode('第一篇\n\n正文。') },
    { file: 'two.txt', bytes: new TextEncoder().encode('第二篇\n\n正文。') },
  ]);
  await app.getByTestId('file-input').setInputFiles(paths);
  const report = app.getByTestId('import-report');
  await expect(report.getByTestId('import-summary')).toHaveText('已导入 2 个');
  await expect(report.getByTestId('import-report-line').first()).toBeHidden();
  expect(await progress()).toContainEqual(expect.stringMatching(/^正在导入 [12] \/ 2：(one|two)\.txt$/));
});
