import { currentLocale } from '../../i18n/locale'
import type { SelectOption } from '../../ui/Select'
import { strings } from '../../i18n'

/** The currencies offered first: HolySheep's (CNY), the UI's languages' and the common ones. */
const common = ['CNY', 'USD', 'VND', 'EUR', 'JPY', 'GBP', 'KRW', 'HKD', 'SGD', 'TWD', 'AUD', 'CAD', 'INR', 'THB']

/** The currency choices, named in the UI's language by Intl (plus the saved one, if it is another). */
export function currencyOptions(current: string): SelectOption[] {
  const names = new Intl.DisplayNames([currentLocale()], { type: 'currency' })
  const codes = common.includes(current) ? common : [current, ...common]
  return codes.map((code) => ({
    value: code,
    label: strings.settingsPage.currencyOption(code, names.of(code) ?? code),
  }))
}
