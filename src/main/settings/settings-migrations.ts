/**
 * Numbered migrations of the settings file, so a file written by an older release keeps its
 * values after an upgrade. Each takes the whole document (`settings`, `presets`) at its version
 * and returns it at the next. Append only: a shipped migration never changes. A file without
 * `schemaVersion` was written before versions existed (0.1.0) and counts as version 1.
 */
import { defaultPriceTable } from '../../shared/pricing'
import { shippedPresets } from '../../shared/presets'
import { defaultToolSettings } from '../../shared/tool-settings'

export interface SettingsDocument {
  settings: Record<string, unknown>
  presets?: unknown
}

export interface SettingsMigration {
  /** The version this migration produces. */
  version: number
  name: string
  up(document: SettingsDocument): SettingsDocument
}

/** 0.1.0's file: base URL, default model, temperature, max tokens, system prompt. */
export const firstSettingsVersion = 1

export const settingsMigrations: readonly SettingsMigration[] = [
  {
    version: 2,
    name: 'sampling, appearance, streaming limits and proxy',
    up: ({ settings, ...rest }) => ({
      ...rest,
      settings: {
        topP: null,
        language: 'system',
        theme: 'system',
        idleTimeoutSeconds: 45,
        maxConcurrentStreams: 4,
        proxy: null,
        ...settings,
      },
    }),
  },
  {
    version: 3,
    name: 'price table and payment rate',
    up: ({ settings, ...rest }) => ({
      ...rest,
      settings: { prices: structuredClone(defaultPriceTable), currency: 'CNY', paymentRate: 1, ...settings },
    }),
  },
  {
    version: 4,
    name: 'presets, starting with the shipped ones',
    up: (document) => ({ ...document, presets: document.presets ?? shippedPresets.map((preset) => ({ ...preset })) }),
  },
  {
    version: 5,
    name: 'backups, updates and answer limits',
    up: ({ settings, ...rest }) => ({
      ...rest,
      settings: {
        backupsEnabled: true,
        backupsToKeep: 7,
        autoUpdate: true,
        maxAnswerChars: 2_000_000,
        totalTimeoutSeconds: 1_800,
        ...settings,
      },
    }),
  },
  {
    version: 6,
    name: 'sidebar collapsed or open',
    up: ({ settings, ...rest }) => ({ ...rest, settings: { sidebarCollapsed: false, ...settings } }),
  },
  {
    version: 7,
    name: 'attachments (keep original images, which models read images) and tools (MCP servers, limits, always-allowed)',
    up: ({ settings, ...rest }) => ({
      ...rest,
      settings: {
        keepOriginalImages: false,
        modelReadsImages: {},
        tools: structuredClone(defaultToolSettings),
        ...settings,
      },
    }),
  },
]

export const currentSettingsVersion = settingsMigrations.at(-1)!.version

/** Brings a document from `from` up to the current version; the caller validates the result. */
export function migrateSettings(document: SettingsDocument, from: number): SettingsDocument {
  let migrated = document
  for (const migration of settingsMigrations) {
    if (migration.version > from) migrated = migration.up(migrated)
  }
  return migrated
}
