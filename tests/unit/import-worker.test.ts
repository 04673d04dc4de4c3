import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayloads } from '../../preload/contract/api';
import { AppFailure } from '../../preload/contract/errors';
import type { ImportOutcome } from '../../preload/contract/types';
import { describe as selectorOf } from '../../main/annotations/quote-selector';
import type { JobKind, Jobs } from '../../main/library/work';
import { InlineWork, WorkerWork } from '../../main/library/work-runner';
import { ScriptDetector } from '../../main/script/detect';
import { openServices } from '../../main/services';
import { epub3 } from '../helpers/books';
import { buildWorker } from '../helpers/build-worker';
import { SAMPLES_DIR, sample, tempDir } from '../helpers/data';
import { encodePage, newsPage } from '../helpers/pages';
import { png } from '../helpers/png';

/**
 * The import worker as the app bundles it (main/library/work-worker.ts, built here with esbuild
 * next to node_modules so that it finds OpenCC's data): every job gives what the same job gives
 * in this thread, across the thread boundary (structured clone), failures with their codes.
 */
let workerFile: string;
let worker: WorkerWork;
const inline = new InlineWork({ detector: ScriptDetector.fromOpencc() });

beforeAll(async () => {
  workerFile = await buildWorker('main/library/work-worker.ts', 'import-worker');
  worker = new WorkerWork(workerFile);
});
afterAll(() => worker.close());

