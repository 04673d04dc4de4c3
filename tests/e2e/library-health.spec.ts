import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/** A library with a damaged page, made before the app starts (see damaged-library.ts). */
test.use({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'duizhao-e2e-damaged-'));
    const made = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'tests/e2e/damaged-library.ts', dataDir], {
      encoding: 'utf8',
    });
    if (made.status !== 0) throw new Error(`could not make the damaged library: ${made.stderr}`);
    await use(dataDir);
  },
});

test('a damaged library says so, opens read-only, and offers export and its backups', async ({ app }) => {
  const banner = app.getByTestId('damaged-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('文库已损坏');
  // The way out: the backups, newest first, one of them restorable.
  await banner.getByRole('button', { name: '备份…' }).click();
  const dialog = app.getByTestId('backups-dialog');
  await expect(dialog.getByRole('radio')).toHaveCount(1);
  await expect(dialog).toContainText('每日');
  await dialog.getByRole('button', { name: '恢复' }).click();
  await expect(dialog.getByRole('status')).toContainText('重新启动');
});
