import { afterEach, describe, expect, it } from 'vitest'
import { applyLanguage } from '../../src/renderer/src/i18n'
import { validateSettingsPatch } from '../../src/renderer/src/features/settings/settings-validation'

// The renderer checks a change with main's own schema (src/shared/settings.ts) and says what is
// wrong in the user's language, one error per field, every wrong field at once.
describe('validateSettingsPatch', () => {
  afterEach(() => applyLanguage('en'))

  it('accepts a valid change', () => {
    expect(validateSettingsPatch({ temperature: 0.5, topP: 1, baseURL: 'https://example.test/v1' })).toEqual({})
  })

  it('names every wrong field at once, in Vietnamese, with the schema’s bounds formatted for the language', () => {
    applyLanguage('vi')
    expect(validateSettingsPatch({ temperature: 5, topP: 3, maxAnswerChars: 1_000 })).toEqual({
      temperature: 'Hãy nhập một số không lớn hơn 2.',
      topP: 'Hãy nhập một số không lớn hơn 1.',
      maxAnswerChars: 'Hãy nhập một số không nhỏ hơn 10.000.',
    })
  })

  it('explains URLs, currency codes, whole numbers and rates in words, never zod’s English', () => {
    const errors = validateSettingsPatch({
      baseURL: 'ftp://example.test',
      currency: 'us',
      maxTokens: 1.5,
      paymentRate: 0,
    })
    expect(errors).toEqual({
      baseURL: 'Enter an address that starts with http:// or https://.',
      currency: 'Use a three-letter currency code such as CNY, USD or VND.',
      maxTokens: 'Enter a whole number.',
      paymentRate: 'Enter a number greater than 0.',
    })
  })

  it('puts an error inside the price table under its model and column', () => {
    const errors = validateSettingsPatch({
      prices: { 'gpt-4.1': { inputUsdPerMillion: -1, outputUsdPerMillion: 8 } },
    })
    expect(errors).toEqual({ 'prices.gpt-4.1.inputUsdPerMillion': 'Enter a number of at least 0.' })
  })
})