async function both<K extends JobKind>(kind: K, request: Jobs[K]['request']) {
  const [there, here] = await Promise.all([worker.run(kind, request), inline.run(kind, request)]);
  // What crosses threads is structured-cloned (a Buffer arrives as a Uint8Array): compare it so.
  return { there, here: structuredClone(here) };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('the import worker', () => {
  it('reads text, GBK, Markdown, a page with its images and an EPUB as this thread does, scripts detected', async () => {
    const picture = new Uint8Array(png(1, 2, 3));
    const page = encodePage(newsPage({ image: { kind: 'relative', path: './page_files/photo%201.png' } }));
    const requests: Jobs['read']['request'][] = [
      { name: 'a.txt', bytes: utf8(sample('001')), options: {} },
      { name: 'b.txt', bytes: new Uint8Array(iconv.encode(sample('000'), 'gbk')), options: {} },
      { name: 'c.md', bytes: utf8('# 标题\n\n正文**加粗**。\n'), options: {} },
      {
        name: 'page.html',
        bytes: page,
        options: {
          resources: {
            kind: 'batch',
            pageName: 'page.html',
            files: [
              { name: 'other.txt', bytes: utf8('x') },
              { name: 'page_files/photo 1.png', bytes: picture },
            ],
          },
        },
      },
      { name: 'book.epub', bytes: epub3(), options: { epubSplit: 'chapters' } },
    ];
    for (const request of requests) {
      const { there, here } = await both('read', request);
      expect(there, request.name).toEqual(here);
      expect(there.status).toBe('read');
      if (there.status !== 'read') continue;
      expect(there.articles[0]?.detected.script).toMatch(/simplified|traditional|mixed|unknown/);
    }
    const { there: pageRead } = await both('read', requests[3]!);
    if (pageRead.status !== 'read') throw new Error('page not read');
    // The page used the second file of its batch as its image; the image crossed as bytes.
    expect(pageRead.usedResources).toEqual([1]);
    expect(pageRead.articles[0]?.images[0]?.bytes).toEqual(picture);
    expect(pageRead.articles[0]?.images[0]?.bytes).toBeInstanceOf(Uint8Array);
  });

  it('moves a file over 1 MB to the worker as a copy: the same article, and the caller keeps its bytes', async () => {
    const base = sample('000');
    const bytes = utf8(`长文\n${base.repeat(Math.ceil(1_500_000 / base.length))}`);
    expect(bytes.byteLength).toBeGreaterThan(1024 * 1024);
    const read = await both('read', { name: 'long.txt', bytes, options: {} });
    expect(read.there).toEqual(read.here);
    // Not detached by the transfer: an encoding question would keep these very bytes.
    expect(bytes.byteLength).toBeGreaterThan(1024 * 1024);
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe('长文');
  });

  it('asks about an uncertain encoding, and refuses with the codes this thread uses', async () => {
    await expect(worker.run('read', { name: 'empty.txt', bytes: new Uint8Array(0), options: {} })).rejects.toSatisfy(
      (e) => e instanceof AppFailure && e.code === 'empty',
    );
    await expect(worker.run('notes', { bytes: utf8('not json') })).rejects.toSatisfy(
      (e) => e instanceof AppFailure && e.code === 'not_an_export',
    );
    // A short Big5/GBK-ambiguous text is asked about, not guessed.
    const short = new Uint8Array(iconv.encode('中文', 'big5'));
    const { there, here } = await both('read', { name: 'short.txt', bytes: short, options: {} });
    expect(there).toEqual(here);
    // After a refusal the worker goes on.
    expect((await worker.run('read', { name: 'ok.txt', bytes: utf8('标题\n\n正文。'), options: {} })).status).toBe(
      'read',
    );
  });

  it('parses notes and anchors selectors as this thread does', async () => {
    const text = sample('000');
    const selectors = [10, 200, 900].map((at) => selectorOf(text, at, at + 12));
    const edited = `新的一段。\n${text}`;
    const anchored = await both('anchor', { text: edited, selectors });
    expect(anchored.there).toEqual(anchored.here);
    expect(anchored.there.every((r) => r.status === 'moved')).toBe(true);
    const file = {
      first: {
        items: [
          {
            id: 'urn:uuid:0b6c1f0e-5d7e-4a55-9a47-2f3c8d9e1a01',
            target: { source: 'urn:x', selector: [{ type: 'TextQuoteSelector', exact: '引文' }] },
            body: [{ value: '笔记' }],
          },
        ],
      },
    };
    const notes = await both('notes', { bytes: utf8(JSON.stringify(file)) });
    expect(notes.there).toEqual(notes.here);
    expect(notes.there.total).toBe(1);
    expect((JSON.parse(notes.there.chunks[0]!) as unknown[])[0]).toMatchObject({
      id: '0b6c1f0e-5d7e-4a55-9a47-2f3c8d9e1a01',
      note: '笔记',
      start: 0,
      end: 2,
    });
  });

  it('serves the app: services with the worker import, replace and import notes as inline ones do', async () => {
    const events: { event: EventName; payload: unknown }[] = [];
    const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => events.push({ event, payload });
    const withWorker = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR, importWorker: workerFile, emit });
    const plain = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
    const files = [
      { name: 'a.txt', bytes: utf8(`一篇\n\n${sample('003')}`) },
      { name: 'b.txt', bytes: new Uint8Array(iconv.encode(sample('000').replace('腾讯', '鹅厂'), 'gbk')) },
    ];
    const strip = (o: ImportOutcome) =>
      o.status === 'imported' ? { ...o.article, id: 0, importedAt: '', updatedAt: '' } : o;
    const [viaWorker, viaInline] = await Promise.all([
      withWorker.library.importFiles(files),
      plain.library.importFiles(files),
    ]);
    expect(viaWorker.outcomes.map(strip)).toEqual(viaInline.outcomes.map(strip));
    // Stored through the worker's own connection, search index included: main finds them at once.
    const searched = (s: typeof plain, query: string) =>
      s.search.search(query).hits.map((h) => s.articles.get(h.articleId)?.title);
    for (const query of ['鹅厂', '騰訊', sample('003').slice(40, 44)]) {
      expect(searched(withWorker, query)).toEqual(searched(plain, query));
      expect(searched(withWorker, query).length).toBeGreaterThan(0);
    }
    expect(events.some((e) => e.event === 'importProgress')).toBe(true);

    // Update text…: the highlights are found again in the worker, then written.
    const id = withWorker.articles.list().find((a) => a.title === '一篇')!.id;
    const text = withWorker.articles.sourceText(id)!;
    const at = text.indexOf('。') + 1;
    withWorker.annotations.create({ articleId: id, start: at, end: at + 8, color: 'yellow' });
    const replaced = await withWorker.library.replaceText(id, {
      name: 'a.txt',
      bytes: utf8(`一篇\n\n前言。\n${sample('003')}`),
    });
    expect(replaced).toMatchObject({ status: 'replaced', moved: 1, orphaned: 0 });
    const [moved] = withWorker.annotations.list(id);
    expect(withWorker.articles.sourceText(id)!.slice(moved!.start, moved!.end)).toBe(text.slice(at, at + 8));
    // The new text was indexed for search in the worker, after the replacing transaction.
    expect(searched(withWorker, '前言。')).toContain('一篇');

    // Notes exported from one library import into the other through the worker.
    const json = (await plain.exporter.build({ format: 'json', script: 'original' })).content;
    expect(await withWorker.exporter.importJson(json)).toMatchObject({ total: 0 });
    withWorker.close();
    plain.close();
  });
});
