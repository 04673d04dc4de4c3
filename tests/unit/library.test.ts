import iconv from 'iconv-lite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayloads } from '../../preload/contract/api';
import type { ImportOutcome } from '../../preload/contract/types';
import { ArticleStore } from '../../main/db/articles';
import { transactor } from '../../main/db/connection';
import { SettingsStore } from '../../main/db/settings';
import { Library } from '../../main/library/library';
import { ScriptDetector } from '../../main/script/detect';
import { openServices, type Services } from '../../main/services';
import { SAMPLES_DIR, sample, tempDir } from '../helpers/data';

function services(withSamples = true) {
  const events: { event: EventName; payload: unknown }[] = [];
  const dataDir = tempDir();
  const s = openServices({
    dataDir,
    samplesDir: withSamples ? SAMPLES_DIR : undefined,
    emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => events.push({ event, payload }),
  });
  return { s, events, dataDir };
}

const imported = (o: ImportOutcome) => {
  if (o.status !== 'imported') throw new Error(`expected an import, got ${JSON.stringify(o)}`);
  return o.article;
};

const firstLine = (text: string) => text.split('\n')[0]!.trim();

describe('first run', () => {
  it('imports the three samples once, marked as samples, with their scripts detected', () => {
    const { s, dataDir } = services();
    const list = s.articles.list();
    expect(list).toHaveLength(3);
    expect(list.every((a) => a.isSample)).toBe(true);
    const byTitle = Object.fromEntries(list.map((a) => [a.title, a]));
    expect(byTitle[firstLine(sample('001'))]?.script).toBe('traditional');
    expect(byTitle[firstLine(sample('003'))]?.script).toBe('traditional');
    const simplified = list.filter((a) => a.script === 'simplified');
    expect(simplified).toHaveLength(1);
    expect(simplified[0]!.title).toBe('从消费互联网到产业互联网 腾讯迎来第三次“开放”');
    expect(byTitle[firstLine(sample('001'))]).toMatchObject({ source: '每日經濟新聞', publishedAt: '2019-09-30' });

    // Attribution lines are kept, word for word.
    const s000 = s.articles.get(simplified[0]!.id)!;
    expect(s000.blocks.at(-1)!.text).toMatch(/^郑重声明:本文版权归原作者所有/);

    // Deleting the samples and restarting does not bring them back.
    for (const a of list) s.library.delete(a.id);
    s.close();
    const again = openServices({ dataDir, samplesDir: SAMPLES_DIR });
    expect(again.articles.list()).toHaveLength(0);
    expect(again.articles.findByHash('x')).toBeUndefined();
    again.close();
  });
});

