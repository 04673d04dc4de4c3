import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TITLES, openButton, select } from './text';

const pairs = (app: Page) => app.locator('.dz-pair');

/** For each row: the top of the original's paragraph and of the converted one. */
const rowTops = (app: Page) =>
  pairs(app).evaluateAll((rows) =>
    rows.map((row) => {
      const [left, right] = Array.from(row.querySelectorAll('.dz-cell > *')).map((b) => b.getBoundingClientRect().top);
      return { left: left ?? NaN, right: right ?? NaN };
    }),
  );

test('side by side: every paragraph pair starts on the same line, and one scroll moves both', async ({ app, shot }) => {
  await app.locator(openButton(TITLES.taiwan)).click();
  await expect(app.locator('.dz-article h1')).toHaveText(TITLES.taiwan);
  await app.keyboard.press('p');
  await expect(app.getByTestId('parallel-toggle')).toHaveAttribute('aria-pressed', 'true');
  // Taiwan text goes to Simplified on the right.
  await expect(pairs(app).first().locator('.dz-cell-target h1')).toHaveText(
    '腾讯产业互联网周年考:一路狂奔能否再造一个腾讯?',
  );
  await expect(pairs(app).first().locator('.dz-cell-source h1')).toHaveText(TITLES.taiwan);
  const count = await pairs(app).count();
  expect(count).toBeGreaterThan(20);
  for (const { left, right } of await rowTops(app)) expect(Math.abs(left - right)).toBeLessThanOrEqual(2);
  await shot('parallel');

  // Scroll with the wheel over the right column: the left column moves with it, row for row.
  const before = (await rowTops(app))[12]!;
  const box = (await pairs(app).nth(3).locator('.dz-cell-target').boundingBox())!;
  await app.mouse.move(box.x + box.width / 2, box.y + 10);
  await app.mouse.wheel(0, 700);
  await expect.poll(async () => (await rowTops(app))[12]!.right).toBeLessThan(before.right - 300);
  const after = (await rowTops(app))[12]!;
  expect(Math.abs(after.left - after.right)).toBeLessThanOrEqual(2);
  expect(Math.abs(before.left - after.left - (before.right - after.right))).toBeLessThanOrEqual(2);
  // Keyboard scrolling moves both as well.
  await app.locator('.reader-scroll').focus();
  await app.keyboard.press('PageDown');
  await expect.poll(async () => (await rowTops(app))[12]!.left).toBeLessThan(after.left - 200);
  const paged = (await rowTops(app))[12]!;
  expect(Math.abs(paged.left - paged.right)).toBeLessThanOrEqual(2);
});

test('side by side: a highlight made in the right column shows in the left, and a selection shows its counterpart', async ({
  app,
  shot,
}) => {
  await app.locator(openButton(TITLES.taiwan)).click();
  await app.getByTestId('parallel-toggle').click();
  const right = '.dz-chunk:first-child .dz-pair:first-child .dz-cell-target';
  const left = '.dz-chunk:first-child .dz-pair:first-child .dz-cell-source';
  const rightText = (await app.locator(right).textContent()) ?? '';
  const leftText = (await app.locator(left).textContent()) ?? '';
  expect(rightText).not.toBe(leftText);

  // Selecting in the left column marks the same words on the right, and only there.
  await select(app, '騰訊', left);
  await expect(app.locator(`${right} .dz-counterpart`)).toHaveText('腾讯');
  await expect(app.locator(`${left} .dz-counterpart`)).toHaveCount(0);
  await app.keyboard.press('Escape');
  await expect(app.locator('.dz-counterpart')).toHaveCount(0);

  // Selecting in the right column marks them on the left.
  await select(app, '腾讯', right);
  await expect(app.locator(`${left} .dz-counterpart`)).toHaveText('騰訊');
  await expect(app.locator(`${right} .dz-counterpart`)).toHaveCount(0);
  await app.keyboard.press('Escape');

  // Highlight in the right (Simplified) column: the left (Taiwan) column shows it on the same words.
  await select(app, '腾讯', right);
  await app.keyboard.press('3');
  await expect(app.locator(`${right} .hl-blue`)).toHaveText('腾讯');
  await expect(app.locator(`${left} .hl-blue`)).toHaveText('騰訊');
  await shot('parallel-highlight');

  // Hovering a converted word shows its original form.
  const hl = app.locator(`${right} .hl-blue`);
  const hb = (await hl.boundingBox())!;
  await app.mouse.move(hb.x + 4, hb.y + hb.height / 2);
  await expect(app.getByTestId('original-tooltip')).toContainText('騰');
});

test('side by side: word changes (互联网 → 網際網路) are marked in both columns on request', async ({ app, shot }) => {
  await app.locator(openButton(TITLES.simplified)).click();
  await app.getByRole('radiogroup', { name: '字形' }).getByRole('radio', { name: '繁体中文，使用台湾用语' }).click();
  await expect(app.locator('.dz-article')).toHaveAttribute('data-script', 'taiwanPhrases');
  await app.getByTestId('parallel-toggle').click();
  const title = app
    .locator('.dz-pair')
    .filter({ has: app.locator('h1') })
    .first();
  await expect(title.locator('.dz-cell-target h1')).toHaveText('從消費網際網路到產業網際網路 騰訊迎來第三次“開放”');
  await expect(app.locator('.dz-word-change')).toHaveCount(0);
  await app.keyboard.press('c');
  await expect(title.locator('.dz-cell-target .dz-word-change').first()).toHaveText('網際網路');
  await expect(title.locator('.dz-cell-source .dz-word-change').first()).toHaveText('互联网');
  // Characters that only changed script (消費, 騰訊) are not word changes.
  await expect(title.locator('.dz-cell-target .dz-word-change')).toHaveText(['網際網路', '網際網路']);
  await shot('parallel-word-changes');
});
