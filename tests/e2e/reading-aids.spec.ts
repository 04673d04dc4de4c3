import type { Page } from '@playwright/test';
import type { DuizhaoApi } from '../../preload/contract/api';
import { bigProse } from '../helpers/big-text';
import { expect, test } from './fixtures';
import { article, openButton, scriptOption, select, TITLES } from './text';

type Win = Window & { duizhao: DuizhaoApi };

/** The viewport point at the middle of the `nth` character of the first `phrase` in the article. */
async function pointOf(app: Page, phrase: string, nth = 0): Promise<{ x: number; y: number }> {
  await expect(article(app)).toContainText(phrase);
  const locate = (scroll: boolean) =>
    app.evaluate(
      ([text, n, bring]) => {
        const root = document.querySelector('.dz-article')!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes: { node: Text; start: number }[] = [];
        let all = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodes.push({ node: node as Text, start: all.length });
          all += node.textContent ?? '';
        }
        const at = all.indexOf(text) + n;
        const hit = nodes.findLast((x) => x.start <= at)!;
        if (bring) hit.node.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(hit.node, at - hit.start);
        range.setEnd(hit.node, at - hit.start + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      },
      [phrase, nth, scroll] as const,
    );
  // Blocks coming near are laid out after the scroll (content-visibility): measure once they stand still.
  let last = await locate(true);
  await expect
    .poll(async () => {
      const now = await locate(false);
      const still = Math.abs(now.y - last.y) < 1 && Math.abs(now.x - last.x) < 1;
      last = now;
      return still;
    })
    .toBe(true);
  return last;
}

const clickOn = async (app: Page, phrase: string, nth = 0) => {
  const { x, y } = await pointOf(app, phrase, nth);
  await app.mouse.click(x, y);
};

const popup = (app: Page) => app.getByTestId('lookup-popup');

test('dictionary: Simplified, Traditional and Taiwan-phrase words, saved to the vocabulary and exported for Anki', async ({
  app,
  shot,
  exported,
}) => {
  // The first lookup loads CC-CEDICT in main's worker: seconds on a busy machine.
  test.setTimeout(180_000);
  // Simplified, as written.
  await app.locator(openButton(TITLES.simplified)).click();
  await clickOn(app, '云计算和产业', 0);
  await expect(popup(app)).toBeVisible({ timeout: 60_000 });
  await expect(popup(app)).toContainText('云计算');
  await expect(popup(app)).toContainText('雲計算');
  await expect(popup(app)).toContainText('yún jì suàn');
  await expect(popup(app)).toContainText('ㄩㄣˊ ㄐㄧˋ ㄙㄨㄢˋ');
  await expect(popup(app)).toContainText('cloud computing');
  await shot('reading-lookup-simplified');
  await popup(app).getByTestId('lookup-save').click();
  await expect(popup(app).getByTestId('lookup-save')).toHaveText('已收藏');
  await app.keyboard.press('Escape');
  await expect(popup(app)).toHaveCount(0);

  // The same article with Taiwan phrases: 软件 reads 軟體, which CC-CEDICT has as a Taiwan word.
  await scriptOption(app, '繁体中文，使用台湾用语').click();
  await expect(article(app)).toContainText('軟體');
  await clickOn(app, '軟體');
  await expect(popup(app)).toContainText('ruǎn tǐ');
  await expect(popup(app)).toContainText('(Tw) software');
  // The Mainland word comes along.
  await expect(popup(app)).toContainText('大陆用词');
  await expect(popup(app)).toContainText('软件');
  await shot('reading-lookup-taiwan');
  await app.keyboard.press('Escape');

  // Traditional, from the keyboard: the caret on 騰訊 and L.
  await app.keyboard.press('Escape');
  await app.locator(openButton(TITLES.traditional)).click();
  await expect(article(app)).toContainText('騰訊');
  const { x, y } = await pointOf(app, '騰訊正在', 0);
  await app.getByTestId('lookup-toggle').uncheck();
  await app.mouse.click(x - 6, y);
  await expect(popup(app)).toHaveCount(0);
  await app.keyboard.press('l');
  await expect(popup(app)).toContainText('騰訊');
  await expect(popup(app)).toContainText('腾讯');
  await expect(popup(app)).toContainText('Téng xùn');
  await expect(popup(app)).toContainText('Tencent');
  await shot('reading-lookup-traditional');
  await popup(app).getByTestId('lookup-save').click();
  await expect(popup(app).getByTestId('lookup-save')).toHaveText('已收藏');
  await app.keyboard.press('Escape');
  await expect(popup(app)).toHaveCount(0);
  await app.getByTestId('lookup-toggle').check();
  await app.getByRole('button', { name: '返回文库' }).click();

  // The vocabulary list, newest first, and its Anki export.
  await app.getByRole('button', { name: '生词本' }).click();
  const dialog = app.getByTestId('vocabulary-dialog');
  await expect(dialog.getByTestId('vocabulary-row')).toHaveCount(2);
  await expect(dialog.getByTestId('vocabulary-row').first()).toContainText('騰訊');
  await expect(dialog.getByTestId('vocabulary-row').last()).toContainText('cloud computing');
  await shot('reading-vocabulary');
  const tsv = await exported(() => dialog.getByTestId('vocabulary-export').click());
  expect(tsv.fileName).toBe('duizhao-vocabulary.tsv');
  const cards = tsv.content.trimEnd().split('\n').slice(4);
  expect(cards).toHaveLength(2);
  const [front, back, tags] = cards[0]!.split('\t');
  expect(front).toBe('云计算');
  expect(back).toContain('yún jì suàn<br>cloud computing<br>');
  expect(back).toContain('对云计算和产业互联网');
  expect(back).toContain(`<small>${TITLES.simplified}</small>`);
  expect(tags).toBe('duizhao vocabulary');
  expect(cards[1]!.split('\t')[0]).toBe('騰訊');

  // About carries CC-CEDICT's attribution.
  await app.getByRole('button', { name: '关于' }).click();
  await expect(app.getByTestId('about-dialog')).toContainText('CC-CEDICT');
  await expect(app.getByTestId('about-dialog')).toContainText('CC BY-SA 4.0');
  await expect(app.getByTestId('about-dialog')).toContainText('MDBG');
});

