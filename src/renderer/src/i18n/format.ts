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

const styledFormats = new Map<string, Intl.DateTimeFormat>()

function styledFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = currentLocale()
  const key = `${locale}|${JSON.stringify(options)}`
  let format = styledFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    styledFormats.set(key, format)
  }
  return format
}

/** A message's time at a glance: the time alone today, else the short date and time. */
export function formatMessageTime(epochMs: number, now = Date.now()): string {
  const sameDay = new Date(epochMs).toDateString() === new Date(now).toDateString()
  return sameDay ? styledFormat({ timeStyle: 'short' }).format(epochMs) : formatDateTime(epochMs)
}

/** The whole date and time (a tooltip's longer form). */
export function formatFullDateTime(epochMs: number): string {
  return styledFormat({ dateStyle: 'full', timeStyle: 'medium' }).format(epochMs)
}
