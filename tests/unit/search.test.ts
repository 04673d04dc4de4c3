import { describe, expect, it } from 'vitest';
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

  it('finds 騰訊 when you type 腾讯, and the other way round, in the seed library', () => {
    const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
    const title = (id: number) => services.articles.get(id)!.title;
    const simplified = services.search.search('腾讯');
    expect(simplified).toHaveLength(3);
    const traditional = services.search.search('騰訊');
    expect(traditional.map((h) => [h.articleId, h.count])).toEqual(simplified.map((h) => [h.articleId, h.count]));

    // 週年考 is only in the Taiwan seed; typed in Simplified it is found there, with its context as written.
    const [hit, ...rest] = services.search.search('周年考');
    expect(rest).toEqual([]);
    expect(title(hit!.articleId)).toMatch(/^騰訊產業互聯網週年考/);
    expect(hit!.snippet).toContain('週年考');
    expect(services.search.search('不存在的词语')).toEqual([]);
    expect(services.search.search('   ')).toEqual([]);

    // A deleted article is not found; the search follows the library.
    services.library.delete(hit!.articleId);
    expect(services.search.search('周年考')).toEqual([]);
    services.close();
  });
});
