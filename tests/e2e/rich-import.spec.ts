import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { epub2, epub3 } from '../helpers/books';
import { hostilePage } from '../helpers/hostile';
import { chromeMhtml } from '../helpers/mhtml';
import { expect, test } from './fixtures';
import { article, openButton, scriptOption, select } from './text';

/**
 * Every kind of file readers save, imported through the file input and read in the reader: the
 * structure shows (headings, lists, quotes, figures, tables, links), images stored from the file
 * show offline, nothing of the page's chrome or scripts comes along, and highlights, conversion,
 * side by side and the table of contents work on rich articles as on plain ones.
 */

/** The saved news pages (tests/helpers/pages.ts), written by a child process: see write-pages.ts. */
const pagesDir = mkdtempSync(join(tmpdir(), 'duizhao-pages-'));
const written = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'tests/helpers/write-pages.ts', pagesDir], {
  encoding: 'utf8',
});
if (written.status !== 0) throw new Error(`could not write the pages: ${written.stderr}`);
const pages = JSON.parse(readFileSync(join(pagesDir, 'pages.json'), 'utf8')) as {
  newsTitle: string;
  gbk: { title: string; paragraphs: string[] };
};
const page = (name: string) => readFileSync(join(pagesDir, name));
const newsTitle = () => pages.newsTitle;

/** Imports one file made in the test through the library's file input; the report says it was imported. */
async function importFile(app: Page, name: string, bytes: Uint8Array | string) {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-rich-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  await app.getByTestId('file-input').setInputFiles(file);
  const report = app.getByTestId('import-report');
  await expect(report).toContainText('已导入');
  await report.getByRole('button', { name: '关闭' }).click();
}

/** Opens an article from the library by its title. */
async function open(app: Page, title: string) {
  // Not the sample of the same title: the article just imported.
  await app.locator(openButton(title)).filter({ hasNotText: '示例' }).click();
  await expect(article(app)).toBeVisible();
}

/** The links main was asked to open (the test host records them instead of starting a browser). */
const openedLinks = (app: Page) =>
  app.evaluate(async () => (await fetch('/__duizhao/opened-links')).json() as Promise<string[]>);

