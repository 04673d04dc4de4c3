import { expect, type Locator, type Page } from '@playwright/test';

/** The sample articles' titles, as their files give them (resources/samples, from shared/seeds). */
export const TITLES = {
  simplified: '从消费互联网到产业互联网 腾讯迎来第三次“开放”',
  taiwan: '騰訊產業互聯網週年考:一路狂奔能否再造一個騰訊?',
  traditional: '產業互聯網六年,騰訊正在超越騰訊',
};

/** The library's button that opens an article (the UI is in Simplified Chinese in the tests). */
export const openButton = (title: string) => `button[aria-label="打开《${title}》"]`;
export const article = (app: Page) => app.locator('.dz-article');

/** Adds an article through "Paste text…", with its title. */
export async function paste(app: Page, title: string, text: string) {
  await app.getByRole('button', { name: '粘贴文本…' }).click();
  const dialog = app.getByTestId('paste-dialog');
  await dialog.getByLabel('标题（可选）').fill(title);
  await dialog.getByLabel('正文').fill(text);
  await dialog.getByRole('button', { name: '加入文库' }).click();
  await expect(app.locator(openButton(title))).toBeVisible();
}
/** One of the reader's script choices, by its accessible name. */
export const scriptOption = (app: Page, name: string) =>
  app.getByRole('radiogroup', { name: '字形' }).getByRole('radio', { name });

/**
 * Selects the first occurrence of `phrase` in the article as a reader would, ending with a
 * mouseup. The phrase may run across the spans that highlights split the text into. `within`
 * narrows the search (side by side: one column).
 */
export async function select(app: Page, phrase: string, within = '.dz-article') {
  await expect(app.locator(within).first()).toContainText(phrase);
  await app.evaluate(
    ([text, scope]) => {
      const root = document.querySelector(scope);
      if (!root) throw new Error(`no ${scope}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; start: number }[] = [];
      let all = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: all.length });
        all += node.textContent ?? '';
      }
      const at = all.indexOf(text);
      if (at < 0) throw new Error(`"${text}" is not in the article`);
      const locate = (offset: number, end: boolean) => {
        const hit = nodes.findLast((n) => (end ? n.start < offset : n.start <= offset)) ?? nodes[0]!;
        return { node: hit.node, offset: offset - hit.start };
      };
      const from = locate(at, false);
      const to = locate(at + text.length, true);
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      from.node.parentElement?.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    [phrase, within] as const,
  );
  await expect(app.getByTestId('selection-tools')).toBeVisible();
}

/**
 * What the reader sees at the top of a reader's scroller: the block (its index in the article)
 * and the character at the start of the first visible line, as "block:offset". A place is
 * compared this way rather than by scrollTop: blocks far from the screen are laid out only when
 * they come near, so the same place can sit at another scrollTop in a new view.
 */
export const firstVisible = (scroller: Locator) =>
  scroller.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const article = el.querySelector('.dz-article');
    if (!article) return 'none';
    const caret = document.caretRangeFromPoint(article.getBoundingClientRect().left + 4, box.top + 14);
    if (!caret) return 'none';
    const block = [...article.children].find((c) => c.contains(caret.startContainer));
    if (!block) return 'outside';
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(caret.startContainer, caret.startOffset);
    return `${[...article.children].indexOf(block)}:${before.toString().length}`;
  });
