import i18next from 'i18next'
import { en, type Strings } from './en'
import { setCurrentLocale } from './locale'
import { vi } from './vi'

/**
 * The UI's language. i18next resolves the language (a setting, or the OS/browser locale such as
 * `vi-VN`, to a supported one, falling back to English) and holds the catalogs; the catalogs are
 * typed objects (`en.ts`, and `vi.ts` of the same type), so a missing Vietnamese string or a wrong
 * argument is a compile error, not a blank at run time. Components read `strings` as they render;
 * the app re-mounts its views when the language changes (see App), so everything shows the new one.
 */
export type Language = 'en' | 'vi'
export type LanguageSetting = Language | 'system'
export const languages: readonly Language[] = ['en', 'vi']

const i18n = i18next.createInstance()
void i18n.init({
  resources: { en: { translation: en }, vi: { translation: vi } },
  supportedLngs: [...languages],
  nonExplicitSupportedLngs: true,
  load: 'languageOnly',
  fallbackLng: 'en',
  lng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
})

/** The strings in use: a live binding, replaced when the language changes. */
export let strings: Strings = en

/** The language a setting means: 'system' follows the OS locale (in browser mode, the browser's). */
export function resolveLanguage(setting: LanguageSetting, locales: readonly string[] = navigator.languages): Language {
  if (setting !== 'system') return setting
  for (const locale of locales) {
    const base = locale.toLowerCase().split('-')[0]
    if (base === 'vi' || base === 'en') return base
  }
  return 'en'
}

/** Switches the UI to `language`; returns it. Views re-read `strings` when they next render. */
export function applyLanguage(language: Language): Language {
  if (i18n.resolvedLanguage !== language) void i18n.changeLanguage(language)
  strings = i18n.getResourceBundle(i18n.resolvedLanguage ?? 'en', 'translation') as Strings
  setCurrentLocale(language)
  document.documentElement.lang = language
  return language
}

/** Which errors are fixed in Settings, so the message can offer to open it. */
export const errorsFixedInSettings = new Set([
  'no_key',
  'key_origin_changed',
  'invalid_key',
  'forbidden',
  'network',
  'tls',
  'not_found',
])
