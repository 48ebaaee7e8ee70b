import { homedir } from 'node:os'
import { join } from 'node:path'

export const productName = 'HolySheep Chat'

/**
 * The per-user folder Electron uses for `app.getPath('userData')` (appData + product name), computed
 * without Electron so browser mode reads and writes the same files as the desktop app.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'))
  return join(appData, productName)
}

/** HOLYSHEEP_DATA_DIR, when set, wins: tests, demos and portable installs use it. */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.HOLYSHEEP_DATA_DIR?.trim() || defaultUserDataDir(process.platform, env)
}
