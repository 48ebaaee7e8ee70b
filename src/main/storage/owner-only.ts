/**
 * The data folder holds the history, the settings and the key: readable by its owner only. The folder
 * is 0700 and every file 0600, and files left by an older version (0755/0644) are tightened at start.
 * Windows has no such modes (its ACLs already keep a user's AppData to that user), so it is skipped.
 * The global umask is left alone on purpose: in Electron it would change Chromium's own files too.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export const ownerOnlyFileMode = 0o600
export const ownerOnlyFolderMode = 0o700

/** Whether this platform has POSIX file modes worth setting. */
export function hasFileModes(platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32'
}

/** Creates the folder if needed (0700) and tightens it and everything in it, two levels deep. */
export function secureDataFolder(dataDir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dataDir, { recursive: true, mode: ownerOnlyFolderMode })
  if (!hasFileModes(platform)) return
  tighten(dataDir, 2)
}

/** chmods one path to owner-only, if it exists and is not a symlink (whose target may be anyone's). */
export function tightenPath(path: string, platform: NodeJS.Platform = process.platform): void {
  if (!hasFileModes(platform)) return
  tighten(path, 0)
}

function tighten(path: string, depth: number): void {
  let stats
  try {
    stats = lstatSync(path)
  } catch {
    return
  }
  if (stats.isSymbolicLink()) return
  if (stats.isDirectory()) {
    if ((stats.mode & 0o777) !== ownerOnlyFolderMode) chmodSync(path, ownerOnlyFolderMode)
    // Our folders are shallow (exports/, uploads/); a limit keeps a start-up from walking anything deep.
    if (depth > 0) for (const name of readdirSync(path)) tighten(join(path, name), depth - 1)
  } else if (stats.isFile() && (stats.mode & 0o777) !== ownerOnlyFileMode) {
    chmodSync(path, ownerOnlyFileMode)
  }
}
