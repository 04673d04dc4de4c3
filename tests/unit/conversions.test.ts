import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Alignment } from '../../preload/contract/alignment';
import { TEXT_WINDOW_CHARS } from '../../preload/contract/types';
import { ArticleStore } from '../../main/db/articles';
import { openDatabase } from '../../main/db/connection';
import { ConversionStore } from '../../main/db/conversions';
import { SettingsStore } from '../../main/db/settings';
import { ConversionService } from '../../main/script/conversions';
import { convert, dictionaryVersion } from '../../main/script/convert';
import { InlineRunner, WorkerRunner, type ConversionRunner } from '../../main/script/runner';
import { openServices, DATABASE_FILE } from '../../main/services';
import { buildWorker } from '../helpers/build-worker';
import { SAMPLES_DIR, sample, tempDir } from '../helpers/data';

/** Counts what the runner is asked to do. */
class CountingRunner implements ConversionRunner {
  calls = 0;
  private readonly inner = new InlineRunner();
  convert(...args: Parameters<ConversionRunner['convert']>) {
    this.calls++;
    return this.inner.convert(...args);
  }
  close() {
    return this.inner.close();
  }
}

function library() {
  const dataDir = tempDir();
  const services = openServices({ dataDir, samplesDir: SAMPLES_DIR });
  const byPrefix = (title: string) => services.articles.list().find((a) => a.title.startsWith(title))!.id;
  return {
    dataDir,
    services,
    simplified: byPrefix('从消费互联网'),
    taiwan: byPrefix('騰訊產業互聯網週年考'),
    standard: byPrefix('產業互聯網六年'),
  };
}

describe('ConversionService.window: the first screen', () => {
  it('starts at the block holding the reading position, in the script shown, exactly as the whole text shows it', async () => {
    const { services, simplified } = library();
    const article = services.articles.get(simplified)!;
    const third = article.blocks[3]!;
    // The reading position is inside the fourth block.
    services.articles.saveReadingPosition(simplified, third.start + 5, 0.1);
    const original = await services.conversions.window(simplified, 'original');
    expect(original.anchor).toBe(third.start + 5);
    expect(original.blocks[0]!.text).toBe(third.text);
    expect(original.firstOffset).toBe(5);
    expect(original.blocks.map((b) => b.text)).toEqual(
      article.blocks.slice(3, 3 + original.blocks.length).map((b) => b.text),
    );
    // Block starts count from the window's first block.
    expect(original.blocks[1]!.start).toBe(third.text.length + 1);

    const whole = await services.conversions.view(simplified, 'taiwanPhrases');
    const shown = await services.conversions.window(simplified, 'taiwanPhrases');
    expect(shown.script).toBe('taiwanPhrases');
    expect(shown.blocks.map((b) => b.text)).toEqual(whole.blocks.slice(3, 3 + shown.blocks.length).map((b) => b.text));
    // The anchor maps through the conversion: where the whole text's alignment puts it in its block.
    const alignment = Alignment.fromJSON(whole.alignment);
    expect(shown.firstOffset).toBe(alignment.toTarget(third.start + 5) - whole.blocks[3]!.start);
    services.close();
  });

  it('holds a screen and no more: bounded in characters, the first block always whole', async () => {
    const { services } = library();
    const long = ['长文', ...Array.from({ length: 400 }, (_, i) => `第${i}段。${'内存和软件'.repeat(20)}`)].join('\n');
    const imported = services.library.importText(long, '长文');
    if (imported.status !== 'imported') throw new Error(imported.status);
    const id = imported.article.id;
    const w = await services.conversions.window(id, 'taiwanPhrases', 0);
    const source = await services.conversions.window(id, 'original', 0);
    // Bounded in characters of the source; the conversion shows the same blocks.
    const chars = source.blocks.reduce((n, b) => n + b.text.length + 1, 0);
    expect(w.blocks).toHaveLength(source.blocks.length);
    expect(w.blocks.length).toBeLessThan(400);
    expect(chars).toBeGreaterThanOrEqual(TEXT_WINDOW_CHARS);
    expect(chars).toBeLessThan(TEXT_WINDOW_CHARS + 200);
    expect(w.blocks[1]!.text).toContain('記憶體和軟體');
    expect(w.charCount).toBe(imported.article.charCount);
    // Inside a block, the place moves with the conversion: 第5段。内存和| is 第5段。記憶體和| in Taiwan wording.
    const inside = await services.conversions.window(id, 'taiwanPhrases', long.indexOf('第5段') + 7);
    expect(inside.blocks[0]!.text.slice(0, inside.firstOffset)).toBe('第5段。記憶體和');
    // Far in, it starts there.
    const far = await services.conversions.window(id, 'original', long.indexOf('第300段'));
    expect(far.blocks[0]!.text.startsWith('第300段')).toBe(true);
    expect(far.firstOffset).toBe(0);
    await expect(services.conversions.window(99999)).rejects.toMatchObject({ code: 'not_found' });
    services.close();
  });
});

