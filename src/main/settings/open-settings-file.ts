/**
 * Opens `settings.json` and brings it to the current version. A file that is not JSON, fails the
 * schema after its migrations, or was written by a newer release is renamed aside (never deleted),
 * a fresh file with the defaults is started, and `movedAsideTo` tells the caller so the user hears
 * of it.
 */
import { fileStamp } from '../backups/backup-files'
import { copyConfigFiles } from '../backups/config-copies'
import { PresetListSchema, shippedPresets } from '../../shared/presets'
import { defaultSettings, SettingsSchema } from '../../shared/settings'
import type { Logger } from '../log'
import type { KeyValueStore } from '../storage/key-value-store'
import { moveJsonFileAside, openConfStore, openJsonStore } from '../storage/open-json-store'
import { currentSettingsVersion, firstSettingsVersion, migrateSettings } from './settings-migrations'

export const settingsFileName = 'settings'

export function openSettingsFile(
  dir: string,
  log: Logger,
  open: (dir: string, name: string) => KeyValueStore = openConfStore,
  /** Where the files are copied before a migration changes them (none when absent), and whether the key may be. */
  backups?: { dir: string; keyOsEncrypted: boolean },
): { store: KeyValueStore; movedAsideTo: string | null } {
  // Not JSON, or JSON that is not an object: openJsonStore keeps it aside and starts afresh.
  const opened = openJsonStore(dir, settingsFileName, log, open)
  const backUp = (from: number) => {
    if (!backups) return
    const label = `settings-v${from}-${fileStamp(Date.now())}`
    const copies = copyConfigFiles(dir, backups.dir, label, ['settings', 'secrets'], backups)
    log.info(`settings backed up before migrating from version ${from}: ${copies.join(', ')}`)
  }
  const problem = bringUpToDate(opened.store, log, backUp)
  if (problem === null) return opened
  return startAfresh(dir, log, open, problem)
}

function startAfresh(
  dir: string,
  log: Logger,
  open: (dir: string, name: string) => KeyValueStore,
  problem: string,
): { store: KeyValueStore; movedAsideTo: string } {
  const aside = moveJsonFileAside(dir, settingsFileName)
  log.warn(`settings.json ${problem}; it was moved to ${aside} and the defaults are in use`)
  const store = open(dir, settingsFileName)
  writeDefaults(store)
  return { store, movedAsideTo: aside }
}

/** Migrates and validates in place; returns what is wrong with the file, or null when it is fine. */
function bringUpToDate(store: KeyValueStore, log: Logger, backUp: (from: number) => void): string | null {
  const version = store.get('schemaVersion')
  const stored = store.get('settings')
  if (version === undefined && stored === undefined) {
    writeDefaults(store)
    return null
  }
  const from = version === undefined ? firstSettingsVersion : version
  if (typeof from !== 'number' || !Number.isInteger(from) || from < firstSettingsVersion)
    return 'has no valid schemaVersion'
  if (from > currentSettingsVersion)
    return `was written by a newer version of the app (settings version ${from}; this one knows ${currentSettingsVersion})`
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return 'has no settings object'
  const migrated = migrateSettings({ settings: stored as Record<string, unknown>, presets: store.get('presets') }, from)
  const settings = SettingsSchema.safeParse(migrated.settings)
  if (!settings.success) return `does not match the settings schema (${describe(settings.error.issues)})`
  const presets = PresetListSchema.safeParse(migrated.presets)
  if (!presets.success) return `has invalid presets (${describe(presets.error.issues)})`
  if (from !== currentSettingsVersion) {
    backUp(from)
    store.set('settings', settings.data)
    store.set('presets', presets.data)
    store.set('schemaVersion', currentSettingsVersion)
    log.info(`settings.json migrated from version ${from} to ${currentSettingsVersion}`)
  }
  return null
}

function writeDefaults(store: KeyValueStore): void {
  store.set('settings', defaultSettings)
  store.set(
    'presets',
    shippedPresets.map((preset) => ({ ...preset })),
  )
  store.set('schemaVersion', currentSettingsVersion)
}

function describe(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ')
}
