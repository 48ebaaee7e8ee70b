import { currentLocale } from '../../i18n/locale'

const formats = new Map<string, Intl.DateTimeFormat>()

function format(options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const id = `${currentLocale()}|${key}`
  let found = formats.get(id)
  if (!found) {
    // The day is a calendar date (YYYY-MM-DD in the user's zone): format it as UTC so no zone shifts it.
    found = new Intl.DateTimeFormat(currentLocale(), { ...options, timeZone: 'UTC' })
    formats.set(id, found)
  }
  return found
}

const asDate = (day: string) => new Date(`${day}T00:00:00Z`)

/** A chart's axis label for a day: "Mar 31" in English, "31 thg 3" in Vietnamese. */
export const shortDay = (day: string) => format({ month: 'short', day: 'numeric' }, 'short').format(asDate(day))

/** A day in full, for a bar's tooltip. */
export const longDay = (day: string) => format({ dateStyle: 'medium' }, 'long').format(asDate(day))
