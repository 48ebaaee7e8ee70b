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
 * The user's non-secret settings, in a file `openSettingsFile` has already migrated and checked.
 * Writes are strict: the caller validated the patch, and the merged result is validated again
 * before it is stored, so the file never holds what the schema refuses.
 */
export class SettingsStore {
  private readonly listeners = new Set<(settings: Settings) => void>()

  constructor(
    private readonly store: KeyValueStore,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly log: Logger,
  ) {}

  get(): Settings {
    const parsed = SettingsSchema.safeParse(this.store.get(settingsKey))
    if (parsed.success) return parsed.data
    // Only an edit by hand while the app runs gets here; the next start moves such a file aside.
    this.log.warn('settings.json changed under the app and no longer matches the schema; using the defaults')
    return defaultSettings
  }

  set(patch: SettingsPatch): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch })
    this.store.set(settingsKey, next)
    for (const listener of this.listeners) listener(next)
    return next
  }

  /** Calls `listener` after each saved change (for services that follow a setting); returns the unsubscribe. */
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The gateway in use: HOLYSHEEP_BASE_URL wins over the setting, which wins over the default. */
  effectiveBaseURL(settings: Settings = this.get()): Pick<SettingsView, 'effectiveBaseURL' | 'baseURLSource'> {
    const fromEnv = this.env.HOLYSHEEP_BASE_URL?.trim()
    if (fromEnv) return { effectiveBaseURL: fromEnv.replace(/\/+$/, ''), baseURLSource: 'environment' }
    if (settings.baseURL) return { effectiveBaseURL: settings.baseURL, baseURLSource: 'settings' }
    return { effectiveBaseURL: defaultBaseURL, baseURLSource: 'default' }
  }

  /**
   * The proxy shown to the user: the setting wins over HTTPS_PROXY / HTTP_PROXY (NO_PROXY still
   * exempts its hosts either way; see proxy-dispatcher.ts).
   */
  effectiveProxy(settings: Settings = this.get()): Pick<SettingsView, 'effectiveProxy' | 'proxySource'> {
    if (settings.proxy) return { effectiveProxy: withoutPassword(settings.proxy), proxySource: 'settings' }
    const fromEnv = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']
      .map((name) => this.env[name]?.trim())
      .find(Boolean)
    return fromEnv
      ? { effectiveProxy: withoutPassword(fromEnv), proxySource: 'environment' }
      : { effectiveProxy: null, proxySource: 'none' }
  }

  view(): SettingsView {
    const settings = this.get()
    return { settings, ...this.effectiveBaseURL(settings), ...this.effectiveProxy(settings) }
  }
}

/** A proxy URL as shown to the user: a password in it (`http://user:secret@host`) never leaves main. */
export function withoutPassword(proxyUrl: string): string {
  try {
    const url = new URL(proxyUrl)
    if (!url.password) return proxyUrl
    url.password = '***'
    return url.href
  } catch {
    return proxyUrl.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@')
  }
}
