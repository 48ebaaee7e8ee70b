/**
 * Image tokens by each provider's published rule, checked against the examples the providers give:
 * OpenAI's vision guide (1024² → 765, 2048×4096 → 1105), Anthropic's (200² ≈ 54, 1000² ≈ 1334,
 * 1092² ≈ 1590, the largest kept as it is) and Google's (258 per image up to 384², else per tile).
 */
import { describe, expect, it } from 'vitest'
import { estimateImageTokens, imageTokenRule } from '../../src/shared/attachments'

describe('image tokens by the provider’s rule', () => {
  it('picks the rule of the model’s maker, OpenAI’s when unknown', () => {
    expect(imageTokenRule('gpt-4.1')).toBe('openai')
    expect(imageTokenRule('claude-sonnet-4.5')).toBe('anthropic')
    expect(imageTokenRule('Claude-3-5-Haiku')).toBe('anthropic')
    expect(imageTokenRule('gemini-2.5-flash')).toBe('gemini')
    expect(imageTokenRule('my-local-model')).toBe('openai')
    expect(imageTokenRule(undefined)).toBe('openai')
  })

  it('OpenAI: 512-px tiles after fitting 2048² and a 768-px shortest side', () => {
    expect(estimateImageTokens(1024, 1024, 'gpt-4.1')).toBe(765)
    expect(estimateImageTokens(2048, 4096, 'gpt-4.1')).toBe(1105)
    expect(estimateImageTokens(1024, 1024)).toBe(765)
  })

  it('Anthropic: width × height / 750 after fitting a 1568-px edge and about 1.2 MP', () => {
    expect(estimateImageTokens(200, 200, 'claude-sonnet-4.5')).toBe(54)
    expect(estimateImageTokens(1000, 1000, 'claude-sonnet-4.5')).toBe(1334)
    expect(estimateImageTokens(1092, 1092, 'claude-sonnet-4.5')).toBe(1590)
    // A 12 MP photo is scaled down first: about 1,600 tokens, not 16,000.
    expect(estimateImageTokens(4000, 3000, 'claude-sonnet-4.5')).toBeLessThanOrEqual(1601)
    expect(estimateImageTokens(4000, 3000, 'claude-sonnet-4.5')).toBeGreaterThan(1590)
  })

  it('Gemini: 258 up to 384² on both sides, else 258 for each 768² tile', () => {
    expect(estimateImageTokens(384, 384, 'gemini-2.5-flash')).toBe(258)
    expect(estimateImageTokens(1024, 1024, 'gemini-2.5-flash')).toBe(1032)
    expect(estimateImageTokens(1536, 700, 'gemini-2.5-flash')).toBe(516)
  })
})
