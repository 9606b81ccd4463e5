import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, zh } from './messages';

/** The console speaks Simplified Chinese first; English is the second language. The choice (not the session) is kept in localStorage. */
const LANGUAGE_KEY = 'staffing-desk.language';
export type Language = 'zh' | 'en';

function storedLanguage(): Language {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function changeLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = storedLanguage() === 'zh' ? 'zh-CN' : 'en';
