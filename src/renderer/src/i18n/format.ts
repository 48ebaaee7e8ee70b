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

const styledFormats = new Map<string, Intl.DateTimeFormat>()

/** A cached formatter per locale and named style (every message's footer asks on each render). */
function styledFormat(name: 'time' | 'full'): Intl.DateTimeFormat {
  const locale = currentLocale()
  const key = `${locale}|${name}`
  let format = styledFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      name === 'time' ? { timeStyle: 'short' } : { dateStyle: 'full', timeStyle: 'medium' },
    )
    styledFormats.set(key, format)
  }
  return format
}

const dayMs = 86_400_000

/** A message's time at a glance: the time alone today, else the short date and time. */
export function formatMessageTime(epochMs: number, now = Date.now()): string {
  // Same local day: compared by local midnight, without building date strings on every render.
  const offset = new Date(now).getTimezoneOffset() * 60_000
  const sameDay = Math.floor((epochMs - offset) / dayMs) === Math.floor((now - offset) / dayMs)
  return sameDay ? styledFormat('time').format(epochMs) : formatDateTime(epochMs)
}

/** The whole date and time (a tooltip's longer form). */
export function formatFullDateTime(epochMs: number): string {
  return styledFormat('full').format(epochMs)
}
