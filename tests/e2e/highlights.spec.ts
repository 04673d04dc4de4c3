import type { Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { TITLES, openButton, article, scriptOption, select, toolbarTool } from './text';

/** The texts of the highlights drawn in the article, each joined across the spans it is split into. */
const highlighted = (app: Page) =>
  app.evaluate(() => {
    const byId = new Map<string, string>();
    for (const el of Array.from(document.querySelectorAll('.dz-article .hl[data-hl]'))) {
      const id = el.getAttribute('data-hl') ?? '';
      // Nested spans of overlapping highlights: count each character once, at its innermost span.
      const own = Array.from(el.childNodes)
        .map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : (n as Element).textContent))
        .join('');
      byId.set(id, (byId.get(id) ?? '') + own);
    }
    return [...byId.values()];
  });

test('a highlight made in Simplified stays on the same words in the Traditional original', async ({ app, shot }) => {
  await app.locator(openButton(TITLES.traditional)).click();
  await scriptOption(app, '简体中文').click();
  await expect(article(app).locator('h1')).toHaveText('产业互联网六年,腾讯正在超越腾讯');
  await select(app, '最漫长的夏天');
  await app.keyboard.press('2');
  await expect(article(app).locator('.hl-green')).toHaveText('最漫长的夏天');

  await scriptOption(app, '按原文显示').click();
  await expect(article(app).locator('h1')).toHaveText(TITLES.traditional);
  await expect(article(app).locator('.hl-green')).toHaveText('最漫長的夏天');
  await scriptOption(app, '繁体中文（台湾字形）').click();
  await expect(article(app).locator('.hl-green')).toHaveText('最漫長的夏天');

  // A highlight nested inside another, and one overlapping its end: both draw, layered.
  await select(app, '漫長');
  await app.keyboard.press('1');
  await select(app, '夏天,追平');
  await app.keyboard.press('3');
  const layers = () =>
    article(app)
      .locator('p')
      .first()
      .evaluate((p) =>
        Array.from(p.querySelectorAll('.hl'))
          .filter((el) => el.querySelector('.hl') === null)
          .map((el) => {
            const classes = new Set<string>();
            for (let e: Element | null = el; e && e !== p; e = e.parentElement) {
              for (const c of Array.from(e.classList))
                if (/^hl-(yellow|green|blue|pink|purple)$/.test(c)) classes.add(c);
            }
            return `${el.textContent}:${[...classes].sort().join('+')}`;
          }),
      );
  await expect
    .poll(layers)
    .toEqual(['最:hl-green', '漫長:hl-green+hl-yellow', '的:hl-green', '夏天:hl-blue+hl-green', ',追平:hl-blue']);
  await shot('highlight-traditional');
});

test('a highlight across a length-changing phrase covers the whole phrase in every script', async ({ app }) => {
  await app.locator(openButton(TITLES.simplified)).click();
  await scriptOption(app, '繁体中文，使用台湾用语').click();
  await expect(article(app).locator('h1')).toHaveText('從消費網際網路到產業網際網路 騰訊迎來第三次“開放”');
  // Select only part of 網際網路 (互联网 in the original): the highlight takes the whole phrase.
  await select(app, '費網際');
  await app.getByRole('button', { name: '用蓝色标注（3）' }).click();
  await expect.poll(() => highlighted(app)).toEqual(['費網際網路']);
  await scriptOption(app, '按原文显示').click();
  await expect.poll(() => highlighted(app)).toEqual(['费互联网']);
  await scriptOption(app, '繁体中文（OpenCC 标准字形）').click();
  await expect.poll(() => highlighted(app)).toEqual(['費互聯網']);
});

test('a note shows in the margin beside its highlight and both persist after a reload', async ({ app, shot }) => {
  await app.locator(openButton(TITLES.simplified)).click();
  await select(app, '腾讯迎来第三次');
  await app.keyboard.press('n');
  const note = app.getByRole('textbox', { name: /关于“腾讯迎来第三次”的批注/ }).first();
  await expect(note).toBeFocused();
  await note.pressSequentially('第三次开放：从消费到产业');
  // Saved while typing: wait less than the second the brief allows to be lost.
  await app.waitForTimeout(700);
  await expect(app.locator('.margin-note')).toHaveCount(1);
  const [noteBox, hlBox] = await Promise.all([
    app.locator('.margin-note').boundingBox(),
    article(app).locator('.hl').first().boundingBox(),
  ]);
  expect(noteBox && hlBox).toBeTruthy();
  // Level with the highlight, in the margin to its right.
  expect(Math.abs(noteBox!.y - hlBox!.y)).toBeLessThan(12);
  expect(noteBox!.x).toBeGreaterThan(hlBox!.x + hlBox!.width);
  await shot('margin-note');

  await app.reload();
  await app.locator(openButton(TITLES.simplified)).click();
  await expect(article(app).locator('.hl')).toHaveText('腾讯迎来第三次');
  await expect(app.locator('.margin-note textarea')).toHaveValue('第三次开放：从消费到产业');
});

