import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openccDataDir } from '../../main/script/opencc/data';
import { foldForSearch } from '../../main/script/search';
import { openServices } from '../../main/services';
import { SAMPLES_DIR, tempDir } from '../helpers/data';

describe('search across scripts', () => {
  it('folds Traditional, Taiwan and Hong Kong forms and Simplified to one text', () => {
    expect(foldForSearch('騰訊')).toBe(foldForSearch('腾讯'));
    expect(foldForSearch('這裡')).toBe(foldForSearch('这里'));
    expect(foldForSearch('説明')).toBe(foldForSearch('说明'));
    expect(foldForSearch('CSIG 騰訊雲')).toBe('csig 腾讯云');
    expect(foldForSearch('騰訊')).not.toBe(foldForSearch('阿里'));
  });

  it('folds regional phrases too, for the library and the notes panel alike: 软件 finds 軟體, U盘 finds 隨身碟', () => {
    expect(foldForSearch('軟體')).toBe(foldForSearch('软件'));
    expect(foldForSearch('隨身碟')).toBe(foldForSearch('U盘'));
    const services = openServices({ dataDir: tempDir() });
    const outcome = services.library.importText('這套軟體很好用，檔案存在隨身碟。', '軟體');
    expect(outcome.status).toBe('imported');
    for (const query of ['软件', '軟件', 'U盘', '隨身碟']) {
      expect(
        services.search.search(query).hits.map((h) => h.count),
        query,
      ).toEqual([1]);
    }
    services.close();
  });

  it('finds 騰訊 when you type 腾讯, and the other way round, in the seed library', () => {
    const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
    const title = (id: number) => services.articles.get(id)!.title;
    const simplified = services.search.search('腾讯').hits;
    expect(simplified).toHaveLength(3);
    const traditional = services.search.search('騰訊').hits;
    expect(traditional.map((h) => [h.articleId, h.count])).toEqual(simplified.map((h) => [h.articleId, h.count]));

    // 週年考 is only in the Taiwan seed; typed in Simplified it is found there, with its context as written.
    const [hit, ...rest] = services.search.search('周年考').hits;
    expect(rest).toEqual([]);
    expect(title(hit!.articleId)).toMatch(/^騰訊產業互聯網週年考/);
    expect(hit!.snippet).toContain('週年考');
    expect(services.search.search('不存在的词语')).toMatchObject({ hits: [], total: 0 });
    expect(services.search.search('   ')).toMatchObject({ hits: [], total: 0 });

    // A deleted article is not found; the search follows the library.
    services.library.delete(hit!.articleId);
    expect(services.search.search('周年考').hits).toEqual([]);
    services.close();
  });

  /**
   * Hong Kong forms that only hk2s folds (tw2s leaves them as they are), found by running every
   * variant of OpenCC's HKVariants.txt through both: [Hong Kong form, standard form, Simplified].
   */
  const HONG_KONG_ONLY: [string, string, string][] = [
    ['衞', '衛', '卫'],
    ['衹', '只', '只'],
    ['粧', '妝', '妆'],
    ['敍', '敘', '叙'],
    ['枱', '檯', '台'],
    ['糭', '糉', '粽'],
  ];

  it('folds Hong Kong-only forms (衞 → 卫) through hk2s', () => {
    const hkVariants = new Map(
      readFileSync(join(openccDataDir(), 'dictionary', 'HKVariants.txt'), 'utf8')
        .split('\n')
        .filter((line) => line.includes('\t'))
        .map((line) => line.split('\t') as [string, string]),
    );
    for (const [hk, standard, simplified] of HONG_KONG_ONLY) {
      // The table says so: the Hong Kong form is OpenCC's HK variant of the standard one.
      expect(hkVariants.get(standard)?.split(' ')).toContain(hk);
      expect(foldForSearch(hk)).toBe(simplified);
      expect(foldForSearch(standard)).toBe(simplified);
    }
    expect(foldForSearch('香港衞生署')).toBe(foldForSearch('香港卫生署'));
  });

  it('finds an article written in Hong Kong forms when you type Simplified or Taiwan forms', () => {
    const services = openServices({ dataDir: tempDir() });
    const outcome = services.library.importText('衞生署提醒市民:枱面要清潔,糭子要煮熟。', '衞生署');
    expect(outcome.status).toBe('imported');
    for (const query of ['卫生署', '衛生署', '台面', '檯面', '粽子', '糉子']) {
      expect(services.search.search(query).hits.map((h) => h.count)).toEqual([1]);
    }
    const [hit] = services.search.search('卫生').hits;
    expect(hit!.snippet).toContain('衞生署');
    services.close();
  });
});
