/** The UI language's locale for Intl, kept apart so the catalogs can format without importing the switch. */
let locale = 'en-US'

export function currentLocale(): string {
  return locale
}

/** The UI's language, for what main writes for people to read (a Markdown export). */
export function currentLanguage(): 'en' | 'vi' {
  return locale === 'vi-VN' ? 'vi' : 'en'
}

export function setCurrentLocale(language: 'en' | 'vi'): void {
  locale = language === 'vi' ? 'vi-VN' : 'en-US'
}