describe('import', () => {
  it('the same article in GBK, UTF-16 or with CRLF line endings is a duplicate of the UTF-8 one', async () => {
    const { s } = services();
    const text = sample('000');
    const report = await s.library.importFiles([
      { name: 'gbk.txt', bytes: iconv.encode(text, 'gbk') },
      { name: 'utf16.txt', bytes: iconv.encode(text, 'utf-16le', { addBOM: true }) },
      { name: 'crlf.txt', bytes: Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8') },
    ]);
    expect(report.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(s.articles.list()).toHaveLength(3);
  });

  it('offers a UTF-8 file with one bad byte as UTF-8, saying how many bytes are lost, and warns of a cut-off end', async () => {
    const { s } = services(false);
    const good = Buffer.from(sample('000'), 'utf8');
    // One stray byte between two characters (after a line break).
    const at = good.indexOf(0x0a, 300) + 1;
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    const [outcome] = (await s.library.importFiles([{ name: 'bad.txt', bytes: bad }])).outcomes;
    expect(outcome?.status).toBe('needsEncoding');
    if (outcome?.status !== 'needsEncoding') return;
    expect(outcome.candidates[0]).toMatchObject({ encoding: 'utf-8', replacements: 1 });
    expect(outcome.candidates[0]?.warnings).toBeUndefined();
    // Cut in the middle of a three-byte character: the last character is lost, and that is said.
    const cut = good.subarray(0, good.length - 1);
    const [truncated] = (await s.library.importFiles([{ name: 'cut.txt', bytes: cut }])).outcomes;
    expect(truncated?.status === 'needsEncoding' && truncated.candidates[0]?.warnings).toContain('truncated');
    expect(s.articles.list()).toHaveLength(0);
  });

  it('imports a Big5 file with the text intact and records the encoding', async () => {
    const { s } = services(false);
    // Sample 003 without its few characters that Big5 cannot hold.
    const text = sample('003');
    const big5 = iconv.encode(text, 'big5');
    const roundTrip = iconv.decode(big5, 'big5');
    const report = await s.library.importFiles([{ name: 'big5.txt', bytes: big5 }]);
    const article = s.articles.get(imported(report.outcomes[0]!).id)!;
    expect(article.encoding).toBe('big5');
    expect(article.script).toBe('traditional');
    const body = article.blocks.map((b) => b.text).join('');
    expect(body).toBe(
      roundTrip
        .split('\n')
        .map((l) => l.trim())
        .join(''),
    );
  });

  it('a batch goes on past bad files and reports each one, with progress events', async () => {
    const { s, events } = services(false);
    const report = await s.library.importFiles([
      { name: 'empty.txt', bytes: new Uint8Array(0) },
      {
        name: 'image.png',
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(300).fill(0)]),
      },
      { name: 'blank.txt', bytes: Buffer.from('  \n\n \r\n', 'utf8') },
      { name: 'good.txt', bytes: Buffer.from('好标题\n\n这是正文的第一段。', 'utf8') },
    ]);
    expect(report.outcomes.map((o) => o.status)).toEqual(['failed', 'failed', 'failed', 'imported']);
    expect(report.outcomes.map((o) => (o.status === 'failed' ? o.error.code : o.status))).toEqual([
      'empty',
      'binary',
      'empty',
      'imported',
    ]);
    expect(s.articles.list().map((a) => a.title)).toEqual(['好标题']);
    const progress = events
      .filter((e) => e.event === 'importProgress')
      .map((e) => e.payload as EventPayloads['importProgress']);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(progress.every((p) => p.total === 4 && p.batchId === report.batchId)).toBe(true);
    expect(events.some((e) => e.event === 'libraryChanged')).toBe(true);
  });

  it('refuses a file over 50 MB from disk before reading it', async () => {
    const { s } = services(false);
    const file = join(tempDir(), 'huge.txt');
    writeFileSync(file, Buffer.alloc(50 * 1024 * 1024 + 1, 0x61));
    const report = await s.library.importPaths([file]);
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', error: { code: 'too_large' } });
  });

  it('from the dialog, a path that is gone or a folder fails on its own; the rest of the batch imports', async () => {
    const { s } = services(false);
    const dir = tempDir();
    const good = join(dir, 'good.txt');
    writeFileSync(good, '好标题\n\n这是正文。');
    const folder = join(dir, 'a folder.txt');
    mkdirSync(folder);
    const report = await s.library.importPaths([join(dir, 'moved away.txt'), folder, good]);
    expect(report.outcomes).toMatchObject([
      { status: 'failed', name: 'moved away.txt', error: { code: 'file_missing', params: { name: 'moved away.txt' } } },
      { status: 'failed', name: 'a folder.txt', error: { code: 'not_a_file', params: { name: 'a folder.txt' } } },
      { status: 'imported', name: 'good.txt' },
    ]);
    expect(s.articles.list().map((a) => a.title)).toEqual(['好标题']);
  });

  it('the same text imported by two instances at once is a duplicate for the later one, not an error', async () => {
    const { s, dataDir } = services(false);
    const other = openServices({ dataDir });
    const bytes = Buffer.from('同时导入\n\n两个窗口同时导入同一篇文章。', 'utf8');
    const articles = new ArticleStore(s.db);
    let raced = false;
    // This instance checks for a copy, finds none, and the other instance stores one before it inserts.
    const racing = Object.assign(Object.create(articles) as ArticleStore, {
      findByHash: (hash: string) => {
        const found = articles.findByHash(hash);
        if (!raced) {
          raced = true;
          expect(other.library.importText(bytes.toString('utf8'), '同时导入')).toMatchObject({ status: 'imported' });
        }
        return found;
      },
    });
    const library = new Library({
      articles: racing,
      settings: new SettingsStore(s.db),
      detector: ScriptDetector.fromOpencc(),
      highlights: s.annotations,
      transact: transactor(s.db),
      emit: () => {},
    });
    const [outcome] = await library.importFile('mine.txt', bytes);
    expect(raced).toBe(true);
    expect(outcome).toMatchObject({ status: 'duplicate', name: 'mine.txt', existing: { title: '同时导入' } });
    expect(s.articles.list().map((a) => a.title)).toEqual(['同时导入']);
    other.close();
  });

  it('an article deleted but not yet purged gives way to a new import of the same text', async () => {
    const { s } = services(false);
    const bytes = Buffer.from('标题\n\n正文。', 'utf8');
    const first = imported((await s.library.importFiles([{ name: 'a.txt', bytes }])).outcomes[0]!);
    s.library.delete(first.id);
    const second = (await s.library.importFiles([{ name: 'a.txt', bytes }])).outcomes[0]!;
    expect(second.status).toBe('imported');
    expect(() => s.library.restore(first.id)).toThrow(/no longer/);
  });

  it('pasted text becomes an article with the given title', () => {
    const { s } = services(false);
    const outcome = s.library.importText('第一段。\r\n第二段。', '我的笔记');
    const article = s.articles.get(imported(outcome).id)!;
    expect(article.title).toBe('我的笔记');
    expect(article.encoding).toBeNull();
    expect(article.blocks.map((b) => b.text)).toEqual(['第一段。', '第二段。']);
  });
});

export type { Services };
