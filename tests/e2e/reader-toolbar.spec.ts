import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openButton, TITLES } from './text';

/** Issue 14: the reader's toolbar at every width, in Chinese and English. */

const WIDTHS = [1280, 800, 480] as const;

async function toEnglish(app: Page) {
  await app.getByLabel('界面语言').selectOption('en');
  await expect(app.getByLabel('Language')).toBeVisible();
}

/** What a reader sees of the toolbar: overflow, wrapped controls, controls off screen. */
async function toolbarLayout(app: Page) {
  return app.evaluate(() => {
    const header = document.querySelector<HTMLElement>('.toolbar-header');
    if (!header) throw new Error('no toolbar');
    const controls = [...header.querySelectorAll<HTMLElement>('button')].filter((b) => b.offsetParent !== null);
    const wrapped = controls
      .filter((b) => !b.closest('.toolbar-menu'))
      .filter((b) => b.getBoundingClientRect().height > 40)
      .map((b) => b.textContent);
    const offScreen = controls
      .filter((b) => {
        const r = b.getBoundingClientRect();
        return r.left < 0 || r.right > window.innerWidth + 0.5;
      })
      .map((b) => b.textContent);
    return {
      headerOverflow: header.scrollWidth - header.clientWidth,
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      wrapped,
      offScreen,
      title: header.querySelector<HTMLElement>('.toolbar-title')?.getBoundingClientRect().width ?? 0,
    };
  });
}

test.describe.configure({ timeout: 90_000 });

for (const locale of ['zh-CN', 'en'] as const) {
  test(`the toolbar fits at 1280, 800 and 480 px, groups folding into More (${locale})`, async ({ app, shot }) => {
    if (locale === 'en') await toEnglish(app);
    await app
      .locator(locale === 'en' ? `button[aria-label="Open “${TITLES.simplified}”"]` : openButton(TITLES.simplified))
      .click();
    await expect(app.locator('.dz-article')).toBeVisible();
    const title = app.getByTestId('toolbar-title');
    // The whole title is there on hover (title) whatever the width shows of it.
    await expect(title).toHaveAttribute('title', TITLES.simplified);
    for (const width of WIDTHS) {
      await app.setViewportSize({ width, height: 800 });
      await expect.poll(async () => (await toolbarLayout(app)).headerOverflow).toBeLessThanOrEqual(0);
      const layout = await toolbarLayout(app);
      expect(layout.pageOverflow, `page wider than the window at ${width}`).toBeLessThanOrEqual(0);
      expect(layout.wrapped, `wrapped labels at ${width}`).toEqual([]);
      expect(layout.offScreen, `controls off screen at ${width}`).toEqual([]);
      expect(layout.title, `title room at ${width}`).toBeGreaterThanOrEqual(90);
      // Margin notes only where they fit; the notes panel never opens by itself.
      await expect(app.getByTestId('notes-panel')).toHaveCount(0);
      const more = app.getByTestId('toolbar-more');
      if (width === 480) {
        // Everything that folded is in the menu, and works from there: the theme, for one.
        await more.click();
        const menu = app.getByTestId('toolbar-menu');
        await expect(menu).toBeVisible();
        await shot(`toolbar-${locale}-${width}-menu`);
        await menu.getByRole('radio', { name: locale === 'en' ? 'Dark' : '深色' }).click();
        await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
        await menu.getByRole('radio', { name: locale === 'en' ? 'Light' : '明亮' }).focus();
        await app.keyboard.press('Escape');
        await expect(menu).toHaveCount(0);
        await expect(more).toBeFocused();
        await expect(app.getByTestId('reader')).toBeVisible();
        await more.click();
        await app
          .getByTestId('toolbar-menu')
          .getByRole('radio', { name: locale === 'en' ? 'Light' : '明亮' })
          .click();
        await more.click();
      }
      // Wide, reading controls stay on the bar (the article's actions may fold); at 480 the bar keeps
      // back, the title and More.
      const bar = app.locator('.toolbar > .tool-group');
      if (width === 1280) {
        for (const group of ['script', 'compare', 'panels']) {
          await expect(bar.and(app.locator(`[data-group="${group}"]`))).toBeVisible();
        }
      } else await expect(more).toBeVisible();
      await shot(`toolbar-${locale}-${width}`);
    }
    // Focus on the title shows it whole.
    await title.focus();
    const shown = await title.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(shown).toBe(`"${TITLES.simplified}"`);
    // Wider again: the groups come back out of the menu.
    await app.setViewportSize({ width: 1280, height: 800 });
    await expect(app.locator('.toolbar > [data-group="compare"]')).toBeVisible();
    await app.setViewportSize({ width: 1920, height: 800 });
    await expect(app.getByTestId('toolbar-more')).toHaveCount(0);
  });
}

test('the library fits at 480 px: the language picker is on screen', async ({ app, shot }) => {
  await app.setViewportSize({ width: 480, height: 800 });
  const picker = app.getByLabel('界面语言');
  await expect(picker).toBeVisible();
  const box = await picker.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 480).toBe(true);
  expect(await app.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await shot('library-zh-CN-480');
});
