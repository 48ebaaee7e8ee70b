import { describe, expect, it } from 'vitest'
import { createLogger, scrubSecrets } from '../../src/main/log'
import { memoryLogger } from '../support/memory-logger'

describe('logger', () => {
  it('scrubs known secrets and key-shaped text from every line', () => {
    const key = 'hs-live-6f1c2a9e77'
    const log = memoryLogger(() => [key])
    log.error('request failed', new Error(`401 for ${key}; header Bearer ${key}; also sk-abcdef123456`))
    expect(log.lines).toHaveLength(1)
    expect(log.lines[0]).not.toContain(key)
    expect(log.lines[0]).not.toContain('sk-abcdef123456')
    expect(log.lines[0]).toContain('[redacted]')
  })

  it('scrubs the encodings a gateway echoes a key in: base64, URL and JSON escapes, and mixes', () => {
    const key = 'hs-live/6f1c2a9e77+x'
    const base64 = (text: string) => Buffer.from(text).toString('base64')
    const forms = [
      base64(key),
      base64(key).replace(/=+$/, ''),
      Buffer.from(key).toString('base64url'),
      base64(`Bearer ${key}`),
      base64(`:${key}`),
      base64(`alice:${key}`),
      encodeURIComponent(key),
      [...key].map((char) => `%${char.charCodeAt(0).toString(16)}`).join(''),
      [...key].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`).join(''),
      JSON.stringify(key).slice(1, -1).replace('/', '\\/'),
      `${key.slice(0, 2)}%2D${key.slice(3, 7)}\\u002f${key.slice(8)}`,
    ]
    for (const form of forms) {
      const scrubbed = scrubSecrets(`the gateway said: ${form}.`, [key])
      expect(scrubbed, form).toContain('[redacted]')
      // What is left of a base64 form is at most the few characters it shares with its neighbours.
      expect(scrubbed.replace(/^the gateway said: |\.$/g, '').replace('[redacted]', '').length, form).toBeLessThan(12)
    }
  })

  it('leaves ordinary text alone', () => {
    expect(scrubSecrets('tiếng Việt, 5 tokens', ['secret-key'])).toBe('tiếng Việt, 5 tokens')
  })

  it('drops lines below its level', () => {
    const lines: string[] = []
    const log = createLogger({ level: 'warn', write: (line) => lines.push(line) })
    log.info('not shown')
    log.warn('shown')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/WARN shown$/)
  })
})
