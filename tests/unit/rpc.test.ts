import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../preload/contract/api';
import { AppFailure } from '../../preload/contract/errors';
import { argSchemas } from '../../preload/contract/schemas';
import { MAX_IMPORT_BATCH_BYTES, MAX_IMPORT_BYTES, type Highlight } from '../../preload/contract/types';
import { createHandlers } from '../../main/handlers';
import { dispatch } from '../../main/rpc';
import { openServices } from '../../main/services';
import { ROOT, SAMPLES_DIR, tempDir } from '../helpers/data';

function handlers() {
  return withServices().handlers;
}

function withServices() {
  const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
  return { services, handlers: handlersFor(services) };
}

function handlersFor(services: ReturnType<typeof openServices>) {
  return createHandlers(services, {
    appInfo: () => ({ version: 'test', systemLocale: 'zh-TW', nativeDialogs: false, imageBase: '/library-images/' }),
    pickImportPaths: () => Promise.reject(new AppFailure('unsupported', 'no dialogs here')),
    pickSavePath: () => Promise.reject(new AppFailure('unsupported', 'no dialogs here')),
    openExternal: () => Promise.resolve(),
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

  it('refuses a patch with a field sent as undefined, and changes nothing (updateHighlight)', async () => {
    const { services, handlers: h } = withServices();
    const article = services.articles.list()[0]!;
    const created = await dispatch(h, 'createHighlight', [
      { articleId: article.id, start: 0, end: 2, color: 'green', note: '原来的' },
    ]);
    expect(created.ok).toBe(true);
    const highlight = (created as { value: Highlight }).value;
    for (const patch of [
      { id: highlight.id, color: undefined, note: '新的' },
      { id: highlight.id, color: 'blue', note: undefined },
      { id: highlight.id, color: undefined },
    ]) {
      expect(await dispatch(h, 'updateHighlight', [patch])).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });
    }
    expect(services.annotations.list(article.id)).toEqual([highlight]);
    // Leaving a field out is how a patch keeps it.
    expect(await dispatch(h, 'updateHighlight', [{ id: highlight.id, note: '新的' }])).toMatchObject({
      ok: true,
      value: { color: 'green', note: '新的' },
    });
    services.close();
  });

  it('refuses a settings patch with a field sent as undefined, and changes nothing (updateSettings)', async () => {
    const { services, handlers: h } = withServices();
    await dispatch(h, 'updateSettings', [{ theme: 'dark', fontSize: 22 }]);
    const before = services.settings.get();
    expect(await dispatch(h, 'updateSettings', [{ theme: undefined }])).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await dispatch(h, 'updateSettings', [{ fontSize: 24, theme: undefined }])).toMatchObject({ ok: false });
    expect(services.settings.get()).toEqual(before);
    expect(before).toMatchObject({ theme: 'dark', fontSize: 22 });
    services.close();
  });

  it('gives a file over 50 MB its own outcome instead of refusing the whole importFiles call', async () => {
    const h = handlers();
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    const small = new TextEncoder().encode('小文章\n\n正文。');
    const result = await dispatch(h, 'importFiles', [
      [
        { name: 'big.txt', bytes: big },
        { name: 'small.txt', bytes: small },
      ],
    ]);
    expect(result).toMatchObject({
      ok: true,
      value: {
        outcomes: [
          { status: 'failed', name: 'big.txt', error: { code: 'too_large' } },
          { status: 'imported', name: 'small.txt' },
        ],
      },
    });
  });

  it('bounds one importFiles call by its total size', async () => {
    const h = handlers();
    // Views of one buffer: the bytes are counted per file without allocating them all.
    const buffer = new ArrayBuffer(MAX_IMPORT_BYTES);
    const files = Array.from({ length: Math.floor(MAX_IMPORT_BATCH_BYTES / MAX_IMPORT_BYTES) + 1 }, (_, i) => ({
      name: `part-${i}.txt`,
      bytes: new Uint8Array(buffer),
    }));
    expect(await dispatch(h, 'importFiles', [files])).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await dispatch(h, 'importFiles', [files.slice(0, 2)])).toMatchObject({ ok: true });
  });

  it('carries what a message mentions as parameters, and main’s wording only as detail', async () => {
    const { services, handlers: h } = withServices();
    const [first, second] = services.articles.list();
    const bytes = new TextEncoder().encode(services.articles.sourceText(second!.id));
    const result = await dispatch(h, 'replaceArticleText', [{ id: first!.id, file: { name: 'x.txt', bytes } }]);
    expect(result).toEqual({
      ok: false,
      error: { code: 'already_in_library', params: { title: second!.title }, detail: expect.any(String) as string },
    });
    services.close();
  });
});
