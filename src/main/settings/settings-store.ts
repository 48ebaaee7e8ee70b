import { defaultBaseURL } from '../../shared/models'
import {
  defaultSettings,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
  type SettingsView,
} from '../../shared/settings'
import type { Logger } from '../log'
import type { KeyValueStore } from '../storage/key-value-store'

const settingsKey = 'settings'

/**
 * The user's non-secret settings. Reads are forgiving (a field that fails the schema falls back to
 * its default, and the log says so); writes are strict (the caller validated the patch, and the
 * merged result is validated again before it is stored).
 */
export class SettingsStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly log: Logger,
  ) {}

  get(): Settings {
    const stored = this.store.get(settingsKey)
    const raw = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {}
    const settings: Record<string, unknown> = { ...defaultSettings }
    for (const field of Object.keys(defaultSettings) as Array<keyof Settings>) {
      if (!(field in raw)) continue
      const parsed = SettingsSchema.shape[field].safeParse(raw[field])
      if (parsed.success) settings[field] = parsed.data
      else this.log.warn(`setting "${field}" is invalid in the settings file; using its default`)
    }
    return settings as Settings
  }

  set(patch: SettingsPatch): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch })
    this.store.set(settingsKey, next)
    return next
  }

  /** The gateway in use: HOLYSHEEP_BASE_URL wins over the setting, which wins over the default. */
  effectiveBaseURL(settings: Settings = this.get()): Pick<SettingsView, 'effectiveBaseURL' | 'baseURLSource'> {
    const fromEnv = this.env.HOLYSHEEP_BASE_URL?.trim()
    if (fromEnv) return { effectiveBaseURL: fromEnv.replace(/\/+$/, ''), baseURLSource: 'environment' }
    if (settings.baseURL) return { effectiveBaseURL: settings.baseURL, baseURLSource: 'settings' }
    return { effectiveBaseURL: defaultBaseURL, baseURLSource: 'default' }
  }

  view(): SettingsView {
    const settings = this.get()
    return { settings, ...this.effectiveBaseURL(settings) }
  }
}
