import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import Conf from 'conf'
import type { Logger } from '../log'
import type { KeyValueStore } from './key-value-store'

/**
 * Opens `<dir>/<name>.json`. A file that is not valid JSON, is JSON but not an object (`[]`, `42`,
 * which the store would silently replace), or is an object `accepts` refuses (the store's own
 * shape, when a wrong one would be read as empty and then overwritten) is renamed aside with a
 * timestamp (never deleted or overwritten) and a fresh one is started, so one bad byte cannot lock
 * a user out. `open` builds the store: `conf` here, `electron-store` in the desktop app.
 */
export function openJsonStore(
  dir: string,
  name: string,
  log: Logger,
  open: (dir: string, name: string) => KeyValueStore = openConfStore,
  accepts: (value: object) => boolean = () => true,
): { store: KeyValueStore; movedAsideTo: string | null } {
  const problem = unusableJson(join(dir, `${name}.json`), accepts)
  if (problem) {
    const aside = moveJsonFileAside(dir, name)
    log.warn(`${name}.json ${problem}; it was moved to ${aside} and a new one was started`)
    return { store: open(dir, name), movedAsideTo: aside }
  }
  try {
    return { store: open(dir, name), movedAsideTo: null }
  } catch (error) {
    if (!(error instanceof SyntaxError) || !existsSync(join(dir, `${name}.json`))) throw error
    const aside = moveJsonFileAside(dir, name)
    log.warn(`${name}.json could not be read; it was moved to ${aside} and a new one was started`)
    return { store: open(dir, name), movedAsideTo: aside }
  }
}

/** Why the file cannot be used as it is, or null when it can (or is not JSON: see the SyntaxError path). */
function unusableJson(file: string, accepts: (value: object) => boolean): string | null {
  if (!existsSync(file)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    // Not JSON at all: the store throws a SyntaxError and the file is kept aside below.
    return null
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'is not a JSON object'
  return accepts(parsed) ? null : 'does not have the shape this file should have'
}

/** Renames `<dir>/<name>.json` to `<name>.corrupt-<time>.json` beside it and returns the new path. */
export function moveJsonFileAside(dir: string, name: string): string {
  const aside = join(dir, `${name}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  renameSync(join(dir, `${name}.json`), aside)
  return aside
}

/**
 * Options every JSON store shares, desktop or not: a broken file throws (instead of being silently
 * emptied) so `openJsonStore` can keep it aside, and files are readable by their owner only.
 */
export const jsonStoreOptions = { clearInvalidConfig: false, configFileMode: 0o600 } as const

export function openConfStore(dir: string, name: string): KeyValueStore {
  return new Conf({ projectName: 'holysheep-chat', cwd: dir, configName: name, ...jsonStoreOptions })
}
