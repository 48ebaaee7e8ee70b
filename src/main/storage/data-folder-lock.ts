/**
 * One process owns a data folder. Two copies of the app on one folder (two browser modes, or the
 * desktop app and browser mode, which Electron's single-instance lock cannot see) would mark each
 * other's live answers interrupted, delete each other's uploads and mark the database clean while
 * the other still writes. So each entry takes `<dataDir>/holysheep.lock` before anything else
 * touches the folder, and a second process says who holds it and exits.
 *
 * A small file rather than a library: `proper-lockfile` is not installed and works by mtime
 * heartbeats; the owner's pid is the better test here (one machine, one user), and the file is
 * also what a person reads to see which process holds the folder.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { uptime } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { ownerOnlyFileMode, ownerOnlyFolderMode } from './owner-only'

export const lockFileName = 'holysheep.lock'

const LockOwnerSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  kind: z.enum(['desktop', 'browser']),
})
export type LockOwner = z.infer<typeof LockOwnerSchema>

/** Another live process holds the folder; the message names it, its pid and the folder. */
export class DataFolderInUseError extends Error {
  override readonly name = 'DataFolderInUseError'

  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const which = owner.kind === 'desktop' ? 'the desktop app' : 'browser mode'
    super(
      `${dataDir} is already in use by HolySheep Chat (${which}, process ${owner.pid}, started ${owner.startedAt}). ` +
        `Close that copy first, or use another folder (HOLYSHEEP_DATA_DIR). If no copy is running, delete ${join(dataDir, lockFileName)}.`,
    )
  }
}

export interface DataFolderLock {
  readonly path: string
  /** Removes the lock file if this process still owns it. Safe to call more than once. */
  release(): void
}

export interface AcquireOptions {
  kind: LockOwner['kind']
  pid?: number
  now?: () => Date
  /** Whether a pid is a running process; `process.kill(pid, 0)` by default. */
  isAlive?: (pid: number) => boolean
  /** When this machine last started (ms since the epoch); from the OS's uptime by default. */
  bootTime?: () => number
}

/**
 * A lock written before the machine last started cannot be held by a live process, whatever its
 * pid: after a crash or power loss, pids are handed out afresh (small ones first after a reboot, and
 * in containers), so another program may well run under the old owner's pid. A minute of slack for
 * clocks that move at boot.
 */
const bootSlackMs = 60_000
const systemBootTime = () => Date.now() - uptime() * 1000

/** Signal 0 checks without signalling; EPERM means the process exists but is another user's. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed = LockOwnerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    // Missing, or half-written by a process killed while writing it: no live owner either way.
    return null
  }
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT'
const isTaken = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EEXIST'

/**
 * Takes the folder's lock or throws `DataFolderInUseError`. The file is created exclusively (`wx`);
 * a lock whose owner is dead (killed, crashed, power lost) is stale: it is renamed aside, which only
 * one taker can do, and the exclusive create is tried again, so two processes taking over the same
 * stale lock cannot both win (a write-then-rename takeover could let both believe they had).
 */
export function acquireDataFolderLock(dataDir: string, options: AcquireOptions): DataFolderLock {
  const pid = options.pid ?? process.pid
  const isAliveNow = options.isAlive ?? isProcessAlive
  const bootTime = (options.bootTime ?? systemBootTime)()
  const isAlive = (pid: number, startedAt?: string) =>
    isAliveNow(pid) && !(startedAt !== undefined && Date.parse(startedAt) < bootTime - bootSlackMs)
  const path = join(dataDir, lockFileName)
  const owner: LockOwner = { pid, startedAt: (options.now?.() ?? new Date()).toISOString(), kind: options.kind }
  mkdirSync(dataDir, { recursive: true, mode: ownerOnlyFolderMode })
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(owner), { flag: 'wx', mode: ownerOnlyFileMode })
      return lockHeldBy(path, pid)
    } catch (error) {
      if (!isTaken(error)) throw error
    }
    const current = readOwner(path)
    if (current && current.pid !== pid && isAlive(current.pid, current.startedAt))
      throw new DataFolderInUseError(dataDir, current)
    takeAsideIfStale(path, pid, isAlive)
  }
  const current = readOwner(path)
  if (current) throw new DataFolderInUseError(dataDir, current)
  throw new Error(`Could not take ${path}: other processes kept taking it.`)
}

/** Moves a stale lock out of the way; puts it back if it turned out to be a live owner's fresh one. */
function takeAsideIfStale(path: string, pid: number, isAlive: (pid: number, startedAt?: string) => boolean): void {
  const aside = `${path}.stale-${pid}`
  try {
    renameSync(path, aside)
  } catch (error) {
    // Another process moved it first; the next exclusive create decides.
    if (isMissing(error)) return
    throw error
  }
  const moved = readOwner(aside)
  if (moved && moved.pid !== pid && isAlive(moved.pid, moved.startedAt)) {
    // Between our read and our rename a live process took the lock: give it back (link fails if taken).
    try {
      linkSync(aside, path)
    } catch (error) {
      if (!isTaken(error)) throw error
    }
  }
  unlinkSync(aside)
}

function lockHeldBy(path: string, pid: number): DataFolderLock {
  let released = false
  return {
    path,
    release() {
      if (released) return
      released = true
      // Never remove a lock another process took over (after this one was thought dead, say).
      if (readOwner(path)?.pid !== pid) return
      try {
        unlinkSync(path)
      } catch (error) {
        if (!isMissing(error)) throw error
      }
    },
  }
}
