import { currentLocale } from './locale'

/**
 * Numbers and dates in the UI's language (1,234.5 in English, 1.234,5 in Vietnamese), through Intl.
 * Formatters are cached per locale and options, since catalogs call these on every render.
 */
const numberFormats = new Map<string, Intl.NumberFormat>()

export function formatNumber(value: number, fractionDigits = 0): string {
  const locale = currentLocale()
  const key = `${locale}|${fractionDigits}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    })
    numberFormats.set(key, format)
  }
  return format.format(value)
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** A message's time: date and time, short. */
export function formatDateTime(epochMs: number): string {
  const locale = currentLocale()
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    dateFormats.set(locale, format)
  }
  return format.format(epochMs)
}

const monthFormats = new Map<string, Intl.DateTimeFormat>()

/** A month and its year ("November 2026", "tháng 11 năm 2026"): the sidebar's older date groups. */
export function formatMonthYear(epochMs: number): string {
  const locale = currentLocale()
  let format = monthFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' })
    monthFormats.set(locale, format)
  }
  return format.format(epochMs)
}