describe('ConversionService', () => {
  it('shows an article in another script, block for block, with an exact alignment', async () => {
    const { services, simplified } = library();
    const view = await services.conversions.view(simplified, 'taiwanPhrases');
    const article = services.articles.get(simplified)!;
    expect(view.script).toBe('taiwanPhrases');
    expect(view.chain).toEqual(['s2twp']);
    expect(view.blocks).toHaveLength(article.blocks.length);
    const source = article.blocks.map((b) => b.text).join('\n');
    const expected = convert(source, 's2twp').text;
    expect(view.blocks.map((b) => b.text).join('\n')).toBe(expected);
    // Each converted block starts where the alignment puts its source block.
    const alignment = Alignment.fromJSON(view.alignment);
    article.blocks.forEach((b, i) => expect(alignment.toTarget(b.start)).toBe(view.blocks[i]!.start));
    expect(view.blocks[0]!.text).toBe(convert(article.blocks[0]!.text, 's2twp').text);
    services.close();
  });

  it('converts by the detected forms: Taiwan text goes through tw2s, and to Hong Kong through tw2t then t2hk', async () => {
    const { services, taiwan, standard } = library();
    expect(services.articles.get(taiwan)!.scriptForm).toBe('taiwan');
    expect(services.articles.get(standard)!.scriptForm).toBe('standard');
    expect((await services.conversions.view(taiwan, 'simplified')).chain).toEqual(['tw2s']);
    expect((await services.conversions.view(taiwan, 'hongkong')).chain).toEqual(['tw2t', 't2hk']);
    expect((await services.conversions.view(standard, 'simplified')).chain).toEqual(['t2s']);
    // A script the text is already in is the original.
    const same = await services.conversions.view(taiwan, 'taiwan');
    expect(same.script).toBe('original');
    expect(same.blocks).toEqual(services.articles.get(taiwan)!.blocks);
    services.close();
  });

  it('opens in the script chosen for the article, else the default from settings', async () => {
    const { services, simplified, standard } = library();
    expect((await services.conversions.view(simplified)).script).toBe('original');
    services.settings.update({ defaultScript: 'traditional' });
    expect((await services.conversions.view(simplified)).script).toBe('traditional');
    // Traditional by default means the original for a Traditional article.
    expect((await services.conversions.view(standard)).script).toBe('original');
    services.conversions.choose(simplified, 'hongkong');
    expect((await services.conversions.view(simplified)).script).toBe('hongkong');
    expect(services.articles.get(simplified)!.displayScript).toBe('hongkong');
    services.conversions.choose(simplified, null);
    expect((await services.conversions.view(simplified)).script).toBe('traditional');
    expect(() => services.conversions.choose(9999, 'simplified')).toThrow(/not in the library/);
    services.close();
  });

  it('caches per article and chain, and a dictionary update invalidates the cache', async () => {
    const dataDir = tempDir();
    const seed = openServices({ dataDir, samplesDir: SAMPLES_DIR });
    const id = seed.articles.list().find((a) => a.script === 'simplified')!.id;
    seed.close();

    const open = (version: string) => {
      const db = openDatabase(join(dataDir, DATABASE_FILE));
      const articles = new ArticleStore(db);
      const runner = new CountingRunner();
      return {
        db,
        runner,
        service: new ConversionService(new ConversionStore(db), articles, new SettingsStore(db), runner, version),
      };
    };
    const first = open('dict-1');
    const a = await first.service.view(id, 'traditional');
    expect(a.cached).toBe(false);
    const b = await first.service.view(id, 'traditional');
    expect(b.cached).toBe(true);
    expect(b.blocks).toEqual(a.blocks);
    expect(first.runner.calls).toBe(1);
    // Two requests at once share one conversion.
    await Promise.all([first.service.view(id, 'hongkong'), first.service.view(id, 'hongkong')]);
    expect(first.runner.calls).toBe(2);
    first.db.close();

    // Reopened with the same dictionaries: straight from SQLite, no conversion at all.
    const again = open('dict-1');
    expect((await again.service.view(id, 'traditional')).cached).toBe(true);
    expect(again.runner.calls).toBe(0);
    again.db.close();

    // New dictionaries: stale entries are pruned, and the next view converts afresh.
    const updated = open('dict-2');
    expect(updated.service.pruneStale()).toBe(2);
    const c = await updated.service.view(id, 'traditional');
    expect(c.cached).toBe(false);
    expect(c.dictionaryVersion).toBe('dict-2');
    expect(updated.runner.calls).toBe(1);
    const row = updated.db
      .prepare('SELECT dictionary_version FROM conversions WHERE content_hash = ?')
      .all(new ArticleStore(updated.db).contentHash(id));
    expect(row).toEqual([{ dictionary_version: 'dict-2' }]);
    updated.db.close();
  });

  it('deleting an article drops its cached conversions', async () => {
    const { services, dataDir, simplified } = library();
    const hash = services.articles.contentHash(simplified);
    await services.conversions.view(simplified, 'traditional');
    expect(services.db.prepare('SELECT count(*) AS n FROM conversions WHERE content_hash = ?').get(hash)).toEqual({
      n: 1,
    });
    services.library.delete(simplified);
    services.close();
    const reopened = openServices({ dataDir });
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM conversions WHERE content_hash = ?').get(hash)).toEqual({ n: 0 });
    db.close();
    reopened.close();
  });

  it('fills in the forms of articles imported before forms were detected', () => {
    const { services, dataDir, taiwan } = library();
    services.db.prepare('UPDATE articles SET script_form = NULL').run();
    services.close();
    const reopened = openServices({ dataDir });
    expect(reopened.articles.get(taiwan)!.scriptForm).toBe('taiwan');
    reopened.close();
  });

  it('knows where the conversion changed words, not just characters', async () => {
    const dataDir = tempDir();
    const services = openServices({ dataDir });
    const outcome = services.library.importText('用软件和U盘，头发很干燥。', '测试');
    const id = outcome.status === 'imported' ? outcome.article.id : 0;
    const view = await services.conversions.view(id, 'taiwanPhrases');
    const text = view.blocks.map((b) => b.text).join('\n');
    const source = services.articles.sourceText(id)!;
    const words: string[] = [];
    for (let i = 0; i < view.wordChanges.length; i += 4) {
      const [ss, se, ts, te] = view.wordChanges.slice(i, i + 4) as [number, number, number, number];
      words.push(`${source.slice(ss, se)}→${text.slice(ts, te)}`);
    }
    // 頭髮 and 乾燥 are the same words in another script; 軟體 and 隨身碟 are other words.
    expect(words).toEqual(['软件→軟體', 'U盘→隨身碟']);
    expect((await services.conversions.view(id, 'traditional')).wordChanges).toEqual([]);
    expect((await services.conversions.view(id, 'taiwanPhrases')).cached).toBe(true);
    expect((await services.conversions.view(id, 'taiwanPhrases')).wordChanges).toEqual(view.wordChanges);
    services.close();
  });

  it('uses the dictionary version of the installed data', () => {
    expect(dictionaryVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(dictionaryVersion()).toBe(dictionaryVersion());
  });
});

describe('WorkerRunner', () => {
  let workerFile: string;
  let runner: WorkerRunner;

  beforeAll(async () => {
    workerFile = await buildWorker('main/script/worker.ts', 'convert-worker');
    runner = new WorkerRunner(workerFile);
  });
  afterAll(() => runner.close());

  it('converts off the main thread with the same result as inline', async () => {
    const text = sample('001');
    const [viaWorker, inline] = await Promise.all([
      runner.convert(text, ['tw2t', 't2hk']),
      new InlineRunner().convert(text, ['tw2t', 't2hk']),
    ]);
    expect(viaWorker).toEqual(inline);
    expect(viaWorker.text).not.toBe(text);
  });

  it('answers requests in order and reports a bad request as an error without dying', async () => {
    const results = await Promise.all(['头发', '干部', '之后'].map((t) => runner.convert(t, ['s2t'])));
    expect(results.map((r) => r.text)).toEqual(['頭髮', '幹部', '之後']);
    await expect(runner.convert('x', ['nope' as 's2t'])).rejects.toThrow(/Unknown variant/);
    expect((await runner.convert('发展', ['s2t'])).text).toBe('發展');
  });

  it('loads in the background the dictionaries of every script the library can be shown in, the default first', async () => {
    const dataDir = tempDir();
    const services = openServices({ dataDir, samplesDir: SAMPLES_DIR, conversionWorker: workerFile, warmAfterMs: 0 });
    const warmed = await services.warmed;
    // The samples are Simplified, Taiwan and standard Traditional: each kind's chains, none twice.
    expect(warmed).toEqual(expect.arrayContaining(['s2twp', 's2hk', 'tw2s', 'tw2t+t2hk', 't2s', 't2tw']));
    expect(new Set(warmed).size).toBe(warmed.length);
    expect(warmed).toEqual(services.conversions.chainsNeeded().map((c) => c.join('+')));
    services.close();

    // A Simplified library with Taiwan as the default: s2tw first, and no chain of a Traditional source.
    const simplifiedOnly = openServices({ dataDir, warmAfterMs: 0 });
    for (const a of simplifiedOnly.articles.list()) {
      if (a.scriptForm !== null) simplifiedOnly.library.delete(a.id);
    }
    simplifiedOnly.settings.update({ defaultScript: 'taiwan' });
    expect(simplifiedOnly.conversions.chainsNeeded().map((c) => c.join('+'))).toEqual(['s2tw', 's2t', 's2twp', 's2hk']);
    // Without a worker nothing is warmed (inline, it would hold up this thread).
    expect(await simplifiedOnly.warmed).toEqual([]);
    simplifiedOnly.close();
  });

  it('serves the app: services open with the worker and views come from it', async () => {
    const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR, conversionWorker: workerFile });
    const id = services.articles.list().find((a) => a.script === 'simplified')!.id;
    const view = await services.conversions.view(id, 'traditional');
    expect(view.blocks[0]!.text).toBe(convert(services.articles.get(id)!.blocks[0]!.text, 's2t').text);
    services.close();
  });
});
