/** The UI language's locale for Intl, kept apart so the catalogs can format without importing the switch. */
let locale = 'en-US'

export function currentLocale(): string {
  return locale
}

export function setCurrentLocale(language: 'en' | 'vi'): void {
  locale = language === 'vi' ? 'vi-VN' : 'en-US'
}
