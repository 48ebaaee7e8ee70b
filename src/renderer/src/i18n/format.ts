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

const moneyFormats = new Map<string, Intl.NumberFormat>()

function moneyFormat(locale: string, currency: string, small: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${small}`
  let format = moneyFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      // "¥0.12" rather than "CN¥0.12": the labels around it already name the currency.
      currencyDisplay: 'narrowSymbol',
      ...(small ? { maximumSignificantDigits: 3 } : {}),
    })
    moneyFormats.set(key, format)
  }
  return format
}

/**
 * An amount of money in the UI's language. Amounts under one unit keep three significant digits
 * (an answer often costs a fraction of a cent), but never finer than the currency's own smallest
 * unit: VND and JPY have none below one, so they show whole đồng and yen, and an amount that rounds
 * to nothing shows as "< ₫1" rather than a false "₫0".
 */
export function formatMoney(amount: number, currency: string): string {
  const locale = currentLocale()
  const plain = moneyFormat(locale, currency, false)
  const minorDigits = plain.resolvedOptions().maximumFractionDigits ?? 2
  const small = amount !== 0 && Math.abs(amount) < 1
  if (small && minorDigits === 0) {
    const rounded = Math.round(amount)
    return rounded === 0 ? `< ${plain.format(Math.sign(amount))}` : plain.format(rounded)
  }
  return moneyFormat(locale, currency, small).format(amount)
}

const dayFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * A calendar day given as `YYYY-MM-DD` (the usage view's days): `short` for a chart's axis
 * ("Dec 1", "1 thg 12"), `medium` for a label ("Dec 1, 2026", "1 thg 12, 2026"). Read as a UTC date and
 * shown in UTC, so the day never shifts with the time zone.
 */
export function formatDay(isoDay: string, style: 'short' | 'medium'): string {
  const locale = currentLocale()
  const key = `${locale}|${style}`
  let format = dayFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      style === 'short'
        ? { month: 'short', day: 'numeric', timeZone: 'UTC' }
        : { dateStyle: 'medium', timeZone: 'UTC' },
    )
    dayFormats.set(key, format)
  }
  const [year, month, day] = isoDay.split('-').map(Number)
  if (year === undefined || month === undefined || day === undefined) return isoDay
  return format.format(Date.UTC(year, month - 1, day))
}

const byteFormats = new Map<string, Intl.NumberFormat>()

/** A file's size: "820 kB", "3.4 MB" (Intl's units, in the UI's language; 1 MB = 1,048,576 bytes as the limits count). */
export function formatBytes(bytes: number): string {
  const locale = currentLocale()
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte']
  const key = `${locale}|${unit}`
  let format = byteFormats.get(key)
  if (!format) {
    // Intl's short form of a byte is "25 byte" in English; its long one is "25 bytes" (Vietnamese: "25 byte").
    const unitDisplay = unit === 'byte' ? 'long' : 'short'
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay, maximumFractionDigits: 1 })
    byteFormats.set(key, format)
  }
  return format.format(value)
}
