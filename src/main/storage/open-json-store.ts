import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import Conf from 'conf'
import type { Logger } from '../log'
import type { KeyValueStore } from './key-value-store'

/**
 * Opens `<dir>/<name>.json`. A file that is not valid JSON, or is JSON but not an object (`[]`, `42`,
 * which the store would silently replace), is renamed aside with a timestamp (never deleted or
 * overwritten) and a fresh one is started, so one bad byte cannot lock a user out.
 * `open` builds the store: `conf` here, `electron-store` in the desktop app.
 */
export function openJsonStore(
  dir: string,
  name: string,
  log: Logger,
  open: (dir: string, name: string) => KeyValueStore = openConfStore,
): { store: KeyValueStore; movedAsideTo: string | null } {
  if (holdsJsonThatIsNotAnObject(join(dir, `${name}.json`))) {
    const aside = moveJsonFileAside(dir, name)
    log.warn(`${name}.json is not a JSON object; it was moved to ${aside} and a new one was started`)
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

function holdsJsonThatIsNotAnObject(file: string): boolean {
  if (!existsSync(file)) return false
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)
  } catch {
    // Not JSON at all: the store throws a SyntaxError and the file is kept aside below.
    return false
  }
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
