/**
 * The little that SettingsStore and SecretStore need from a JSON file store. Both `conf` (browser
 * mode, tests) and `electron-store` (the desktop app, a subclass of `conf`) satisfy it.
 */
export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
}