test('ruby: pinyin and zhuyin over the text, never in a selection, a highlight quote or an export', async ({
  app,
  shot,
  exported,
}) => {
  test.setTimeout(120_000);
  await app.locator(openButton(TITLES.traditional)).click();
  await expect(article(app)).toContainText('騰訊');
  await app.getByTestId('ruby-select').selectOption('pinyin');
  const ruby = article(app).locator('.dz-rb');
  await expect(ruby.first()).toBeVisible({ timeout: 60_000 });
  // Readings in context, through t2s: 騰訊 téng xùn; 長 in 最漫長的 cháng.
  const readingOf = (phrase: string, nth: number) =>
    app.evaluate(
      ([text, n]) => {
        const spans = [...document.querySelectorAll('.dz-article .dz-rb')];
        const joined = spans.map((s) => s.textContent).join('');
        const at = joined.indexOf(text);
        return at < 0 ? null : spans[at + n]!.getAttribute('data-rt');
      },
      [phrase, nth] as const,
    );
  await expect.poll(() => readingOf('騰訊', 0)).toBe('téng');
  expect(await readingOf('騰訊', 1)).toBe('xùn');
  expect(await readingOf('最漫長的夏天', 2)).toBe('cháng');
  await shot('reading-ruby-pinyin');

  // The readings are not text: not in the article's text, not in a selection, not in a quote.
  const text = await article(app).evaluate((el) => el.textContent ?? '');
  expect(text).toContain('最漫長的夏天');
  expect(text).not.toMatch(/téng|xùn|cháng/);
  await select(app, '最漫長的夏天');
  expect(await app.evaluate(() => window.getSelection()?.toString())).toBe('最漫長的夏天');
  await app.keyboard.press('1');
  // With ruby on, the highlight is drawn per character; its text is the words alone.
  await expect.poll(() => article(app).locator('.hl').allTextContents()).toEqual([...'最漫長的夏天']);
  const quotes = await app.evaluate(async () => {
    const api = (window as unknown as Win).duizhao;
    const list = await api.listArticles();
    if (!list.ok) throw new Error('list');
    const out: string[] = [];
    for (const a of list.value) {
      const h = await api.listHighlights(a.id);
      if (h.ok) out.push(...h.value.map((x) => x.exact));
    }
    return out;
  });
  expect(quotes).toEqual(['最漫長的夏天']);

  await app.getByTestId('ruby-select').selectOption('zhuyin');
  // Every reading on screen now in zhuyin (none left in pinyin), 騰 read ㄊㄥˊ.
  await expect
    .poll(() =>
      article(app).evaluate((el) => {
        const spans = [...el.querySelectorAll('.dz-rb')];
        return spans.length > 0 && spans.every((s) => !/[a-z]/.test(s.getAttribute('data-rt') ?? ''));
      }),
    )
    .toBe(true);
  expect(await article(app).locator('.dz-rb', { hasText: /^騰$/ }).first().getAttribute('data-rt')).toBe('ㄊㄥˊ');
  await shot('reading-ruby-zhuyin');

  // The export quotes the words alone.
  await app.getByTestId('export-button').click();
  const dialog = app.getByTestId('export-dialog');
  await dialog.getByLabel('格式').selectOption('markdown');
  const markdown = await exported(() => dialog.getByRole('button', { name: '导出' }).click());
  expect(markdown.content).toContain('> 最漫長的夏天');
  expect(markdown.content).not.toMatch(/ㄊㄥ|téng|cháng|ㄔㄤˊ/);

  // Off: no ruby left.
  await app.getByTestId('ruby-select').selectOption('none');
  await expect(ruby).toHaveCount(0);
});

