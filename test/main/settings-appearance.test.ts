/** The theme and language settings: stored across a reopen, refused when unknown, defaulted when a file lacks them. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '../../src/main/settings/settings-store'
import { openJsonStore } from '../../src/main/storage/open-json-store'
import { SettingsPatchSchema } from '../../src/shared/settings'
import { memoryLogger } from '../support/memory-logger'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()

function open(dir: string) {
  const log = memoryLogger()
  return new SettingsStore(openJsonStore(dir, 'settings', log).store, {}, log)
}

describe('theme and language settings', () => {
  it('default to following the system, and keep a choice across a reopen', () => {
    const dir = tempDir()
    expect(open(dir).get()).toMatchObject({ theme: 'system', language: 'system' })
    open(dir).set({ theme: 'dark', language: 'vi' })
    expect(open(dir).get()).toMatchObject({ theme: 'dark', language: 'vi' })
  })

  it('refuses an unknown theme or language', () => {
    expect(SettingsPatchSchema.safeParse({ theme: 'sepia' }).success).toBe(false)
    expect(SettingsPatchSchema.safeParse({ language: 'fr' }).success).toBe(false)
    expect(SettingsPatchSchema.safeParse({ theme: 'light', language: 'en' }).success).toBe(true)
  })

  it('reads a settings file from before these fields as following the system', () => {
    const dir = tempDir()
    open(dir).set({ defaultModel: 'gpt-4.1' })
    const file = join(dir, 'settings.json')
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { settings: Record<string, unknown> }
    delete stored.settings.theme
    delete stored.settings.language
    stored.settings.defaultModel = 'deepseek-v3.2'
    writeFileSync(file, JSON.stringify(stored))
    expect(open(dir).get()).toMatchObject({ theme: 'system', language: 'system', defaultModel: 'deepseek-v3.2' })
  })
})
