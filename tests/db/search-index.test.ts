import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayloads } from '../../preload/contract/api';
import { MIGRATIONS } from '../../main/db/migrations';
import { migrate } from '../../main/db/migrate';
import { charTokens } from '../../main/db/char-tokens';
import { CHUNK_OVERLAP } from '../../main/db/search-index';
import { fold } from '../../main/script/fold';
import { snippetAround } from '../../main/script/search';
import { DATABASE_FILE, openServices, type Services } from '../../main/services';
import { samples, tempDir } from '../helpers/data';

const open = (dataDir = tempDir(), emit?: <E extends EventName>(e: E, p: EventPayloads[E]) => void) =>
  openServices({ dataDir, emit });

const add = (s: Services, title: string, text: string): number => {
  const outcome = s.library.importText(text, title);
  if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`);
  return outcome.article.id;
};

/** Occurrences of `q` in `text` (both folded already), overlapping ones too. */
const occurrences = (text: string, q: string): number => {
  let n = 0;
  for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) n++;
  return n;
};

/** The seed articles cut into paragraphs: real Simplified, Traditional and Taiwan prose, ~100 articles. */
const paragraphs = (): string[] =>
  Object.values(samples())
    .flatMap((t) => t.split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length >= 20);

describe('the library search index', () => {
  it('finds words in any script and regional wording', () => {
    const s = open();
    const tencent = add(s, '产业互联网', '騰訊開啟了一場大轉型。');
    const software = add(s, '開源', '這個軟體可以存在隨身碟裡。');
    const health = add(s, '香港', '衞生署提醒市民。');
    const ids = (q: string) => s.search.search(q).hits.map((h) => h.articleId);
    expect(ids('腾讯')).toEqual([tencent]);
    expect(ids('騰訊')).toEqual([tencent]);
    expect(ids('软件')).toEqual([software]);
    expect(ids('U盘')).toEqual([software]);
    expect(ids('u盘')).toEqual([software]);
    expect(ids('卫生署')).toEqual([health]);
    expect(ids('卫')).toEqual([health]);
    expect(ids('衞')).toEqual([health]);
    // Title hits: 互联网 is in a Simplified title only.
    expect(s.search.search('互聯網').hits).toMatchObject([{ articleId: tencent, inTitle: true, count: 0 }]);
    s.close();
  });

  it('answers one- and two-character queries, punctuation and Latin too', () => {
    const s = open();
    const a = add(s, '甲', '龍年說龍，龍騰虎躍。CSIG 5G');
    const b = add(s, '乙', '虎年。');
    const find = (q: string) => s.search.search(q).hits.map((h) => [h.articleId, h.count]);
    expect(find('龙')).toEqual([[a, 3]]);
    // Equal counts: newest first, as the library lists.
    expect(find('虎')).toEqual([
      [b, 1],
      [a, 1],
    ]);
    expect(find('龙腾')).toEqual([[a, 1]]);
    expect(find('年')).toEqual([
      [b, 1],
      [a, 1],
    ]);
    expect(find('，')).toEqual([[a, 1]]);
    expect(find('5g')).toEqual([[a, 1]]);
    // A space is a character like any other: 'g 5' is in the text, 'g5' is not.
    expect(find('g 5')).toEqual([[a, 1]]);
    expect(find('g5')).toEqual([]);
    expect(charTokens('龙,')).toBe('9f99 2c');
    s.close();
  });

  it('ranks title hits first, then by count, with counts exact over real prose (and deleted articles left out)', () => {
    const s = open();
    const texts = paragraphs();
    const titles = texts.map((t, i) => (i % 7 === 0 ? t.slice(0, 12) : `第${i}段`));
    const ids = texts.map((t, i) => add(s, titles[i]!, t));
    // Deleted articles stay in the index (a restore is instant) and in FTS5's statistics.
    for (const id of ids.filter((_, i) => i % 5 === 1)) s.library.delete(id);
    const live = ids
      .map((id, i) => ({ id, i, title: fold(titles[i]!).text, text: fold(texts[i]!).text }))
      .filter(({ i }) => i % 5 !== 1);
    const queries = ['的', '腾', '，', '產業', '互联网', '腾讯云', '数字化转型', '不存在', 'csig', '一个', '年'];
    // Plus every 1- to 6-character stretch at a few places of real text.
    for (const [k, t] of texts.entries()) if (k % 9 === 0) for (let n = 1; n <= 6; n++) queries.push(t.slice(5, 5 + n));
    for (const q of queries) {
      const f = fold(q).text.trim();
      const expected = live
        .map(({ id, title, text }) => ({ articleId: id, inTitle: title.includes(f), count: occurrences(text, f) }))
        .filter((h) => h.inTitle || h.count > 0)
        .sort((x, y) => Number(y.inTitle) - Number(x.inTitle) || y.count - x.count || y.articleId - x.articleId);
      const page = s.search.search(q, { limit: 500 });
      expect(
        page.hits.map(({ articleId, inTitle, count }) => ({ articleId, inTitle, count })),
        q,
      ).toEqual(expected);
      expect(page.total, q).toBe(expected.length);
    }
    s.close();
  });

  it('cuts snippets and gives hit offsets in the text as written, across length-changing phrases', () => {
    const s = open();
    const text = '第一行。\n把檔案存到隨身碟，再把隨身碟拔掉。';
    const id = add(s, '備份', text);
    const [hit] = s.search.search('U盘').hits;
    expect(hit).toMatchObject({ articleId: id, count: 2 });
    expect(text.slice(hit!.hit!.start, hit!.hit!.end)).toBe('隨身碟');
    expect(hit!.hit!.start).toBe(text.indexOf('隨身碟'));
    expect(hit!.snippet.slice(hit!.mark!.start, hit!.mark!.end)).toBe('隨身碟');
    expect(hit!.snippet).toBe('第一行。 把檔案存到隨身碟，再把隨身碟拔掉。');
    // Over real prose: every snippet's mark is the hit, and the hit folds to the query.
    for (const [i, t] of paragraphs().entries()) if (i % 3 === 0) add(s, `段${i}`, t);
    for (const q of ['腾讯', '产业', '的', '转型', '云']) {
      for (const h of s.search.search(q).hits.filter((x) => x.hit)) {
        const source = s.articles.sourceText(h.articleId)!;
        const words = source.slice(h.hit!.start, h.hit!.end);
        expect(fold(words).text).toBe(fold(q).text);
        expect(h.snippet.slice(h.mark!.start, h.mark!.end)).toBe(words.replace(/\n/g, ' '));
      }
    }
    s.close();
  });

  it('finds the first hit and its context in long articles as reading the whole text would, chunk edges, astral characters and long queries too', () => {
    const s = open();
    // Real Taiwan and Simplified prose run together into long paragraphs (folded text in many
    // chunks), with length-changing phrases (隨身碟 → U盘), characters outside the BMP and short
    // blocks, so hits fall on chunk edges, across block breaks and after surrogate pairs.
    const prose = paragraphs();
    const long = (k: number, n: number) =>
      prose
        .slice(k, k + n)
        .join('')
        .replace(/\s*\n\s*/g, '');
    const texts = [
      `${long(0, 40)}\n\n檔案存到隨身碟。\n\n${long(40, 30)}\n\n短。\n\n${long(70, 20)}`,
      `𠮷野家的𩸽很好吃。${long(90, 30)}𠮷\n\n${long(120, 40)}𩸽隨身碟`,
      long(160, 16),
    ];
    const ids = texts.map((t, i) => add(s, `长文${i}`, t));
    let checked = 0;
    for (const [n, id] of ids.entries()) {
      const source = s.articles.sourceText(id)!;
      const folded = fold(source);
      const queries: string[] = [];
      for (let at = 0; at < folded.text.length; at += 97)
        for (const k of [1, 2, 5]) queries.push(folded.text.slice(at, at + k));
      for (const edge of [1024, 2048, 3072])
        for (let d = -3; d <= 3; d++) queries.push(folded.text.slice(edge + d, edge + d + 4));
      // Longer than the chunks overlap: read back whole.
      const inLine = (from: number, length: number) => {
        for (let at = from; at + length <= folded.text.length; at++) {
          const q = folded.text.slice(at, at + length);
          if (!q.includes('\n')) return q;
        }
        return '';
      };
      for (const at of [500, 2500]) queries.push(inLine(at, CHUNK_OVERLAP + 40));
      for (const raw of queries) {
        const q = raw.trim();
        // Broken surrogate pairs and line breaks are not queries anyone types.
        if (q === '' || /\n|^[\udc00-\udfff]|[\ud800-\udbff]$/.test(q)) continue;
        const at = folded.text.indexOf(q);
        const hit = folded.alignment.rangeToSource({ start: at, end: at + q.length });
        const expected = { hit, ...snippetAround(source, hit) };
        const found = s.search.search(q, { limit: 500 }).hits.find((h) => h.articleId === id);
        expect(found && { hit: found.hit, snippet: found.snippet, mark: found.mark }, `${n}: ${q}`).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
    // Some line holds both long queries.
    expect(Math.max(...texts.map((t) => Math.max(...t.split('\n').map((l) => l.length))))).toBeGreaterThan(3000);
    s.close();
  });

  it('finds an article by the title it was given in "Edit details…"', () => {
    const s = open();
    const id = add(s, '旧的标题', '正文里没有那几个字。');
    expect(s.search.search('长城脚下').hits).toEqual([]);
    s.library.updateMeta(id, { title: '长城脚下的人' });
    expect(s.search.search('长城脚下').hits).toMatchObject([{ articleId: id, inTitle: true }]);
    expect(s.search.search('旧的标题').hits).toEqual([]);
    s.close();
  });

  it('follows import, replace, delete, restore and purge in the same transaction', async () => {
    const s = open();
    const id = add(s, '旧稿', '腾讯的旧文字。');
    const ids = (q: string) => s.search.search(q).hits.map((h) => h.articleId);
    expect(ids('旧文字')).toEqual([id]);
    const replaced = await s.library.replaceText(id, {
      name: '新稿.txt',
      bytes: new TextEncoder().encode('新稿\n\n阿里的新文字。'),
    });
    expect(replaced.status).toBe('replaced');
    expect(ids('旧文字')).toEqual([]);
    expect(ids('新文字')).toEqual([id]);
    expect(ids('新稿')).toEqual([id]);
    s.library.delete(id);
    expect(ids('新文字')).toEqual([]);
    s.library.restore(id);
    expect(ids('新文字')).toEqual([id]);
    s.library.delete(id);
    s.articles.purgeDeleted();
    expect(s.db.prepare('SELECT count(*) AS n FROM search_docs').get()).toEqual({ n: 0 });
    expect(s.db.prepare(`SELECT count(*) AS n FROM search_texts`).get()).toEqual({ n: 0 });
    expect(s.db.prepare(`SELECT count(*) AS n FROM search_chars WHERE search_chars MATCH '"65b0"'`).get()).toEqual({
      n: 0,
    });
    // An import that fails after the article is stored leaves no index row behind.
    expect(() =>
      s.db.transaction(() => {
        add(s, '回滚', '回滚的文字。');
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(ids('回滚')).toEqual([]);
    expect(s.db.prepare('SELECT count(*) AS n FROM search_docs').get()).toEqual({ n: 0 });
    s.close();
  });

  it('pages in SQL: pages put together are the whole ranking, with the total on each', () => {
    const s = open();
    for (let i = 0; i < 23; i++) add(s, `篇${i}`, '的'.repeat(i + 1) + `。第${i}篇`);
    const all = s.search.search('的', { limit: 500 });
    expect(all.total).toBe(23);
    expect(all.hits.map((h) => h.count)).toEqual(Array.from({ length: 23 }, (_, i) => 23 - i));
    const pages = [0, 10, 20].map((offset) => s.search.search('的', { offset, limit: 10 }));
    expect(pages.map((p) => p.hits.length)).toEqual([10, 10, 3]);
    expect(pages.every((p) => p.total === 23)).toBe(true);
    expect(pages.flatMap((p) => p.hits)).toEqual(all.hits);
    expect(s.search.search('的', { offset: 40, limit: 10 })).toMatchObject({ hits: [], total: 23 });
    s.close();
  });

  it('indexes a library made before the index (schema 6) on first start, with progress events', async () => {
    const dataDir = tempDir();
    const old = new Database(join(dataDir, DATABASE_FILE));
    migrate(old, MIGRATIONS, 6);
    const insert = old.prepare(
      `INSERT INTO articles (title, script, script_form, content_hash, char_count, imported_at, updated_at)
       VALUES (?, 'traditional', 'taiwan', ?, 0, ?, ?)`,
    );
    const block = old.prepare(`INSERT INTO article_blocks VALUES (?, ?, 'paragraph', ?, ?)`);
    const texts = paragraphs().slice(0, 120);
    old.transaction(() =>
      texts.forEach((t, i) => {
        const stamp = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
        const id = insert.run(`第${i}篇`, `hash-${i}`, stamp, stamp).lastInsertRowid;
        block.run(id, 0, '標題', 0);
        block.run(id, 1, t, 3);
      }),
    )();
    old.close();

    const events: EventPayloads['searchIndexProgress'][] = [];
    const s = open(dataDir, (e, p) => {
      if (e === 'searchIndexProgress') events.push(p as EventPayloads['searchIndexProgress']);
    });
    expect(s.search.pending()).toBe(120);
    expect(await s.indexed).toBe(120);
    expect(s.search.pending()).toBe(0);
    expect(events[0]).toEqual({ done: 0, total: 120 });
    expect(events.at(-1)).toEqual({ done: 120, total: 120 });
    expect(events.length).toBeGreaterThan(2);
    const q = texts[7]!.slice(2, 6);
    const expected = texts.filter((t) => occurrences(fold(`標題\n${t}`).text, fold(q).text) > 0).length;
    expect(s.search.search(q, { limit: 500 }).total).toBe(expected);
    expect(s.search.search('标题', { limit: 500 }).total).toBe(120);
    s.close();
  });
});