test('notes stack without overlapping, and a narrow window moves them to the panel', async ({ app, shot }) => {
  await app.locator(openButton(TITLES.traditional)).click();
  for (const [phrase, text] of [
    ['廣州', '城市'],
    ['最漫長', '天氣'],
    ['夏天', '季節'],
  ] as const) {
    await select(app, phrase);
    await app.keyboard.press('n');
    await expect(app.locator('.margin-note textarea:focus')).toHaveCount(1);
    await app.keyboard.type(text);
    await app.keyboard.press('Escape');
  }
  await expect(app.locator('.margin-note')).toHaveCount(3);
  const boxes = await app
    .locator('.margin-note')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
  boxes.sort((a, b) => a.top - b.top);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom);
  await shot('margin-notes-stacked');

  await app.setViewportSize({ width: 760, height: 860 });
  await expect(app.locator('.margin-note')).toHaveCount(0);
  await app.keyboard.press('m');
  const panel = app.getByTestId('notes-panel');
  await expect(panel.getByTestId('panel-item')).toHaveCount(3);
  await expect(panel.locator('textarea').nth(1)).toHaveValue('天氣');
});

test('the notes panel filters by colour, searches, and goes to a highlight; delete can be undone', async ({ app }) => {
  await app.locator(openButton(TITLES.traditional)).click();
  await select(app, '廣州');
  await app.keyboard.press('1');
  await select(app, '歷史紀錄');
  await app.keyboard.press('4');
  await app.keyboard.press('m');
  const panel = app.getByTestId('notes-panel');
  await expect(panel.getByTestId('panel-item')).toHaveCount(2);
  await panel.getByRole('radio', { name: '粉色' }).click();
  await expect(panel.getByTestId('panel-item')).toHaveCount(1);
  await expect(panel.getByTestId('panel-item')).toContainText('歷史紀錄');
  await panel.getByRole('radio', { name: '全部颜色' }).click();
  // Searched in Simplified, found in Traditional.
  await panel.getByRole('searchbox').fill('历史纪录');
  await expect(panel.getByTestId('panel-item')).toHaveCount(1);
  await expect(panel.getByTestId('panel-item')).toContainText('歷史紀錄');
  await panel.getByRole('searchbox').fill('廣州');
  await expect(panel.getByTestId('panel-item')).toHaveCount(1);
  await panel.getByRole('button', { name: '跳到“廣州”' }).click();
  const tools = app.getByTestId('highlight-tools');
  await expect(tools).toBeVisible();

  await tools.getByRole('button', { name: '删除标注' }).click();
  await expect(article(app).locator('.hl')).toHaveCount(1);
  await expect(app.getByText('已删除标注。')).toBeVisible();
  await app.keyboard.press('Control+z');
  await expect(article(app).locator('.hl')).toHaveCount(2);
  await expect(article(app).locator('.hl-yellow')).toHaveText('廣州');
});

test('an edited version re-imported over the article keeps highlights on their words or lists them as orphaned', async ({
  app,
}) => {
  await app.locator(openButton(TITLES.traditional)).click();
  await select(app, '最漫長的夏天');
  await app.keyboard.press('2');
  await select(app, '1994年創下的');
  await app.keyboard.press('4');
  // The edited version: a new first paragraph, and the words 1994年創下的 rewritten.
  const original = await app.evaluate(() =>
    Array.from(document.querySelectorAll('.dz-article > *'))
      .map((el) => el.textContent)
      .join('\n\n'),
  );
  const edited = original
    .replace(TITLES.traditional, `${TITLES.traditional}\n\n編者按：本文有修訂。`)
    .replace('追平並超越了1994年創下的歷史紀錄', '天氣炎熱');
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-edit-'));
  const file = join(dir, 'edited.txt');
  writeFileSync(file, edited);
  await app.getByTestId('replace-input').setInputFiles(file);
  await expect(app.getByTestId('replace-report')).toContainText('0 处标注原位保留，1 处已移动，1 处未找到');
  await expect(article(app)).toContainText('編者按：本文有修訂。');
  await expect(article(app).locator('.hl-green')).toHaveText('最漫長的夏天');
  await app.keyboard.press('m');
  const orphaned = app.getByRole('region', { name: '在当前文本中找不到' });
  await expect(orphaned.getByTestId('panel-item')).toHaveText(/1994年創下的/);
});

test('text can be selected and highlighted from the keyboard alone', async ({ app }) => {
  await app.locator(openButton(TITLES.traditional)).click();
  await expect(article(app).locator('h1')).toHaveText(TITLES.traditional);
  // Tab into the text: the caret goes where the reader is (the top, here).
  await article(app).focus();
  for (let i = 0; i < 4; i++) await app.keyboard.press('Shift+ArrowRight');
  await expect(app.getByTestId('selection-tools')).toBeVisible();
  await app.keyboard.press('5');
  await expect(article(app).locator('.hl-purple')).toHaveText('產業互聯');
  // Reader keys still work with the caret in the text.
  await app.keyboard.press('m');
  await expect(app.getByTestId('notes-panel').getByTestId('panel-item')).toHaveCount(1);
});

