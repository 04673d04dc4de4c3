import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/handlers';
import { dispatch } from '../../main/rpc';
import { openServices } from '../../main/services';
import type { ImportFile, ImportReport, Result } from '../../preload/contract/types';
import { MAX_IMPORT_BYTES } from '../../preload/contract/types';
import {
  IMPORT_CHUNK_BYTES,
  IMPORT_CHUNK_FILES,
  importChunks,
  importInChunks,
  importUnits,
} from '../../renderer/library/use-import';
import { encodePage, newsPage } from '../helpers/pages';
import { png } from '../helpers/png';
import { SAMPLES_DIR, sample, tempDir } from '../helpers/data';

const unsupported = () => Promise.reject(new Error('no dialogs here'));

describe('sending dropped files to main', () => {
  it('chunks stay within the file and byte limits, keep the order, and a huge file goes alone', () => {
    const sizes = [1, 2, 3, 10, 1, 1, 1, 1];
    const chunks = importChunks(
      sizes.map((size, i) => ({ size, i })),
      3,
      5,
    );
    expect(chunks.map((c) => c.map((f) => f.i))).toEqual([[0, 1], [2], [3], [4, 5, 6], [7]]);
    expect(chunks.flat().map((f) => f.i)).toEqual(sizes.map((_, i) => i));
    expect(IMPORT_CHUNK_FILES).toBeLessThanOrEqual(500);
    expect(IMPORT_CHUNK_BYTES).toBeLessThan(MAX_IMPORT_BYTES * 2);
  });

  it('a saved page travels with its _files folder in one call, however the chunks fall', async () => {
    const file = (path: string, bytes: Uint8Array = new Uint8Array([1])) => ({
      path,
      file: new File([bytes as Uint8Array<ArrayBuffer>], path.split('/').pop()!),
    });
    const files = [
      file('a.txt'),
      file('page.html'),
      file('b.txt'),
      file('page_files/1.png'),
      file('page_files/2.png'),
      file('other.htm'),
      file('other_files/x.png'),
      file('loose.png'),
    ];
    expect(importUnits(files).map((u) => u.map((f) => f.path))).toEqual([
      ['a.txt'],
      ['page.html', 'page_files/1.png', 'page_files/2.png'],
      ['b.txt'],
      ['other.htm', 'other_files/x.png'],
      ['loose.png'],
    ]);
    // One page alone: every image of the batch is its.
    expect(importUnits([file('p.html'), file('img/a.png')]).map((u) => u.length)).toEqual([2]);

    // Through the real call: the image, dropped before its page, still reaches it.
    const services = openServices({ dataDir: tempDir() });
    try {
      const picture = new Uint8Array(png(5, 5, 5));
      const page = encodePage(newsPage({ image: { kind: 'relative', path: 'page_files/pic.png' } }));
      const sent: string[][] = [];
      const outcomes = await importInChunks(
        [file('page_files/pic.png', picture), file('page.html', page)],
        async (payload) => {
          sent.push(payload.map((f) => f.name));
          return { ok: true, value: await services.library.importFiles(payload) };
        },
      );
      expect(sent).toEqual([['page.html', 'page_files/pic.png']]);
      expect(outcomes.map((o) => o.status)).toEqual(['imported']);
      const id = outcomes[0]!.status === 'imported' ? outcomes[0]!.article.id : 0;
      expect(services.articles.get(id)!.blocks.some((b) => b.kind === 'figure' && b.image?.id)).toBe(true);
    } finally {
      services.close();
    }
  });

  it('after Cancel no further chunk is read or sent: its files are reported cancelled', async () => {
    const files = Array.from({ length: 50 }, (_, i) => ({
      path: `${i}.txt`,
      file: new File([`第${i}篇`], `${i}.txt`),
    }));
    let stop = false;
    const sent: number[] = [];
    const outcomes = await importInChunks(
      files,
      (payload) => {
        sent.push(payload.length);
        // The user presses Cancel while the first chunk is in main.
        stop = true;
        return Promise.resolve({
          ok: true as const,
          value: { batchId: 'b', outcomes: payload.map((f) => ({ status: 'skipped' as const, name: f.name })) },
        });
      },
      undefined,
      () => stop,
    );
    expect(sent).toEqual([IMPORT_CHUNK_FILES]);
    expect(outcomes).toHaveLength(50);
    expect(outcomes.slice(IMPORT_CHUNK_FILES).every((o) => o.status === 'cancelled')).toBe(true);
    expect(outcomes.at(-1)).toEqual({ status: 'cancelled', name: '49.txt' });
  });

  it('1,000 dropped files all import through the real importFiles call, a bounded chunk per message', async () => {
    const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
    try {
      const handlers = createHandlers(services, {
        appInfo: () => ({
          version: 'test',
          systemLocale: 'zh-CN',
          nativeDialogs: false,
          imageBase: '/library-images/',
        }),
        pickImportPaths: unsupported,
        pickSavePath: unsupported,
        openExternal: () => Promise.resolve(),
      });
      // Distinct articles from a real one: a paragraph of the seed with a numbered heading; every
      // tenth file in GBK, as a Windows user's folder would have them.
      const paragraph = sample('000').slice(0, 400);
      const files = Array.from({ length: 1000 }, (_, i) => {
        const text = `第${i + 1}篇\n\n${paragraph}`;
        const bytes = i % 10 === 0 ? iconv.encode(text, 'gbk') : new TextEncoder().encode(text);
        return new File([new Uint8Array(bytes)], `文章-${i + 1}.txt`, { type: 'text/plain' });
      });
      const messages: number[] = [];
      const progress: [number, number][] = [];
      const send = async (payload: ImportFile[]) => {
        // What crosses IPC: a structured clone, validated by main against the contract.
        const cloned = structuredClone(payload);
        messages.push(cloned.reduce((sum, f) => sum + f.bytes.byteLength, 0));
        return (await dispatch(handlers, 'importFiles', [cloned])) as Result<ImportReport>;
      };
      const outcomes = await importInChunks(files, send, (done, total) => progress.push([done, total]));
      const failed = outcomes.filter((o) => o.status === 'failed');
      expect(failed).toEqual([]);
      expect(outcomes).toHaveLength(1000);
      expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
      expect(outcomes.map((o) => o.name)).toEqual(files.map((f) => f.name));
      expect(services.articles.list().filter((a) => !a.isSample)).toHaveLength(1000);
      expect(messages.length).toBeGreaterThanOrEqual(1000 / IMPORT_CHUNK_FILES);
      expect(Math.max(...messages)).toBeLessThanOrEqual(IMPORT_CHUNK_BYTES);
      expect(progress[0]).toEqual([0, 1000]);
      expect(progress.at(-1)).toEqual([1000, 1000]);
      expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    } finally {
      services.close();
    }
  });

  it('an oversized file is refused unread and a failed call fails only its own chunk', async () => {
    const big = new File([new Uint8Array(8)], 'big.txt');
    Object.defineProperty(big, 'size', { value: MAX_IMPORT_BYTES + 1 });
    const small = Array.from({ length: IMPORT_CHUNK_FILES + 1 }, (_, i) => new File(['文'], `${i}.txt`));
    let calls = 0;
    const outcomes = await importInChunks([big, ...small], (payload) => {
      calls += 1;
      if (calls === 1) return Promise.resolve({ ok: false, error: { code: 'database', detail: 'disk full' } });
      return Promise.resolve({
        ok: true,
        value: {
          batchId: 'b',
          outcomes: payload.map((f) => ({ status: 'failed', name: f.name, error: { code: 'internal', detail: 'x' } })),
        },
      } as Result<ImportReport>);
    });
    expect(outcomes[0]).toMatchObject({ status: 'failed', name: 'big.txt', error: { code: 'too_large' } });
    const dbFailed = outcomes.filter((o) => o.status === 'failed' && o.error.code === 'database');
    expect(dbFailed).toHaveLength(IMPORT_CHUNK_FILES);
    expect(outcomes).toHaveLength(small.length + 1);
    expect(calls).toBe(2);
  });
});
