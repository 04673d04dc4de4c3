import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFolded, fold, lowerLatin } from '../../main/script/fold';
import { sample } from '../helpers/data';

const found = (text: string, query: string) => findFolded(fold(text), query).map((r) => text.slice(r.start, r.end));

describe('fold', () => {
  it.each([
    ['腾讯', '騰訊'],
    ['软件', '軟體'],
    ['U盘', '隨身碟'],
    ['卫生', '衞生'],
    ['程序', '程式'],
    ['信息', '資訊'],
  ])('%s and %s fold to one form', (a, b) => {
    expect(fold(a).text).toBe(fold(b).text);
  });

  it('finds across scripts and regional wording, and maps the hit back to the words as written', () => {
    const taiwan = '這套軟體可以存在隨身碟裡，騰訊也有。';
    expect(found(taiwan, '软件')).toEqual(['軟體']);
    expect(found(taiwan, 'U盘')).toEqual(['隨身碟']);
    expect(found(taiwan, '腾讯')).toEqual(['騰訊']);
    expect(found('我用腾讯的软件。', '騰訊')).toEqual(['腾讯']);
  });

  it('folds Taiwan’s 程式 and a typed 程序 alike (the phrase chain is followed to its end)', () => {
    expect(found('這個程式很好用', '程序')).toEqual(['程式']);
    expect(found('这个程序很好用', '程式')).toEqual(['程序']);
  });

  it('is idempotent on the sample articles', () => {
    for (const id of ['000', '001', '003'] as const) {
      const once = fold(sample(id)).text;
      expect(fold(once).text).toBe(once);
    }
  });

  it('folds Latin case and width one unit for one', () => {
    expect(lowerLatin('ＡＢＣ１２３ Tencent')).toBe('abc123 tencent');
    fc.assert(fc.property(fc.string(), (s) => lowerLatin(s).length === s.length));
  });

  it('maps every hit on the Traditional sample back to text that folds to the query', () => {
    const text = sample('001');
    const folded = fold(text);
    for (const query of ['腾讯', '产业互联网', '云']) {
      const hits = findFolded(folded, query);
      expect(hits.length, query).toBeGreaterThan(0);
      for (const h of hits) expect(fold(text.slice(h.start, h.end)).text).toBe(fold(query).text);
    }
  });
});
