import { describe, expect, it } from 'vitest';
import { argSchemas } from '../../preload/contract/schemas';
import { FIND_MAX_HITS } from '../../preload/contract/reading-settings';
import { effectiveScript } from '../../preload/contract/scripts';
import { fold } from '../../main/script/fold';
import { findAll } from '../../main/script/find';
import { openServices } from '../../main/services';
import { SAMPLES_DIR, tempDir } from '../helpers/data';

const imported = (services: ReturnType<typeof openServices>, text: string, title: string) => {
  const outcome = services.library.importText(text, title);
  if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`);
  return outcome.article.id;
};

describe('find in an article', () => {
  it('finds every occurrence in any script and wording, as source ranges of the text as written', () => {
    const services = openServices({ dataDir: tempDir() });
    const text = '騰訊的軟體很好用。\n我把軟體存在隨身碟裡，騰訊也說好。';
    const id = imported(services, text, '軟體');
    const words = (query: string) => services.find.find(id, query).hits.map((h) => text.slice(h.start, h.end));
    expect(words('腾讯')).toEqual(['騰訊', '騰訊']);
    expect(words('软件')).toEqual(['軟體', '軟體']);
    expect(words('U盘')).toEqual(['隨身碟']);
    expect(words('騰訊')).toEqual(['騰訊', '騰訊']);
    expect(services.find.find(id, '阿里')).toEqual({ hits: [], total: 0 });
    expect(services.find.find(id, '  ')).toEqual({ hits: [], total: 0 });
    services.close();
  });

  it('agrees with folding the whole text afresh on the sample articles (the index is read, not trusted blindly)', () => {
    const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
    const articles = services.articles.list({});
    expect(articles.length).toBe(3);
    for (const a of articles) {
      const text = services.articles.sourceText(a.id) ?? '';
      for (const query of ['腾讯', '互联网', '产业', '的']) {
        const found = services.find.find(a.id, query);
        const fresh = findAll(fold(text), fold(query).text);
        expect(found, `${a.title} ${query}`).toEqual(fresh);
        expect(found.total).toBeGreaterThan(0);
      }
    }
    services.close();
  });

  it('follows the article when its text is replaced (the cached fold is not reused)', async () => {
    const services = openServices({ dataDir: tempDir() });
    const id = imported(services, '騰訊一次。', '一');
    expect(services.find.find(id, '腾讯').total).toBe(1);
    const bytes = new TextEncoder().encode('騰訊兩次，還有騰訊。');
    const report = await services.library.replaceText(id, { name: 'edited.txt', bytes });
    expect(report.status).toBe('replaced');
    expect(services.find.find(id, '腾讯').hits).toEqual([
      { start: 0, end: 2 },
      { start: 7, end: 9 },
    ]);
    services.close();
  });

  it('counts every hit but returns at most FIND_MAX_HITS', () => {
    const text = '的'.repeat(FIND_MAX_HITS + 5);
    const found = findAll(fold(text), '的');
    expect(found.total).toBe(FIND_MAX_HITS + 5);
    expect(found.hits).toHaveLength(FIND_MAX_HITS);
    expect(found.hits[1]).toEqual({ start: 1, end: 2 });
  });

  it('validates its arguments', () => {
    expect(argSchemas.findInArticle.safeParse([1, '腾讯']).success).toBe(true);
    expect(argSchemas.findInArticle.safeParse([0, '腾讯']).success).toBe(false);
    expect(argSchemas.findInArticle.safeParse([1, 'x'.repeat(501)]).success).toBe(false);
  });
});

describe('reading settings', () => {
  it('have defaults, are remembered, and refuse values out of range', () => {
    const dataDir = tempDir();
    const services = openServices({ dataDir });
    expect(services.settings.get()).toMatchObject({ fontFamily: 'song', lineHeight: 1.8, writingMode: 'horizontal' });
    services.settings.update({ fontFamily: 'hei', lineHeight: 2.2, theme: 'custom', customBackground: '#112233' });
    services.close();
    const again = openServices({ dataDir });
    expect(again.settings.get()).toMatchObject({
      fontFamily: 'hei',
      lineHeight: 2.2,
      theme: 'custom',
      customBackground: '#112233',
      lineLength: 36,
    });
    again.close();
    const patch = (p: object) => argSchemas.updateSettings.safeParse([p]).success;
    expect(patch({ lineHeight: 2 })).toBe(true);
    expect(patch({ lineHeight: 9 })).toBe(false);
    expect(patch({ customText: 'red' })).toBe(false);
    expect(patch({ fontFamily: 'comic' })).toBe(false);
    expect(patch({ writingMode: 'vertical' })).toBe(true);
    expect(patch({ writingMode: undefined })).toBe(false);
  });

  it('keep a writing mode per article, and null follows the default', () => {
    const dataDir = tempDir();
    const services = openServices({ dataDir });
    const a = imported(services, '第一篇。', '一');
    const b = imported(services, '第二篇。', '二');
    expect(services.settings.writingMode(a)).toBeNull();
    services.settings.setWritingMode(a, 'vertical');
    services.close();
    const again = openServices({ dataDir });
    expect(again.settings.writingMode(a)).toBe('vertical');
    expect(again.settings.writingMode(b)).toBeNull();
    again.settings.setWritingMode(a, null);
    expect(again.settings.writingMode(a)).toBeNull();
    again.close();
  });
});

describe('the default script', () => {
  it('"Traditional with Taiwan phrases" opens a Traditional article in Taiwan forms, not as written', () => {
    expect(effectiveScript('t', null, 'taiwanPhrases')).toBe('taiwan');
    expect(effectiveScript('hk', null, 'taiwanPhrases')).toBe('taiwan');
    // Already in Taiwan forms: nothing to change.
    expect(effectiveScript('tw', null, 'taiwanPhrases')).toBe('original');
    expect(effectiveScript('s', null, 'taiwanPhrases')).toBe('taiwanPhrases');
    // The reader's own choice for the article still wins.
    expect(effectiveScript('t', 'original', 'taiwanPhrases')).toBe('original');
    expect(effectiveScript('t', null, 'simplified')).toBe('simplified');
  });
});
