/** The theme and language settings: stored across a reopen, refused when unknown, defaulted when a file lacks them. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '../../src/main/settings/settings-store'
import { openSettingsFile } from '../../src/main/settings/open-settings-file'
import { SettingsPatchSchema } from '../../src/shared/settings'
import { memoryLogger } from '../support/memory-logger'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()

function open(dir: string) {
  const log = memoryLogger()
  return new SettingsStore(openSettingsFile(dir, log).store, {}, log)
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

  it('reads a settings file from before these fields (0.1.0) as following the system', () => {
    const dir = tempDir()
    // 0.1.0 wrote these five settings and no schema version; the migrations add the rest.
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        settings: { baseURL: null, defaultModel: 'deepseek-v3.2', temperature: 0.4, maxTokens: null, systemPrompt: '' },
      }),
    )
    expect(open(dir).get()).toMatchObject({
      theme: 'system',
      language: 'system',
      defaultModel: 'deepseek-v3.2',
      temperature: 0.4,
    })
  })
})
