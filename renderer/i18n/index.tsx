import { createContext, useContext, type ReactNode } from 'react';
import { forDisplay } from '../../preload/contract/display';
import type { LocaleSetting } from '../../preload/contract/types';
import { en, zhHans, zhHant, type MessageKey, type Messages } from './messages';

/** The UI languages. */
export type UiLocale = 'zh-Hans' | 'zh-Hant' | 'en';

export const UI_LOCALES: readonly UiLocale[] = ['zh-Hans', 'zh-Hant', 'en'];
export const LOCALE_NAMES: Record<UiLocale, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };

const CATALOGS: Record<UiLocale, Messages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

/** Maps a system locale (zh-CN, zh-TW, zh-Hant-HK, en-US…) to a UI language. */
export function uiLocaleFor(systemLocale: string): UiLocale {
  const tag = systemLocale.toLowerCase().replace(/_/g, '-');
  if (!tag.startsWith('zh')) return 'en';
  if (/hant|-tw|-hk|-mo/.test(tag)) return 'zh-Hant';
  return 'zh-Hans';
}

export function resolveLocale(setting: LocaleSetting, systemLocale: string): UiLocale {
  return setting === 'system' ? uiLocaleFor(systemLocale) : setting;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: UiLocale): Translate {
  const catalog = CATALOGS[locale];
  return (key, params) => {
    const text = catalog[key];
    // Parameters are titles and file names from outside: shown without bidi controls, on one line,
    // so that a right-to-left override cannot disguise "txt.exe" inside a message.
    return params
      ? text.replace(/\{(\w+)\}/g, (m, name: string) => {
          const value = params[name];
          return value === undefined ? m : typeof value === 'string' ? forDisplay(value) : String(value);
        })
      : text;
  };
}

interface I18n {
  locale: UiLocale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'en', t: translator('en') });

export function I18nProvider({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: translator(locale) }}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);

export type { MessageKey };
