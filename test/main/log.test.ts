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
