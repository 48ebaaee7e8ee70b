import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSettingsFile } from '../../src/main/settings/open-settings-file'
import { currentSettingsVersion } from '../../src/main/settings/settings-migrations'
import { SettingsStore } from '../../src/main/settings/settings-store'
import { defaultSettings, SettingsPatchSchema } from '../../src/shared/settings'
import { memoryLogger } from '../support/memory-logger'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()

function open(dir: string, env: Record<string, string> = {}) {
  const log = memoryLogger()
  const { store, movedAsideTo } = openSettingsFile(dir, log)
  return { settings: new SettingsStore(store, env, log), log, movedAsideTo }
}

const readFile = (dir: string) => JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))

describe('SettingsStore', () => {
  it('starts from the defaults, at the current schema version, and keeps what is set across a reopen', () => {
    const dir = tempDir()
    expect(open(dir).settings.get()).toEqual(defaultSettings)
    expect(readFile(dir).schemaVersion).toBe(currentSettingsVersion)
    open(dir).settings.set({
      defaultModel: 'claude-sonnet-4.5',
      baseURL: 'http://127.0.0.1:9/v1/',
      temperature: 0.2,
      topP: 0.9,
      language: 'vi',
      theme: 'dark',
      idleTimeoutSeconds: 90,
      maxConcurrentStreams: 2,
      proxy: 'http://127.0.0.1:3128',
      paymentRate: 7.1,
      currency: 'VND',
    })
    expect(open(dir).settings.get()).toEqual({
      ...defaultSettings,
      defaultModel: 'claude-sonnet-4.5',
      baseURL: 'http://127.0.0.1:9/v1',
      temperature: 0.2,
      topP: 0.9,
      language: 'vi',
      theme: 'dark',
      idleTimeoutSeconds: 90,
      maxConcurrentStreams: 2,
      proxy: 'http://127.0.0.1:3128',
      paymentRate: 7.1,
      currency: 'VND',
    })
  })

  it('ships the price table and the ¥1 per $1 payment rate', () => {
    expect(defaultSettings.prices).toEqual({
      'gpt-4.1': { inputUsdPerMillion: 2, outputUsdPerMillion: 8 },
      'claude-sonnet-4.5': { inputUsdPerMillion: 3, outputUsdPerMillion: 15 },
      'gemini-2.5-flash': { inputUsdPerMillion: 0.3, outputUsdPerMillion: 2.5 },
      'deepseek-v3.2': { inputUsdPerMillion: 0.28, outputUsdPerMillion: 0.42 },
    })
    expect(defaultSettings).toMatchObject({ currency: 'CNY', paymentRate: 1, idleTimeoutSeconds: 45 })
  })

  it('resolves the gateway: environment, then settings, then HolySheep', () => {
    const dir = tempDir()
    expect(open(dir).settings.view()).toMatchObject({
      effectiveBaseURL: 'https://api.holysheep.ai/v1',
      baseURLSource: 'default',
    })
    open(dir).settings.set({ baseURL: 'https://gateway.example/v1' })
    expect(open(dir).settings.view()).toMatchObject({
      effectiveBaseURL: 'https://gateway.example/v1',
      baseURLSource: 'settings',
    })
    expect(open(dir, { HOLYSHEEP_BASE_URL: 'http://127.0.0.1:8787/v1/' }).settings.view()).toMatchObject({
      effectiveBaseURL: 'http://127.0.0.1:8787/v1',
      baseURLSource: 'environment',
    })
  })

  it('resolves the proxy: the setting, then HTTPS_PROXY / HTTP_PROXY, else none', () => {
    const dir = tempDir()
    expect(open(dir).settings.view()).toMatchObject({ effectiveProxy: null, proxySource: 'none' })
    expect(open(dir, { HTTP_PROXY: 'http://10.0.0.1:8080' }).settings.view()).toMatchObject({
      effectiveProxy: 'http://10.0.0.1:8080',
      proxySource: 'environment',
    })
    open(dir).settings.set({ proxy: 'http://127.0.0.1:3128' })
    expect(open(dir, { HTTP_PROXY: 'http://10.0.0.1:8080' }).settings.view()).toMatchObject({
      effectiveProxy: 'http://127.0.0.1:3128',
      proxySource: 'settings',
    })
  })

  it('never shows a proxy password from the environment to the window', () => {
    const view = open(tempDir(), { HTTPS_PROXY: 'http://corp-user:s3cret-pa55@10.0.0.1:8080' }).settings.view()
    expect(view.effectiveProxy).toBe('http://corp-user:***@10.0.0.1:8080/')
    expect(JSON.stringify(view)).not.toContain('s3cret-pa55')
  })

  const refused: Array<[string, Record<string, unknown>]> = [
    ['a base URL that is not http(s)', { baseURL: 'file:///etc/passwd' }],
    ['a proxy that is not http(s)', { proxy: 'socks5://127.0.0.1:1080' }],
    ['top_p above 1', { topP: 1.5 }],
    ['an unknown language', { language: 'fr' }],
    ['an unknown theme', { theme: 'sepia' }],
    ['an idle timeout under 5 s', { idleTimeoutSeconds: 1 }],
    ['a concurrency cap of 0', { maxConcurrentStreams: 0 }],
    ['a negative price', { prices: { 'gpt-4.1': { inputUsdPerMillion: -1, outputUsdPerMillion: 8 } } }],
    ['a payment rate of 0', { paymentRate: 0 }],
    ['a currency that is not a code', { currency: 'yuan' }],
  ]
  it.each(refused)('refuses %s and keeps the file as it was', (_label, patch) => {
    const dir = tempDir()
    const { settings } = open(dir)
    const before = readFileSync(join(dir, 'settings.json'), 'utf8')
    expect(SettingsPatchSchema.safeParse(patch).success).toBe(false)
    expect(() => settings.set(patch as never)).toThrow()
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before)
  })

  it('moves a file that fails the schema aside, uses the defaults, and says so', () => {
    const dir = tempDir()
    const content = JSON.stringify({
      schemaVersion: currentSettingsVersion,
      settings: { ...defaultSettings, defaultModel: 42 },
    })
    writeFileSync(join(dir, 'settings.json'), content)
    const { settings, log, movedAsideTo } = open(dir)
    expect(settings.get()).toEqual(defaultSettings)
    expect(movedAsideTo).toMatch(/settings\.corrupt-.*\.json$/)
    expect(readFileSync(movedAsideTo!, 'utf8')).toBe(content)
    expect(log.lines.join('\n')).toContain('does not match the settings schema (defaultModel:')
    expect(readFile(dir).schemaVersion).toBe(currentSettingsVersion)
  })

  it.each(['[]', '42', 'null', '{"settings": []}'])(
    'moves JSON that is no settings object (%s) aside, unchanged',
    (content) => {
      const dir = tempDir()
      writeFileSync(join(dir, 'settings.json'), content)
      const { settings, movedAsideTo } = open(dir)
      expect(readFileSync(movedAsideTo!, 'utf8')).toBe(content)
      expect(settings.get()).toEqual(defaultSettings)
    },
  )

  it('moves a file from a newer version of the app aside rather than guessing at it', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 99, settings: {} }))
    const { settings, log, movedAsideTo } = open(dir)
    expect(movedAsideTo).not.toBeNull()
    expect(settings.get()).toEqual(defaultSettings)
    expect(log.lines.join('\n')).toContain('newer version')
  })

  it('moves a corrupt file aside, never deleting it, and starts fresh', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'settings.json'), '{"settings": {"defaultModel": "gpt')
    const { settings, movedAsideTo, log } = open(dir)
    expect(settings.get()).toEqual(defaultSettings)
    expect(movedAsideTo).toMatch(/settings\.corrupt-.*\.json$/)
    expect(readFileSync(movedAsideTo!, 'utf8')).toBe('{"settings": {"defaultModel": "gpt')
    settings.set({ temperature: 1 })
    expect(readdirSync(dir).sort()).toEqual(['settings.json', movedAsideTo!.split('/').at(-1)].sort())
    expect(log.lines.join('\n')).toContain('moved to')
  })
})