test('highlights export in the chosen format and script, and the JSON imports back', async ({ app, exported }) => {
  await app.locator(openButton(TITLES.traditional)).click();
  await select(app, '最漫長的夏天');
  await app.keyboard.press('n');
  await expect(app.locator('.margin-note textarea:focus')).toHaveCount(1);
  await app.keyboard.type('夏天很長, "真的"');
  await app.keyboard.press('Escape');
  await app.waitForTimeout(500);

  // Markdown in Simplified, for this article.
  await (await toolbarTool(app, app.getByTestId('export-button'))).click();
  const dialog = app.getByTestId('export-dialog');
  await dialog.getByLabel('格式').selectOption('markdown');
  await dialog.getByLabel('引文字形').selectOption('simplified');
  const markdown = await exported(() => dialog.getByRole('button', { name: '导出' }).click());
  expect(markdown.fileName).toBe('產業互聯網六年,騰訊正在超越騰訊.md');
  const md = markdown.content;
  expect(md).toContain('title: "產業互聯網六年,騰訊正在超越騰訊"');
  expect(md).toMatch(/> 最漫长的夏天 \^dz-[0-9a-f-]{36}/);
  expect(md).toContain('夏天很長, "真的"');
  await expect(app.getByTestId('notice')).toContainText('已导出 1 处标注');

  // JSON, then delete the highlight and import the file back from the library.
  await (await toolbarTool(app, app.getByTestId('export-button'))).click();
  await app.getByTestId('export-dialog').getByLabel('格式').selectOption('json');
  const json = await exported(() => app.getByTestId('export-dialog').getByRole('button', { name: '导出' }).click());
  await article(app).locator('.hl').first().click();
  await app.getByTestId('highlight-tools').getByRole('button', { name: '删除标注' }).click();
  await expect(article(app).locator('.hl')).toHaveCount(0);
  await app.keyboard.press('Escape');
  await app.getByTestId('annotation-import-input').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json.content),
  });
  await expect(app.getByTestId('notice')).toContainText('文件中 1 处，1 处已定位');
  await app.locator(openButton(TITLES.traditional)).click();
  await expect(article(app).locator('.hl-yellow')).toHaveText('最漫長的夏天');
  await expect(app.locator('.margin-note textarea')).toHaveValue('夏天很長, "真的"');

  // A file that is not ours gets a clear error, and nothing changes.
  await app.keyboard.press('Escape');
  await app.getByTestId('annotation-import-input').setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": 1}'),
  });
  await expect(app.getByTestId('notice')).toContainText('这个文件不是对照导出的笔记');
  // Explained in the reader's language only: main's English detail is not printed after it.
  await expect(app.getByTestId('notice')).not.toContainText('annotation');
});

test('the highlight tools recolour a highlight (redrawn at once, undone with Ctrl+Z) and copy its quote, saying so', async ({
  app,
}) => {
  await app.locator(openButton(TITLES.traditional)).click();
  await select(app, '最漫長的夏天');
  await app.keyboard.press('1');
  await expect(article(app).locator('.hl-yellow')).toHaveText('最漫長的夏天');

  await article(app).locator('.hl').first().click();
  const tools = app.getByTestId('highlight-tools');
  await tools.getByRole('radio', { name: '改为绿色' }).click();
  await expect(article(app).locator('.hl-green')).toHaveText('最漫長的夏天');
  await expect(article(app).locator('.hl-yellow')).toHaveCount(0);
  await expect(tools.getByRole('radio', { name: '改为绿色' })).toHaveAttribute('aria-checked', 'true');
  await app.keyboard.press('Escape');
  await expect(tools).toHaveCount(0);
  await app.keyboard.press('Control+z');
  await expect(article(app).locator('.hl-yellow')).toHaveText('最漫長的夏天');
  await expect(article(app).locator('.hl-green')).toHaveCount(0);

  // Copying: the clipboard is stood in for, so that both outcomes can be seen.
  await app.evaluate(() => {
    const copied: string[] = [];
    (window as unknown as { copied: string[] }).copied = copied;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
    });
  });
  // ProseMirror counts clicks near each other within half a second as double and triple clicks
  // (selecting a word, a paragraph): each click here goes to another end of the highlight.
  const hl = article(app).locator('.hl').first();
  const width = (await hl.boundingBox())!.width;
  await hl.click({ position: { x: 6, y: 10 } });
  await tools.getByRole('button', { name: '复制引文' }).click();
  await expect(app.getByTestId('notice')).toHaveText(/已复制引文。/);
  expect(await app.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual(['最漫長的夏天']);

  await app.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
  });
  await hl.click({ position: { x: width - 6, y: 10 } });
  await tools.getByRole('button', { name: '复制引文' }).click();
  await expect(app.getByRole('alert').filter({ hasText: '无法复制引文' })).toBeVisible();
});
