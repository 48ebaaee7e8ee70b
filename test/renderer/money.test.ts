import { afterEach, describe, expect, it } from 'vitest'
import { formatCost, formatTokens } from '../../src/renderer/src/features/usage/money'
import { applyLanguage, strings } from '../../src/renderer/src/i18n'
import { formatDay } from '../../src/renderer/src/i18n/format'
import { parseOptionalNumber } from '../../src/renderer/src/features/settings/number-field'

afterEach(() => {
  applyLanguage('en')
})

describe('what the user pays, as shown', () => {
  it('applies the payment rate and the currency, keeping small amounts readable', () => {
    expect(formatCost(0.000736, { currency: 'CNY', paymentRate: 1 })).toBe('¥0.000736')
    expect(formatCost(1.5, { currency: 'CNY', paymentRate: 1 })).toBe('¥1.50')
    expect(formatCost(2, { currency: 'VND', paymentRate: 26_000 })).toBe('₫52,000')
    expect(formatCost(0.1234567, { currency: 'USD', paymentRate: 1 })).toBe('$0.123')
    expect(formatCost(0, { currency: 'USD', paymentRate: 1 })).toBe('$0.00')
    expect(formatTokens(317_661)).toBe('317,661')
  })

  it('follows the UI language: Vietnamese digits, and VND in whole đồng, never "₫0.3"', () => {
    const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')
    applyLanguage('vi')
    expect(spaced(formatCost(2, { currency: 'VND', paymentRate: 26_000 }))).toBe('52.000 ₫')
    // $0.0007 at 26,000 đồng: 18.2 đồng, shown whole.
    expect(spaced(formatCost(0.0007, { currency: 'VND', paymentRate: 26_000 }))).toBe('18 ₫')
    // Less than one đồng rounds to nothing: said as "less than 1 ₫", not a false zero.
    expect(spaced(formatCost(0.00001, { currency: 'VND', paymentRate: 26_000 }))).toBe('< 1 ₫')
    expect(spaced(formatCost(0, { currency: 'VND', paymentRate: 26_000 }))).toBe('0 ₫')
    expect(spaced(formatCost(0.000736, { currency: 'CNY', paymentRate: 1 }))).toBe('0,000736 ¥')
    expect(formatTokens(317_661)).toBe('317.661')
    expect(strings.usage.answerCost(84, 3000, null, false)).toBe('84 vào / 3.000 ra token')
    expect(strings.usage.perSecond(42.25)).toBe('42,3 token/giây')
    expect(spaced(formatDay('2026-12-01', 'short'))).toBe('1 thg 12')
    expect(spaced(formatDay('2026-12-01', 'medium'))).toBe('1 thg 12, 2026')
    applyLanguage('en')
    expect(formatCost(0.00001, { currency: 'VND', paymentRate: 26_000 })).toBe('< ₫1')
    expect(strings.usage.answerCost(84, 3000, null, false)).toBe('84 in / 3,000 out tokens')
    expect(strings.usage.perSecond(1234.56)).toBe('1,234.6 tokens/s')
    expect(strings.usage.ms(1234.4)).toBe('1,234 ms')
    expect(formatDay('2026-12-01', 'short')).toBe('Dec 1')
    expect(formatDay('2026-12-01', 'medium')).toBe('Dec 1, 2026')
  })

  it('reads a number field: empty is "use the default", a comma is a decimal point, words are refused', () => {
    expect(parseOptionalNumber('  ')).toBeNull()
    expect(parseOptionalNumber('0,7')).toBe(0.7)
    expect(parseOptionalNumber('1e3')).toBe(1000)
    expect(parseOptionalNumber('hot')).toBe('invalid')
  })
})
