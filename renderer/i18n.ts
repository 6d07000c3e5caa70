/**
 * i18next set-up: English and Japanese, chosen from the browser's language (`?lang=` wins,
 * for screenshots and tests).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.js';
import { ja } from './locales/ja.js';

function chosenLanguage(): string {
  const asked = new URLSearchParams(window.location.search).get('lang');
  const language = asked ?? navigator.language;
  return language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Initialises i18next once, before the first render. */
export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: chosenLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
}
