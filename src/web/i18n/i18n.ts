import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

import { LOCALES, type Locale } from '../../common/enums.js';

export const LANGUAGES = LOCALES;
export type Language = Locale;

const STORAGE_KEY = 'shanmei.lang';

function storedLanguage(): Language {
  const v = localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as Language) : 'zh-CN';
}

/** Chinese unless the person chose otherwise on this device; <html lang> follows the choice. */
export function initI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    localStorage.setItem(STORAGE_KEY, lng);
  });
  return i18n;
}

/** True when the UI language is English (used to pick the English name of data with both). */
export const isEnglish = (lng: string): boolean => lng.startsWith('en');
