/**
 * The lock file's rules on a real folder: exclusive, stale owners taken over, half-written files
 * treated as stale, and a release that never removes another process's lock.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireDataFolderLock, DataFolderInUseError } from '../../../src/main/storage/data-folder-lock'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const lockPath = (dir: string) => join(dir, 'holysheep.lock')
const ownerOf = (dir: string) => JSON.parse(readFileSync(lockPath(dir), 'utf8')) as { pid: number }

describe('acquireDataFolderLock', () => {
  it('refuses while the owner lives, naming it; takes over once it is dead', () => {
    const dir = tempDir()
    const alive = new Set([101])
    const isAlive = (pid: number) => alive.has(pid)
    acquireDataFolderLock(dir, { kind: 'desktop', pid: 101, isAlive })
    expect(() => acquireDataFolderLock(dir, { kind: 'browser', pid: 202, isAlive })).toThrow(DataFolderInUseError)
    expect(() => acquireDataFolderLock(dir, { kind: 'browser', pid: 202, isAlive })).toThrow(
      `(the desktop app, process 101,`,
    )
    alive.delete(101)
    const lock = acquireDataFolderLock(dir, { kind: 'browser', pid: 202, isAlive })
    expect(ownerOf(dir).pid).toBe(202)
    // Nothing is left beside it from the takeover.
    expect(readdirSync(dir)).toEqual(['holysheep.lock'])
    lock.release()
    expect(existsSync(lockPath(dir))).toBe(false)
  })

  it('treats a half-written lock file as stale', () => {
    const dir = tempDir()
    writeFileSync(lockPath(dir), '{"pid": 3')
    acquireDataFolderLock(dir, { kind: 'browser', pid: 303, isAlive: () => true })
    expect(ownerOf(dir).pid).toBe(303)
  })

  it('never removes a lock another process took over', () => {
    const dir = tempDir()
    const alive = new Set([404, 505])
    const first = acquireDataFolderLock(dir, { kind: 'browser', pid: 404, isAlive: (pid) => alive.has(pid) })
    alive.delete(404)
    acquireDataFolderLock(dir, { kind: 'browser', pid: 505, isAlive: (pid) => alive.has(pid) })
    first.release()
    expect(ownerOf(dir).pid).toBe(505)
  })

  it('a later taker sees the new owner of a lock that was taken over', () => {
    const dir = tempDir()
    writeFileSync(lockPath(dir), JSON.stringify({ pid: 606, startedAt: 'then', kind: 'browser' }))
    const alive = new Set<number>()
    const isAlive = (pid: number) => alive.has(pid)
    acquireDataFolderLock(dir, { kind: 'browser', pid: 707, isAlive })
    alive.add(707)
    expect(() => acquireDataFolderLock(dir, { kind: 'browser', pid: 808, isAlive })).toThrow(/process 707/)
    expect(ownerOf(dir).pid).toBe(707)
  })

  it('takes over a lock written before the machine last started, even when its pid is in use again', () => {
    const dir = tempDir()
    const bootTime = () => Date.parse('2026-12-01T08:00:00Z')
    // Written the day before the reboot by process 909; after the reboot another program runs as 909.
    writeFileSync(lockPath(dir), JSON.stringify({ pid: 909, startedAt: '2026-11-30T20:00:00.000Z', kind: 'desktop' }))
    acquireDataFolderLock(dir, { kind: 'browser', pid: 910, isAlive: () => true, bootTime })
    expect(ownerOf(dir).pid).toBe(910)
    // A lock taken since the boot by a live process still refuses.
    const now = () => new Date('2026-12-01T09:00:00Z')
    expect(() => acquireDataFolderLock(dir, { kind: 'browser', pid: 911, isAlive: () => true, bootTime, now })).toThrow(
      /process 910/,
    )
  })
})