test('words: a double-click selects the whole word, Ctrl/Alt+arrows step by word', async ({ app, shot }) => {
  test.setTimeout(120_000);
  await app.locator(openButton(TITLES.taiwan)).click();
  // 騰訊產業互聯網 opens the article: jieba (through t2s) reads 騰訊 | 產業 | 互聯網.
  const p = await pointOf(app, '騰訊產業互聯網', 3);
  await app.mouse.dblclick(p.x, p.y);
  await expect.poll(() => app.evaluate(() => window.getSelection()?.toString()), { timeout: 60_000 }).toBe('產業');
  await expect(app.getByTestId('selection-tools')).toBeVisible();
  const q = await pointOf(app, '騰訊產業互聯網', 5);
  await app.mouse.dblclick(q.x, q.y);
  await expect.poll(() => app.evaluate(() => window.getSelection()?.toString())).toBe('互聯網');
  await shot('reading-double-click');

  // The caret at the start of 騰訊: Ctrl+Shift+→ twice selects 騰訊產業, Alt+Shift+→ adds 互聯網.
  await app.getByTestId('lookup-toggle').uncheck();
  const s = await pointOf(app, '騰訊產業互聯網', 0);
  await app.mouse.click(s.x - 6, s.y);
  await app.keyboard.press('Control+Shift+ArrowRight');
  await app.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => app.evaluate(() => window.getSelection()?.toString())).toBe('騰訊產業');
  await app.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(() => app.evaluate(() => window.getSelection()?.toString())).toBe('騰訊產業互聯網');
  await app.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => app.evaluate(() => window.getSelection()?.toString())).toBe('騰訊產業');
});

test('ruby on a 1,000,000-character article reads only what is near the screen', async ({ app, shot }) => {
  test.setTimeout(180_000);
  const title = '大文章 注音';
  const text = [title, ...bigProse(process.cwd(), 1_000_000)].join('\n');
  await app.evaluate(
    async ([t, name]) => {
      const r = await (window as unknown as Win).duizhao.importText({ text: t, title: name });
      if (!r.ok) throw new Error(JSON.stringify(r));
    },
    [text, title] as const,
  );
  await app.reload();
  await app.locator(openButton(title)).click();
  await expect(article(app)).toBeVisible();
  await expect(app.locator('.dz-preview')).toHaveCount(0, { timeout: 60_000 });
  await app.getByTestId('ruby-select').selectOption('pinyin');
  const ruby = article(app).locator('.dz-rb');
  await expect(ruby.first()).toBeVisible();
  // About two screens' worth (the screen and half a screen each side), nowhere near the article.
  const count = await ruby.count();
  expect(count).toBeGreaterThan(200);
  expect(count).toBeLessThan(8000);
  await shot('reading-ruby-big-article');
  // Scrolling far on brings readings there too.
  await app.locator('.reader-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect
    .poll(() =>
      app.evaluate(() => {
        const box = document.querySelector('.reader-scroll')!.getBoundingClientRect();
        return [...document.querySelectorAll('.dz-article .dz-rb')].some((s) => {
          const r = s.getBoundingClientRect();
          return r.top > box.top && r.bottom < box.bottom;
        });
      }),
    )
    .toBe(true);
});
