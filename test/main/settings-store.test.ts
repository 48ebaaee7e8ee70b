import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '../../src/main/settings/settings-store'
import { openJsonStore } from '../../src/main/storage/open-json-store'
import { defaultSettings } from '../../src/shared/settings'
import { memoryLogger } from '../support/memory-logger'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()

function open(dir: string, env: Record<string, string> = {}) {
  const log = memoryLogger()
  const { store, movedAsideTo } = openJsonStore(dir, 'settings', log)
  return { settings: new SettingsStore(store, env, log), log, movedAsideTo }
}

describe('SettingsStore', () => {
  it('starts from the defaults and keeps what is set across a reopen', () => {
    const dir = tempDir()
    expect(open(dir).settings.get()).toEqual(defaultSettings)
    open(dir).settings.set({ defaultModel: 'claude-sonnet-4.5', baseURL: 'http://127.0.0.1:9/v1/', temperature: 0.2 })
    expect(open(dir).settings.get()).toEqual({
      ...defaultSettings,
      defaultModel: 'claude-sonnet-4.5',
      baseURL: 'http://127.0.0.1:9/v1',
      temperature: 0.2,
    })
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

  it('refuses a base URL that is not http(s)', () => {
    const { settings } = open(tempDir())
    expect(() => settings.set({ baseURL: 'file:///etc/passwd' })).toThrow()
    expect(settings.get().baseURL).toBeNull()
  })

  it('falls back to the default for a field that fails the schema, and says so', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ settings: { defaultModel: 42, temperature: 0.5 } }))
    const { settings, log } = open(dir)
    expect(settings.get()).toEqual({ ...defaultSettings, temperature: 0.5 })
    expect(log.lines.join('\n')).toContain('setting "defaultModel" is invalid')
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
