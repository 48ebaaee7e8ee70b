/**
 * Placing a backup's files, with real files: a file removed after it was looked at (between the
 * size read and the link, as the start-up clean-up or a delete may do) counts as missing, as the
 * backup's json records it, instead of failing the whole backup.
 */
import * as fs from 'node:fs'
import type * as FsModule from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sha256Hex } from '../../../src/main/attachments/attachment-files'
import { placeFiles } from '../../../src/main/backups/backup-attachments'
import { useTempDirs } from '../../support/temp-dir'

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof FsModule>()
  return { ...actual, linkSync: vi.fn(actual.linkSync) }
})

const tempDir = useTempDirs()

afterEach(() => {
  vi.mocked(fs.linkSync).mockReset()
})

describe('placing files', () => {
  it('counts a file removed between its size and its link as missing, and places the others', async () => {
    const actual = await vi.importActual<typeof FsModule>('node:fs')
    vi.mocked(fs.linkSync).mockImplementation(actual.linkSync)
    const from = tempDir()
    const to = join(tempDir(), 'placed')
    const kept = Buffer.from('kept file')
    const gone = Buffer.from('removed meanwhile')
    for (const bytes of [kept, gone]) fs.writeFileSync(join(from, sha256Hex(bytes)), bytes)
    // The removal lands just before the link, after the size was read.
    vi.mocked(fs.linkSync).mockImplementationOnce((source, target) => {
      actual.rmSync(source)
      actual.linkSync(source, target)
    })

    const placed = placeFiles(from, to, [sha256Hex(gone), sha256Hex(kept)])
    expect(placed).toEqual({ files: 1, bytes: kept.length, missing: [sha256Hex(gone)] })
    expect(fs.readdirSync(to)).toEqual([sha256Hex(kept)])
    expect(fs.readFileSync(join(to, sha256Hex(kept)))).toEqual(kept)
  })
})