/** Every image of the article has loaded from the library (a broken image has no natural width). */
const imagesLoaded = (app: Page) =>
  article(app)
    .locator('img')
    .evaluateAll((imgs) =>
      imgs.map((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
    );

/** The text each highlight's elements show, by highlight, within `scope`. */
const highlighted = (app: Page, scope = '.dz-article') =>
  app.locator(scope).evaluateAll((roots) => {
    const out: Record<string, string> = {};
    for (const root of roots)
      for (const el of root.querySelectorAll<HTMLElement>('[data-hl]')) {
        // Nested layers repeat their text: only the innermost of each highlight counts.
        if (el.parentElement?.closest(`[data-hl="${el.dataset.hl}"]`)) continue;
        out[el.dataset.hl!] = (out[el.dataset.hl!] ?? '') + (el.textContent ?? '');
      }
    return Object.values(out);
  });

const MARKDOWN = `---
title: 春天里的笔记
author: 李明
source: https://blog.example.com/spring
date: 2024-03-02
tags: [随笔, 春天]
---

# 春天里的笔记

这是**第一段**，写于*三月*的广州。参见[腾讯网](https://www.qq.com/)，或者看看 \`npm run build\` 的输出。

## 要做的事

1. 把软件装好
2. 把文件存进U盘中
   - 先备份
3. 发展新的习惯

> 学而时习之，不亦说乎。

---

| 城市 | 人口 |
| --- | --- |
| 广州 | 一千八百万 |
| 深圳 | 一千七百万 |

## 代码

\`\`\`js
const 春天 = '来了';
console.log(春天);
\`\`\`

最后一段：春天的历史记录。
`;

test('a saved Chinese news page imports as its article only, with its title, structure and source', async ({
  app,
  shot,
}) => {
  await importFile(app, '腾讯新闻.html', page('news.html'));
  await open(app, newsTitle());
  const text = (await article(app).textContent()) ?? '';
  // The page's chrome, ads, comments and scripts are gone; the article is there.
  for (const chrome of ['腾讯首页', '您的位置', '广告', '相关阅读', '网友评论', 'Copyright', 'track()', '_dz'])
    expect(text).not.toContain(chrome);
  await expect(article(app).locator('h2')).toHaveCount(1);
  await expect(article(app).locator('strong').first()).toHaveText('騰訊');
  // The image was only on the web: a placeholder with its alt text, never a remote request.
  await expect(article(app).locator('.dz-image-missing')).toHaveAttribute('data-alt', '遠端圖片說明');
  await expect(article(app).locator('img')).toHaveCount(0);
  await expect(app.locator('.article-meta')).toContainText('腾讯网');
  await shot('rich-news-1280');
  await app.setViewportSize({ width: 600, height: 860 });
  await shot('rich-news-600');
});

test('a GBK page that declares its charset only in a meta tag imports without asking', async ({ app }) => {
  const { title, paragraphs } = pages.gbk;
  await importFile(app, 'gbk-page.html', page('gbk.html'));
  await open(app, title);
  await expect(article(app)).toContainText(paragraphs[0]!);
  await expect(article(app)).toContainText(paragraphs[1]!);
  expect((await article(app).textContent()) ?? '').not.toContain('\uFFFD');
});

test('a SingleFile page shows its embedded image offline and keeps its address', async ({ app, shot }) => {
  await importFile(app, 'singlefile.html', page('singlefile.html'));
  await open(app, newsTitle());
  const figure = article(app).locator('figure');
  await expect(figure.locator('figcaption')).toHaveText('圖：產業互聯網');
  await expect(figure.locator('img')).toHaveAttribute('alt', '產業互聯網圖示');
  await expect.poll(() => imagesLoaded(app)).toEqual([true]);
  // Served by the app itself, never from the web.
  expect(await figure.locator('img').getAttribute('src')).not.toMatch(/^(https?:)?\/\/(?!127\.0\.0\.1|localhost)/);
  await shot('rich-singlefile');
  await expect(app.locator('.article-meta')).toContainText('腾讯网');
});

test('an MHTML file shows its image part and a placeholder for the web-only one', async ({ app, shot }) => {
  await importFile(app, 'spring.mhtml', chromeMhtml());
  await open(app, '春天的故事');
  await expect(article(app).locator('figcaption').first()).toHaveText('深圳湾');
  await expect.poll(() => imagesLoaded(app)).toEqual([true]);
  await expect(article(app).locator('.dz-image-missing')).toHaveAttribute('data-alt', '远处的图');
  await shot('rich-mhtml');
});

test('a Markdown file with front matter: title, headings, lists, quote, rule, table, code and a link that opens outside', async ({
  app,
  shot,
}) => {
  await importFile(app, 'notes.md', MARKDOWN);
  await open(app, '春天里的笔记');
  const doc = article(app);
  expect((await doc.textContent()) ?? '').not.toMatch(/---|\*\*|^#|title:/m);
  await expect(doc.locator('h2')).toHaveText(['要做的事', '代码']);
  await expect(doc.locator('strong')).toHaveText('第一段');
  await expect(doc.locator('em')).toHaveText('三月');
  await expect(doc.locator('code').first()).toHaveText('npm run build');
  await expect(doc.locator('.dz-li-ordered')).toHaveCount(3);
  expect(
    await doc.locator('.dz-li-ordered').evaluateAll((els) => els.map((e) => e.getAttribute('data-ordinal'))),
  ).toEqual(['1', '2', '3']);
  await expect(doc.locator('.dz-li-bullet')).toHaveText('先备份');
  await expect(doc.locator('blockquote')).toHaveText('学而时习之，不亦说乎。');
  await expect(doc.locator('.dz-rule')).toHaveCount(1);
  await expect(doc.locator('.dz-tr-header .dz-td')).toHaveText([/城市/, /人口/]);
  await expect(doc.locator('pre')).toHaveCount(2);
  // The list numbers are drawn, not text.
  expect((await doc.textContent()) ?? '').not.toContain('1.');
  await expect(app.locator('.article-meta')).toContainText('李明');

  const link = doc.locator('.dz-link', { hasText: '腾讯网' });
  await expect(link).toHaveAttribute('title', 'https://www.qq.com/');
  await link.click();
  await expect.poll(() => openedLinks(app)).toEqual(['https://www.qq.com/']);
  // The caret on the link shows its address; Enter opens it too. The page never navigated.
  await expect(app.getByTestId('link-status')).toContainText('https://www.qq.com/');
  await app.keyboard.press('Enter');
  await expect.poll(async () => (await openedLinks(app)).length).toBe(2);
  expect(new URL(app.url()).pathname).toBe('/');
  await shot('rich-markdown-1280');
  for (const theme of ['深色', '护眼']) {
    await app.getByRole('radiogroup', { name: '主题' }).getByRole('radio', { name: theme }).click();
    await shot(`rich-markdown-${theme === '深色' ? 'dark' : 'sepia'}`);
  }
  await app.setViewportSize({ width: 600, height: 860 });
  await shot('rich-markdown-600');
});

test('a highlight on a rich article stays on its words in Traditional and side by side', async ({ app, shot }) => {
  await importFile(app, 'notes.md', MARKDOWN);
  await open(app, '春天里的笔记');
  // Across an emphasis and into plain text; and across two list items.
  await select(app, '写于三月的广州');
  await app.keyboard.press('2');
  await select(app, '装好把文件');
  await app.keyboard.press('4');
  await expect.poll(() => highlighted(app)).toEqual(['写于三月的广州', '装好把文件']);

  await scriptOption(app, '繁体中文（OpenCC 标准字形）').click();
  await expect(article(app).locator('h2').first()).toHaveText('要做的事');
  await expect.poll(() => highlighted(app)).toEqual(['寫於三月的廣州', '裝好把文件']);
  await expect(article(app).locator('em')).toHaveText('三月');

  await app.keyboard.press('p');
  await expect(app.getByTestId('parallel-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => highlighted(app, '.dz-cell-source')).toEqual(['写于三月的广州', '装好把文件']);
  await expect.poll(() => highlighted(app, '.dz-cell-target')).toEqual(['寫於三月的廣州', '裝好把文件']);
  // Both columns show the same structure.
  const kinds = (side: string) =>
    app.locator(`.dz-cell-${side} > *`).evaluateAll((els) => els.map((e) => `${e.tagName}.${e.className}`));
  expect(await kinds('target')).toEqual(await kinds('source'));
  await shot('rich-parallel');
});

/** A long Markdown article in three parts (the Simplified sample's paragraphs), for the contents panel. */
function longMarkdown(): string {
  const file = readdirSync(join('resources', 'samples')).find((f) => f.startsWith('000'))!;
  const lines = readFileSync(join('resources', 'samples', file), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 20);
  const third = Math.ceil(lines.length / 3);
  const part = (n: number) => lines.slice(n * third, (n + 1) * third).join('\n\n');
  return `---\ntitle: 长文三部分\n---\n\n## 第一部分：消费互联网\n\n${part(0)}\n\n## 第二部分：产业互联网\n\n${part(1)}\n\n### 小结：开放\n\n${part(1)}\n\n## 第三部分：未来\n\n${part(2)}\n`;
}

/** How far below the top of the reading area an element is, in pixels. */
const belowTop = (app: Page, text: string) =>
  article(app)
    .locator('h2, h3', { hasText: text })
    .evaluate(
      (h) => h.getBoundingClientRect().top - document.querySelector('.reader-scroll')!.getBoundingClientRect().top,
    );

test('the contents panel lists the headings in the script on screen and jumps there', async ({ app, shot }) => {
  await importFile(app, 'long.md', longMarkdown());
  await open(app, '长文三部分');
  await scriptOption(app, '繁体中文（OpenCC 标准字形）').click();
  await expect(article(app).locator('h2').first()).toHaveText('第一部分：消費互聯網');
  await app.keyboard.press('t');
  const panel = app.getByTestId('contents-panel');
  const entries = panel.locator('.contents-entry');
  await expect(entries).toHaveText([
    // The title the front matter gave, as the article's first heading.
    '長文三部分',
    '第一部分：消費互聯網',
    '第二部分：產業互聯網',
    '小結：開放',
    '第三部分：未來',
  ]);
  // Keyboard: the focus is on the heading the reader is under; arrows, Home and End move; Enter jumps.
  await expect(entries.first()).toBeFocused();
  await app.keyboard.press('End');
  await expect(entries.nth(4)).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('ArrowUp');
  await expect(entries.nth(2)).toBeFocused();
  await shot('rich-contents-1280');
  await app.keyboard.press('Enter');
  await expect.poll(() => belowTop(app, '第二部分')).toBeLessThan(40);
  expect(await belowTop(app, '第二部分')).toBeGreaterThanOrEqual(0);
  // Wide: the panel stays, showing where the reader now is; Esc closes it.
  await expect(entries.nth(2)).toHaveAttribute('aria-current', 'location');
  await app.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(app.getByTestId('reader')).toBeVisible();

  // Narrow: the panel lies over the text and closes after a jump.
  await app.setViewportSize({ width: 600, height: 860 });
  await app.getByTestId('contents-toggle').click();
  await expect(entries.nth(2)).toHaveAttribute('aria-current', 'location');
  await shot('rich-contents-600');
  await entries.nth(4).click();
  await expect(panel).toHaveCount(0);
  await expect.poll(() => belowTop(app, '第三部分')).toBeLessThan(40);
  // The jump is the reading position: back in the library and in again, the reader is there.
  await app.getByRole('button', { name: '返回文库' }).click();
  await open(app, '长文三部分');
  await expect(article(app).locator('h2').first()).toHaveText('第一部分：消費互聯網');
  await expect.poll(() => belowTop(app, '第三部分')).toBeLessThan(40);
  expect(await belowTop(app, '第三部分')).toBeGreaterThanOrEqual(-8);
});

test('EPUB 3 and EPUB 2 books import with their chapters, images and covers', async ({ app, shot }) => {
  await importFile(app, 'nahan.epub', epub3());
  await open(app, '呐喊');
  await expect(article(app)).toContainText('我在年青时候也曾经做过许多梦');
  await expect(article(app)).toContainText('今天晚上，很好的月光。');
  // The chapters are sections of the one article, under their headings.
  await expect(article(app).locator('h1, h2, h3')).toHaveText(['自序', '狂人日记', '第三节', '小节']);
  // The cover and the figure inside the book, both from the library.
  await expect.poll(() => imagesLoaded(app)).toEqual([true, true]);
  await expect(article(app).locator('img').nth(1)).toHaveAttribute('alt', '插图');
  await shot('rich-epub3');
  await app.getByRole('button', { name: '返回文库' }).click();

  await importFile(app, 'panghuang.epub', epub2());
  await open(app, '彷徨');
  await expect(article(app)).toContainText('旧历的年底毕竟最像年底');
  await expect(article(app)).toContainText('我從北地向東南旅行');
  await app.getByTestId('contents-toggle').click();
  await expect(app.getByTestId('contents-panel').locator('.contents-entry')).toHaveText(['祝福', '在酒樓上']);
  await shot('rich-epub2');
});

test('a page of hostile markup imports as inert text', async ({ app, shot }) => {
  const dialogs: string[] = [];
  app.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await importFile(app, 'hostile.html', hostilePage());
  await open(app, '惡意頁面');
  await expect(article(app)).toContainText('正文第一段：這一頁只是文字。');
  const doc = article(app);
  // Nothing executable or remote in the article's DOM: no scripts, frames, forms, handlers or URLs.
  expect(
    await doc.locator('script, iframe, frame, object, embed, form, input, svg, math, style, link, a').count(),
  ).toBe(0);
  const attrs = await doc.evaluate((root) =>
    Array.from(root.querySelectorAll('*')).flatMap((el) =>
      Array.from(el.attributes).map((a) => `${a.name}=${a.value}`),
    ),
  );
  expect(attrs.filter((a) => /^on/i.test(a) || /javascript:|data:text|expression\(/i.test(a))).toEqual([]);
  for (const src of await doc.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src') ?? '')))
    expect(src).not.toMatch(/^(https?:|javascript:|data:)/i);
  // Give an injected handler its chance to run: none does.
  await doc.hover();
  await app.mouse.move(10, 10);
  expect(dialogs).toEqual([]);
  await shot('rich-hostile');
});
