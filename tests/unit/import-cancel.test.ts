import { describe, expect, it } from 'vitest';
import type { EventName, EventPayloads } from '../../preload/contract/api';
import { AppFailure } from '../../preload/contract/errors';
import { describe as selectorOf } from '../../main/annotations/quote-selector';
import { NOTES_CHUNK } from '../../main/export/exporter';
import { createHandlers } from '../../main/handlers';
import { openServices } from '../../main/services';
import { sample, tempDir } from '../helpers/data';

/** Services whose importProgress events go to `onProgress` (which may cancel the batch). */
function servicesWith(onProgress: (p: EventPayloads['importProgress']) => void = () => {}) {
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => {
    if (event === 'importProgress') onProgress(payload as EventPayloads['importProgress']);
  };
  const services = openServices({ dataDir: tempDir(), emit });
  const refuse = () => Promise.reject(new AppFailure('unsupported', 'no dialogs'));
  const handlers = createHandlers(services, {
    appInfo: () => ({ version: 'test', systemLocale: 'en', nativeDialogs: false, imageBase: '' }),
    pickImportPaths: refuse,
    pickSavePath: refuse,
    openExternal: () => Promise.resolve(),
  });
  return { services, handlers };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const files = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `${i}.txt`, bytes: utf8(`第${i}篇\n\n正文${i}。`) }));

describe('cancelImport', () => {
  it('stops a batch after the file being stored: it stays, the others are reported cancelled', async () => {
    let calls = 0;
    const { services, handlers } = servicesWith((p) => {
      // While the second file is read, the user presses Cancel.
      if (p.done === 1 && p.total > 0 && calls++ === 0) {
        expect(handlers.cancelImport(p.batchId)).toEqual({ cancelled: true });
      }
    });
    const report = await handlers.importFiles(files(5));
    expect(report.outcomes.map((o) => o.status)).toEqual([
      'imported',
      'imported',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(report.outcomes[4]).toEqual({ status: 'cancelled', name: '4.txt' });
    expect(services.articles.list().map((a) => a.title)).toEqual(['第1篇', '第0篇']);
    // Over: nothing to stop, and the next batch runs whole.
    expect(handlers.cancelImport(report.batchId)).toEqual({ cancelled: false });
    expect((await handlers.importFiles(files(7).slice(5))).outcomes.map((o) => o.status)).toEqual([
      'imported',
      'imported',
    ]);
    services.close();
  });

  it('stops an import of notes between chunks: what was stored stays, the report counts the rest', async () => {
    const { services: source } = servicesWith();
    const [outcome] = (await source.library.importFiles([{ name: 'a.txt', bytes: utf8(sample('000')) }])).outcomes;
    if (outcome?.status !== 'imported') throw new Error('not imported');
    const id = outcome.article.id;
    const length = source.articles.sourceText(id)!.length;
    const total = NOTES_CHUNK * 2 + 500;
    for (let i = 0; i < total; i++) {
      const start = (i * 7) % (length - 10);
      source.annotations.create({ articleId: id, start, end: start + 3 + (i % 5), color: 'green' });
    }
    const json = (await source.exporter.build({ format: 'json', script: 'original' })).content;
    source.close();

    const seen: number[] = [];
    const { services, handlers } = servicesWith((p) => {
      seen.push(p.done);
      if (p.done === NOTES_CHUNK) handlers.cancelImport(p.batchId);
    });
    await services.library.importFiles([{ name: 'a.txt', bytes: utf8(sample('000')) }]);
    seen.length = 0;
    const report = await handlers.importAnnotations({ file: { name: 'notes.json', bytes: utf8(json) } });
    expect(report).toMatchObject({ total, matched: NOTES_CHUNK * 2, cancelled: total - NOTES_CHUNK * 2 });
    expect(seen).toEqual([0, NOTES_CHUNK, total]);
    const [article] = services.articles.list();
    expect(services.annotations.list(article!.id)).toHaveLength(NOTES_CHUNK * 2);
    services.close();
  });
});

describe('re-anchoring planned off the main thread', () => {
  it('places highlights made, moved or deleted after the plan from the stored state, not the plan', async () => {
    const { services } = servicesWith();
    const [outcome] = (await services.library.importFiles([{ name: 'a.txt', bytes: utf8(sample('000')) }])).outcomes;
    if (outcome?.status !== 'imported') throw new Error('not imported');
    const id = outcome.article.id;
    const text = services.articles.sourceText(id)!;
    const kept = services.annotations.create({ articleId: id, start: 20, end: 30, color: 'yellow' });
    const gone = services.annotations.create({ articleId: id, start: 40, end: 50, color: 'yellow' });
    const shifted = services.annotations.create({ articleId: id, start: 100, end: 110, color: 'pink' });
    const next = `前言。\n${text}`;
    const plan = await services.annotations.plan(id, next);
    // Meanwhile: one deleted, one made, one put elsewhere (undo of a delete, on other words).
    services.annotations.delete(gone.id);
    const made = services.annotations.create({ articleId: id, start: 60, end: 70, color: 'blue' });
    services.annotations.delete(shifted.id);
    services.annotations.restore({ ...shifted, ...selectorOf(text, 120, 130) });
    const counts = services.db.transaction(() => services.annotations.apply(id, plan))();
    expect(counts).toEqual({ exact: 0, moved: 3, orphaned: 0 });
    const byId = new Map(services.annotations.list(id).map((h) => [h.id, h]));
    expect(byId.has(gone.id)).toBe(false);
    expect(byId.get(kept.id)).toMatchObject({ start: 24, end: 34 });
    expect(byId.get(made.id)).toMatchObject({ start: 64, end: 74, exact: text.slice(60, 70) });
    expect(byId.get(shifted.id)).toMatchObject({ start: 124, end: 134, exact: text.slice(120, 130) });
    services.close();
  });
});
