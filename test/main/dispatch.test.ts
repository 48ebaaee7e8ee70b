import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../src/shared/settings'
import { createTestCore } from '../support/test-core'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()

function core() {
  return createTestCore({ dataDir: tempDir() })
}

describe('dispatch, the main boundary', () => {
  it('answers a valid call with its value', async () => {
    const { dispatch } = core()
    expect(await dispatch('settings:set', { defaultModel: 'gemini-2.5-flash' })).toMatchObject({
      ok: true,
      value: { settings: { defaultModel: 'gemini-2.5-flash' } },
    })
  })

  const refused: Array<[string, unknown, unknown]> = [
    ['an unknown channel', 'fs:read', undefined],
    ['a channel that is not a string', 42, undefined],
    ['a wrong type', 'settings:set', { temperature: 'hot' }],
    ['an out-of-range number', 'settings:set', { temperature: 9 }],
    ['an unknown key', 'settings:set', { defaultModel: 'x', isAdmin: true }],
    ['a prototype-pollution key', 'settings:set', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['a base URL that is not http(s)', 'settings:set', { baseURL: 'javascript:alert(1)' }],
    ['a payload where none is expected', 'key:clear', { everything: true }],
    ['a key with spaces', 'key:set', { key: 'not a key at all' }],
    ['a huge key', 'key:set', { key: 'k'.repeat(100_000) }],
    ['an empty message', 'chat:send', { conversationId: null, content: '   ' }],
    ['the old messages shape', 'chat:send', { messages: [{ role: 'user', content: 'x' }] }],
    ['a conversation id that is not one', 'chat:send', { conversationId: "1' OR 1=1", content: 'x' }],
    ['a title too long', 'history:rename', { conversationId: crypto.randomUUID(), title: 't'.repeat(201) }],
    ['a search limit out of range', 'history:search', { query: 'x', limit: 10_000 }],
    ['an export format that does not exist', 'history:export', { conversationId: null, format: 'pdf' }],
    ['a stream id that is not one', 'chat:stop', { streamId: '../../etc' }],
    ['a proxy that is not http(s)', 'settings:set', { proxy: 'socks5://127.0.0.1:1080' }],
    ['a price below zero', 'settings:set', { prices: { x: { inputUsdPerMillion: -1, outputUsdPerMillion: 1 } } }],
    [
      'an override out of range',
      'history:setOverrides',
      { conversationId: crypto.randomUUID(), overrides: { temperature: 5 } },
    ],
    [
      'an override that is not one',
      'history:setOverrides',
      { conversationId: crypto.randomUUID(), overrides: { topK: 1 } },
    ],
    ['a preset without a name', 'presets:save', { name: ' ', systemPrompt: '' }],
    ['a usage window of ten years', 'usage:summary', { days: 3650, utcOffsetMinutes: 0 }],
    ['a key check against a file URL', 'key:check', { key: 'sk-0123456789', baseURL: 'file:///etc/passwd' }],
  ]

  it.each(refused)('refuses %s with invalid_payload and changes nothing', async (_label, channel, payload) => {
    const { dispatch, settings, secrets } = core()
    const before = { settings: settings.get(), key: secrets.status() }
    const result = await dispatch(channel, payload)
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    expect(settings.get()).toEqual(before.settings)
    expect(secrets.status()).toEqual(before.key)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('names the field at fault', async () => {
    const { dispatch } = core()
    const result = await dispatch('settings:set', { maxTokens: -1 })
    expect(result.ok || result.error.message).toMatch(/maxTokens/)
    expect(core().settings.get()).toEqual(defaultSettings)
  })
})
