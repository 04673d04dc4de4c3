import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../preload/contract/api';
import { AppFailure } from '../../preload/contract/errors';
import { argSchemas } from '../../preload/contract/schemas';
import { createHandlers } from '../../main/handlers';
import { dispatch } from '../../main/rpc';
import { openServices } from '../../main/services';
import { ROOT, SAMPLES_DIR, tempDir } from '../helpers/data';

function handlers() {
  const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
  return createHandlers(services, {
    appInfo: () => ({ version: 'test', systemLocale: 'zh-TW', nativeDialogs: false }),
    pickImportPaths: () => Promise.reject(new AppFailure('unsupported', 'no dialogs here')),
    pickSavePath: () => Promise.reject(new AppFailure('unsupported', 'no dialogs here')),
  });
}

describe('the contract', () => {
  it('lists exactly the calls that have argument schemas', () => {
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(argSchemas).sort());
  });

  it('the preload exposes the built API and never ipcRenderer itself', () => {
    const preload = readFileSync(join(ROOT, 'preload', 'index.ts'), 'utf8');
    const exposed = [...preload.matchAll(/exposeInMainWorld\(([^)]*)\)/g)].map((m) => m[1]);
    expect(exposed).toEqual(["'duizhao', api"]);
  });
});

describe('dispatch', () => {
  it('runs a valid call and returns its value', async () => {
    const h = handlers();
    const list = await dispatch(h, 'listArticles', []);
    expect(list.ok).toBe(true);
    expect((list as { value: unknown[] }).value).toHaveLength(3);
  });

  it('rejects unknown calls and invalid arguments as values, not exceptions', async () => {
    const h = handlers();
    expect(await dispatch(h, 'dropTables', [])).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    for (const args of [[], ['1'], [-1], [1.5], [1, 2]]) {
      expect(await dispatch(h, 'getArticle', args)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    }
    expect(await dispatch(h, 'importFiles', [[{ name: 'x.txt', bytes: 'not bytes' }]])).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await dispatch(h, 'updateSettings', [{ theme: 'neon' }])).toMatchObject({ ok: false });
    expect(await dispatch(h, 'updateSettings', [{ fontSize: 19, extra: true }])).toMatchObject({ ok: false });
    expect(await dispatch(h, 'saveReadingPosition', [{ id: 1, offset: 0, progress: 2 }])).toMatchObject({ ok: false });
  });

  it('turns expected failures into coded errors', async () => {
    const h = handlers();
    expect(await dispatch(h, 'getArticle', [9999])).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(h, 'importFromDialog', [])).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await dispatch(h, 'chooseEncoding', [{ token: 'nope', encoding: 'big5' }])).toMatchObject({
      ok: false,
      error: { code: 'expired' },
    });
  });

  it('turns unexpected exceptions into internal errors', async () => {
    const h = {
      ...handlers(),
      listArticles: () => {
        throw new TypeError('kaput');
      },
    };
    expect(await dispatch(h, 'listArticles', [])).toEqual({ ok: false, error: { code: 'internal', detail: 'kaput' } });
  });

  it('imports bytes that crossed the bridge', async () => {
    const h = handlers();
    const bytes = new TextEncoder().encode('新文章\n\n正文第一段。');
    const result = await dispatch(h, 'importFiles', [[{ name: 'new.txt', bytes }]]);
    expect(result).toMatchObject({
      ok: true,
      value: { outcomes: [{ status: 'imported', article: { title: '新文章' } }] },
    });
  });
});
