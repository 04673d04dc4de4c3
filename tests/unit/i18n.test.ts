import { describe, expect, it } from 'vitest';
import { en, zhHans, zhHant } from '../../renderer/i18n/messages';
import { resolveLocale, translator, uiLocaleFor } from '../../renderer/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('every language has every message, with the same placeholders', () => {
    for (const catalog of [zhHans, zhHant]) {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(placeholders(catalog[key]), key).toEqual(placeholders(en[key]));
        expect(catalog[key].trim(), key).not.toBe('');
      }
    }
  });

  it('picks the UI language from the system locale', () => {
    expect(uiLocaleFor('zh-CN')).toBe('zh-Hans');
    expect(uiLocaleFor('zh_SG')).toBe('zh-Hans');
    expect(uiLocaleFor('zh-TW')).toBe('zh-Hant');
    expect(uiLocaleFor('zh-HK')).toBe('zh-Hant');
    expect(uiLocaleFor('zh-Hant-MO')).toBe('zh-Hant');
    expect(uiLocaleFor('en-GB')).toBe('en');
    expect(uiLocaleFor('fr')).toBe('en');
    expect(resolveLocale('system', 'zh-TW')).toBe('zh-Hant');
    expect(resolveLocale('en', 'zh-TW')).toBe('en');
  });

  it('fills placeholders', () => {
    expect(translator('zh-Hans')('library.open', { title: '标题' })).toBe('打开《标题》');
    expect(translator('en')('import.progress', { done: 1, total: 3, name: 'a.txt' })).toBe('Importing 1 / 3: a.txt');
  });
});

describe('parameters from outside', () => {
  it('are shown without bidi controls, so a right-to-left override cannot disguise a file name', () => {
    for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      const shown = translator(locale)('delete.confirmBody', { title: '報告\u202Etxt.exe' });
      expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(shown).toContain('報告txt.exe');
    }
  });
});
