/**
 * The data folder is its owner's only: after a real start (real SQLite, real JSON stores) the folder
 * is 0700 and every file 0600, and a folder an older version left 0755 with 0644 files is tightened.
 */
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../support/temp-dir'
import { createTestCore } from '../../support/test-core'

const tempDir = useTempDirs()
const modeOf = (path: string) => statSync(path).mode & 0o777

/** Every entry two levels deep, with its mode, for one readable failure message. */
function modes(dataDir: string): Record<string, string> {
  const found: Record<string, string> = { '.': modeOf(dataDir).toString(8) }
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name)
    found[name] = modeOf(path).toString(8)
    if (statSync(path).isDirectory())
      for (const inner of readdirSync(path)) found[`${name}/${inner}`] = modeOf(join(path, inner)).toString(8)
  }
  return found
}

const ownerOnly = (found: Record<string, string>, dirs: string[]) =>
  Object.fromEntries(Object.keys(found).map((name) => [name, name === '.' || dirs.includes(name) ? '700' : '600']))

describe.runIf(process.platform !== 'win32')('data folder modes', () => {
  it('creates the folder 0700 and every file 0600, the database and its -wal and -shm included', async () => {
    const dataDir = join(tempDir(), 'fresh')
    const core = createTestCore({ dataDir })
    core.settings.set({ defaultModel: 'gpt-4o-mini' })
    core.secrets.setKey('hs-test-key-3f9a1c2b7d')
    const found = modes(dataDir)
    expect(Object.keys(found)).toEqual(
      expect.arrayContaining(['history.sqlite', 'history.sqlite-wal', 'history.sqlite-shm', 'settings.json']),
    )
    expect(found).toEqual(ownerOnly(found, []))
    await core.shutdown()
  })

  it('tightens a folder left 0755 with 0644 files by an older version, at start', async () => {
    const dataDir = tempDir()
    const first = createTestCore({ dataDir })
    first.secrets.setKey('hs-test-key-3f9a1c2b7d')
    await first.shutdown()
    mkdirSync(join(dataDir, 'exports'))
    writeFileSync(join(dataDir, 'exports', 'old.json'), '{}')
    for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), name === 'exports' ? 0o755 : 0o644)
    chmodSync(join(dataDir, 'exports', 'old.json'), 0o644)
    chmodSync(dataDir, 0o755)
    expect(modeOf(join(dataDir, 'history.sqlite'))).toBe(0o644)

    const second = createTestCore({ dataDir })
    const found = modes(dataDir)
    expect(found['history.sqlite-wal']).toBeDefined()
    expect(found).toEqual(ownerOnly(found, ['exports']))
    await second.shutdown()
  })
})
