import { describe, expect, it } from 'vitest'
import { formatCost, formatTokens } from '../../src/renderer/src/features/usage/money'
import { parseOptionalNumber } from '../../src/renderer/src/features/settings/number-field'

describe('what the user pays, as shown', () => {
  it('applies the payment rate and the currency, keeping small amounts readable', () => {
    expect(formatCost(0.000736, { currency: 'CNY', paymentRate: 1 })).toBe('¥0.000736')
    expect(formatCost(1.5, { currency: 'CNY', paymentRate: 1 })).toBe('¥1.50')
    expect(formatCost(2, { currency: 'VND', paymentRate: 26_000 })).toBe('₫52,000')
    expect(formatCost(0.1234567, { currency: 'USD', paymentRate: 1 })).toBe('$0.123')
    expect(formatCost(0, { currency: 'USD', paymentRate: 1 })).toBe('$0.00')
    expect(formatTokens(317_661)).toBe('317,661')
  })

  it('reads a number field: empty is "use the default", a comma is a decimal point, words are refused', () => {
    expect(parseOptionalNumber('  ')).toBeNull()
    expect(parseOptionalNumber('0,7')).toBe(0.7)
    expect(parseOptionalNumber('1e3')).toBe(1000)
    expect(parseOptionalNumber('hot')).toBe('invalid')
  })
})
