import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../main/reading/dictionary';
import { CEDICT_ATTRIBUTION } from '../../preload/contract/reading';
import { sample, tempDir } from '../helpers/data';

// One instance for the file: the data loads once, as in the app.
const dictionary = new Dictionary();

describe('Dictionary on CC-CEDICT', () => {
  it('loads the whole of CC-CEDICT, keyed by both scripts', () => {
    const stats = dictionary.load();
    expect(stats.entries).toBeGreaterThan(120_000);
    expect(stats.keys).toBeGreaterThan(stats.entries);
  });

  it('keeps the packed dictionary in a cache folder and reads it back the same', () => {
    const cacheDir = tempDir('duizhao-cedict-');
    const first = new Dictionary({ cacheDir });
    expect(first.load()).toMatchObject({ from: 'package', entries: dictionary.load().entries });
    const second = new Dictionary({ cacheDir });
    expect(second.load()).toMatchObject({ from: 'cache', entries: dictionary.load().entries });
    const text = sample('001');
    for (const word of ['騰訊', '互聯網', '深圳', '執行']) {
      const at = text.indexOf(word);
      expect(second.lookupAt(text, at)).toEqual(dictionary.lookupAt(text, at));
    }
  });

  it('finds 软件 in Simplified text, with tone marks, Zhuyin and definitions', () => {
    const text = '我们的软件很好用';
    const r = dictionary.lookupAt(text, 3)!;
    expect(r).toMatchObject({ word: '软件', start: 3, end: 5, match: 'direct', mainland: null });
    expect(r.senses).toEqual([
      {
        traditional: '軟件',
        simplified: '软件',
        pinyin: 'ruǎn jiàn',
        pinyinNumbered: 'ruan3 jian4',
        zhuyin: 'ㄖㄨㄢˇ ㄐㄧㄢˋ',
        definitions: ['(computer) software'],
        isVariant: false,
      },
    ]);
  });

  it('in 软件开发 takes the longest word CC-CEDICT has, 软件开发 itself, unless told to stop at 2', () => {
    const r = dictionary.lookupAt('做软件开发', 1)!;
    expect(r).toMatchObject({ word: '软件开发', start: 1, end: 5 });
    expect(r.senses[0]!.definitions).toEqual(['software development']);
    expect(dictionary.lookupAt('做软件开发', 1, 2)).toMatchObject({ word: '软件', end: 3 });
    expect(dictionary.lookupAt('做软件开发', 3)).toMatchObject({ word: '开发', start: 3, end: 5 });
  });

  it('finds 軟件 in Traditional text', () => {
    const r = dictionary.lookupAt('軟件很好用', 0)!;
    expect(r).toMatchObject({ word: '軟件', start: 0, end: 2, match: 'direct' });
    expect(r.senses.map((s) => [s.simplified, s.pinyin])).toEqual([['软件', 'ruǎn jiàn']]);
  });

  it('finds the Taiwan phrase 軟體 as itself, with the Mainland word beside it', () => {
    const r = dictionary.lookupAt('這套軟體很好用', 2)!;
    expect(r).toMatchObject({ word: '軟體', start: 2, end: 4, match: 'direct' });
    expect(r.senses[0]!.pinyin).toBe('ruǎn tǐ');
    expect(r.senses[0]!.definitions).toContain('(Tw) software');
    expect(r.mainland?.word).toBe('软件');
    expect(r.mainland?.senses[0]!.definitions).toEqual(['(computer) software']);
  });

  it('prefers the longest word: 中华人民共和国 before 中华', () => {
    const r = dictionary.lookupAt('中华人民共和国成立', 0)!;
    expect(r.word).toBe('中华人民共和国');
    expect(r.end).toBe(7);
    expect(r.senses[0]!.pinyin).toBe('Zhōng huá Rén mín Gòng hé guó');
    // A shorter limit only reaches the shorter word.
    expect(dictionary.lookupAt('中华人民共和国成立', 0, 2)!.word).toBe('中华');
  });

  it('reads OpenCC-standard Traditional forms through t2s (爲 where CC-CEDICT writes 為)', () => {
    const text = sample('003');
    const at = text.indexOf('承認爲');
    expect(at).toBeGreaterThan(0);
    // 承認 is in CC-CEDICT as written; 認爲 only as 認為, so it matches after conversion.
    expect(dictionary.lookupAt(text, at)).toMatchObject({ word: '承認', match: 'direct' });
    const r = dictionary.lookupAt('他認爲', 1)!;
    expect(r).toMatchObject({ word: '认为', start: 1, end: 3, match: 'converted' });
    expect(r.senses[0]!.traditional).toBe('認為');
  });

  it('lists every reading of a 多音字 and puts variants last', () => {
    const r = dictionary.lookupWord('行')!;
    const readings = r.senses.map((s) => s.pinyinNumbered);
    expect(readings).toEqual(expect.arrayContaining(['hang2', 'xing2']));
    const variantAt = r.senses.findIndex((s) => s.isVariant);
    if (variantAt >= 0) expect(r.senses.slice(variantAt).every((s) => s.isVariant)).toBe(true);
    expect(dictionary.lookupWord('不是一个词语吗')).toBeNull();
  });

  it('looks up words of the seed articles in both scripts', () => {
    const simplified = sample('000');
    const traditional = sample('001');
    for (const [text, word, end] of [
      // 产业互联网 is not in CC-CEDICT: the longest word there is 产业.
      [simplified, '产业互联网', '产业'],
      [simplified, '云计算', '云计算'],
      [simplified, '腾讯', '腾讯'],
      [traditional, '騰訊', '騰訊'],
      [traditional, '執行副總裁', '執行'],
      [traditional, '副總裁', '副總裁'],
    ] as const) {
      const at = text.indexOf(word);
      const r = dictionary.lookupAt(text, at)!;
      expect(text.slice(r.start, r.end), word).toBe(end);
      expect(r.senses.length).toBeGreaterThan(0);
    }
  });

  it('returns null where nothing starts, and for offsets outside the text', () => {
    expect(dictionary.lookupAt('， ', 0)).toBeNull();
    expect(dictionary.lookupAt('软件', 2)).toBeNull();
    expect(dictionary.lookupAt('软件', -1)).toBeNull();
  });

  it('carries the CC BY-SA attribution for About', () => {
    expect(CEDICT_ATTRIBUTION).toMatch(/CC-CEDICT.*CC BY-SA 4\.0.*https:\/\/cc-cedict\.org\//);
  });
});
