import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { dictionaries } from './dictionaries.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

const STORAGE_KEY = 'resonance.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The saved choice, else the browser's languages (any Chinese → zh-CN), else English. */
export function detectLocale(): AppLocale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isAppLocale(saved)) return saved;
  } catch {
    // storage disabled
  }
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: dictionaries['zh-CN'] }, en: { translation: dictionaries.en } },
  lng: detectLocale(),
  fallbackLng: 'en',
  // React escapes text itself.
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export function currentLocale(): AppLocale {
  return isAppLocale(i18next.language) ? i18next.language : 'en';
}

export async function setLocale(locale: AppLocale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage disabled: the choice lasts for this visit
  }
  document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

export { i18next };
