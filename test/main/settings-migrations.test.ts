import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSettingsFile } from '../../src/main/settings/open-settings-file'
import { PresetStore } from '../../src/main/settings/preset-store'
import {
  currentSettingsVersion,
  migrateSettings,
  settingsMigrations,
} from '../../src/main/settings/settings-migrations'
import { SettingsStore } from '../../src/main/settings/settings-store'
import { defaultPriceTable } from '../../src/shared/pricing'
import { shippedPresets } from '../../src/shared/presets'
import { defaultSettings } from '../../src/shared/settings'
import { memoryLogger } from '../support/memory-logger'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()

/** settings.json exactly as release 0.1.0 wrote it: no schemaVersion, five settings. */
const version1File = {
  settings: {
    baseURL: 'https://gateway.example/v1',
    defaultModel: 'deepseek-v3.2',
    temperature: 0.4,
    maxTokens: 800,
    systemPrompt: 'Trả lời bằng tiếng Việt.',
  },
}

describe('settings migrations', () => {
  it('are numbered 2, 3, 4… without gaps (version 1 is the unversioned 0.1.0 file)', () => {
    expect(settingsMigrations.map((migration) => migration.version)).toEqual(
      settingsMigrations.map((_, index) => index + 2),
    )
  })

  it('2 adds top_p, language, theme, idle timeout, concurrency cap and proxy, keeping the rest', () => {
    const migrated = migrateSettings(structuredClone(version1File), 1)
    expect(settingsMigrations[0]!.up(structuredClone(version1File)).settings).toEqual({
      ...version1File.settings,
      topP: null,
      language: 'system',
      theme: 'system',
      idleTimeoutSeconds: 45,
      maxConcurrentStreams: 4,
      proxy: null,
    })
    expect(migrated.settings).toMatchObject(version1File.settings)
  })

  it('3 adds the price table and a CNY payment rate of 1, keeping a table already there', () => {
    const up = settingsMigrations[1]!.up
    expect(up({ settings: { defaultModel: 'x' } }).settings).toEqual({
      defaultModel: 'x',
      prices: defaultPriceTable,
      currency: 'CNY',
      paymentRate: 1,
    })
    const custom = { 'my-model': { inputUsdPerMillion: 1, outputUsdPerMillion: 1 } }
    expect(up({ settings: { prices: custom } }).settings.prices).toBe(custom)
  })

  it('4 seeds the shipped presets, leaving presets alone when there are some', () => {
    const up = settingsMigrations[2]!.up
    expect(up({ settings: {} }).presets).toEqual(shippedPresets)
    expect(up({ settings: {}, presets: [] }).presets).toEqual([])
  })

  it('5 adds backups, updates and answer limits, keeping values already there', () => {
    const up = settingsMigrations[3]!.up
    expect(up({ settings: {} }).settings).toEqual({
      backupsEnabled: true,
      backupsToKeep: 7,
      autoUpdate: true,
      maxAnswerChars: 2_000_000,
      totalTimeoutSeconds: 1_800,
    })
    expect(up({ settings: { backupsToKeep: 3 } }).settings.backupsToKeep).toBe(3)
  })

  it('6 adds an open sidebar, keeping a choice already there', () => {
    const up = settingsMigrations[4]!.up
    expect(up({ settings: { defaultModel: 'x' } }).settings).toEqual({ defaultModel: 'x', sidebarCollapsed: false })
    expect(up({ settings: { sidebarCollapsed: true } }).settings.sidebarCollapsed).toBe(true)
  })

  it('7 adds the attachment settings (images downscaled, no model choices), keeping values already there', () => {
    const up = settingsMigrations[5]!.up
    expect(up({ settings: { defaultModel: 'x' } }).settings).toEqual({
      defaultModel: 'x',
      keepOriginalImages: false,
      modelReadsImages: {},
      tools: { servers: [], enabledByDefault: false, stepLimit: 10, callTimeoutMs: 60_000, alwaysAllowed: [] },
    })
    expect(up({ settings: { keepOriginalImages: true } }).settings.keepOriginalImages).toBe(true)
  })

  it('7 adds the tool settings (no server, tools off, 10 steps, 60 s per call), keeping any already there', () => {
    const up = settingsMigrations[5]!.up
    expect(up({ settings: { defaultModel: 'x' } }).settings).toMatchObject({
      defaultModel: 'x',
      tools: { servers: [], enabledByDefault: false, stepLimit: 10, callTimeoutMs: 60_000, alwaysAllowed: [] },
    })
    const mine = { servers: [], enabledByDefault: true, stepLimit: 3, callTimeoutMs: 5_000, alwaysAllowed: [] }
    expect(up({ settings: { tools: mine } }).settings.tools).toEqual(mine)
    // Each migrated file gets its own copy, not the shared defaults object.
    expect(up({ settings: {} }).settings.tools).not.toBe(defaultSettings.tools)
  })

  it('bring a 0.1.0 file to the current version on open, keeping every value the user had', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(version1File))
    const log = memoryLogger()
    const { store, movedAsideTo } = openSettingsFile(dir, log)
    expect(movedAsideTo).toBeNull()
    expect(new SettingsStore(store, {}, log).get()).toEqual({ ...defaultSettings, ...version1File.settings })
    expect(new PresetStore(store, log).list().map((preset) => preset.name)).toEqual(
      shippedPresets.map((preset) => preset.name),
    )
    const file = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))
    expect(file.schemaVersion).toBe(currentSettingsVersion)
    expect(log.lines.join('\n')).toContain(`migrated from version 1 to ${currentSettingsVersion}`)
  })
})

describe('PresetStore', () => {
  it('creates, edits and deletes presets, shipped ones included, across a reopen', () => {
    const dir = tempDir()
    const log = memoryLogger()
    const presets = () => new PresetStore(openSettingsFile(dir, log).store, log)
    const created = presets().save({ name: 'Tóm tắt', systemPrompt: 'Tóm tắt ngắn gọn.', temperature: 0.1 })
    expect(created?.id).toBeTruthy()
    expect(presets().save({ ...created!, name: 'Tóm tắt ngắn', maxTokens: 200 })).toMatchObject({
      name: 'Tóm tắt ngắn',
      maxTokens: 200,
    })
    expect(presets().delete('shipped-code-reviewer')).toBe(true)
    expect(presets().delete('shipped-code-reviewer')).toBe(false)
    expect(presets().save({ id: 'gone', name: 'x', systemPrompt: '' })).toBeNull()
    expect(
      presets()
        .list()
        .map((preset) => preset.name),
    ).toEqual(['Trợ lý tiếng Việt', 'Translator (English ⇄ Vietnamese)', 'Tóm tắt ngắn'])
  })
})
