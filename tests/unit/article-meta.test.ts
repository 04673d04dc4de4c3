import { describe, expect, it } from 'vitest';
import type { EventName } from '../../preload/contract/api';
import { AppFailure } from '../../preload/contract/errors';
import type { ArticleSummary, Highlight } from '../../preload/contract/types';
import { createHandlers } from '../../main/handlers';
import { dispatch } from '../../main/rpc';
import { openServices } from '../../main/services';
import { SAMPLES_DIR, tempDir } from '../helpers/data';

/** A library with the samples, its handlers, and the events it sent. */
function library() {
  const events: EventName[] = [];
  const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR, emit: (event) => events.push(event) });
  const handlers = createHandlers(services, {
    appInfo: () => ({ version: 'test', systemLocale: 'zh-CN', nativeDialogs: false, imageBase: 'app://image/' }),
    pickImportPaths: () => Promise.reject(new AppFailure('unsupported', 'no dialogs here')),
    pickSavePath: () => Promise.reject(new AppFailure('unsupported', 'no dialogs here')),
    openExternal: () => Promise.resolve(),
  });
  const first = services.articles.list()[0];
  if (!first) throw new Error('no samples');
  const update = (patch: unknown, id: number = first.id) => dispatch(handlers, 'updateArticleMeta', [id, patch]);
  return { services, handlers, events, first, update };
}

const value = <T>(result: Awaited<ReturnType<typeof dispatch>>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
  return result.value as T;
};

describe('updateArticleMeta', () => {
  it('changes the given fields only, returns the article, stamps updated_at and says the library changed', async () => {
    const { first, update, services, events } = library();
    events.length = 0;
    const after = value<ArticleSummary>(
      await update({
        title: '  第2篇  ',
        author: '李白',
        publishedAt: '2024-02-29',
        sourceUrl: 'https://example.com/a',
      }),
    );
    expect(after).toMatchObject({
      id: first.id,
      title: '第2篇',
      author: '李白',
      publishedAt: '2024-02-29',
      sourceUrl: 'https://example.com/a',
      source: first.source,
      importedAt: first.importedAt,
    });
    expect(after.updatedAt > first.updatedAt).toBe(true);
    expect(services.articles.list().find((a) => a.id === first.id)).toEqual(after);
    expect(events).toEqual(['libraryChanged']);
  });

  it('refuses an empty title and dates that are not on the calendar', async () => {
    const { update, first, services } = library();
    for (const patch of [
      { title: '' },
      { title: '   ' },
      { publishedAt: '2026-02-30' },
      { publishedAt: '2026-13-01' },
      { publishedAt: '2026-2-3' },
      { publishedAt: '' },
      {},
      { title: '好', content: 'x' },
    ]) {
      expect(await update(patch), JSON.stringify(patch)).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });
    }
    expect(services.articles.list().find((a) => a.id === first.id)).toEqual(first);
  });

  it('clears a field with null, and with blank text', async () => {
    const { update } = library();
    value(await update({ author: '杜甫', source: '唐诗', publishedAt: '0760-01-01' }));
    expect(value<ArticleSummary>(await update({ author: null, publishedAt: null }))).toMatchObject({
      author: null,
      publishedAt: null,
      source: '唐诗',
    });
    expect(value<ArticleSummary>(await update({ source: '   ' }))).toMatchObject({ source: null });
  });

  it('a new title keeps the text, its content hash and its highlights', async () => {
    const { update, first, services, handlers } = library();
    const hash = services.articles.contentHash(first.id);
    const text = services.articles.sourceText(first.id);
    const made = value<Highlight>(
      await dispatch(handlers, 'createHighlight', [
        { articleId: first.id, start: 2, end: 6, color: 'green', note: '记' },
      ]),
    );
    value(await update({ title: '另一个标题' }));
    expect(services.articles.contentHash(first.id)).toBe(hash);
    expect(services.articles.sourceText(first.id)).toBe(text);
    expect(value<Highlight[]>(await dispatch(handlers, 'listHighlights', [first.id]))).toEqual([made]);
  });

  it('says not_found for an article that is deleted or was never there', async () => {
    const { update, first, services } = library();
    services.library.delete(first.id);
    expect(await update({ title: '晚了' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await update({ title: '没有' }, 99_999)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    services.library.restore(first.id);
    expect(services.articles.list().find((a) => a.id === first.id)?.title).toBe(first.title);
  });
});
