/**
 * Backups carry the attachments: the real core, its real backup worker (from source, with tsx), a
 * real SQLite file and real files in `attachments/`. A backup holds the files its copy of the
 * history records, named by their SHA-256; a restore checks each against its name and writes them
 * back, and refuses a backup with a missing or altered file, changing nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../../src/main/attachments/attachment-files'
import { removeLeftovers } from '../../../src/main/backups/backup-files'
import type { Core } from '../../../src/main/core'
import type { Attachment } from '../../../src/shared/attachments'
import type { BackupInfo } from '../../../src/shared/backups'
import { pngBytes } from '../../support/file-bytes'
import { call, useCoreSession } from '../../support/core-session'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const { startCore } = useCoreSession()

/** Every file of a folder with its bytes, by name (nothing when there is no folder). */
function folderBytes(dir: string): Record<string, Buffer> {
  if (!existsSync(dir)) return {}
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]))
}

/** A conversation whose question carries `files`, stored through `attachments:add` as the window does. */
async function askWith(core: Core, title: string, files: Array<{ name: string; bytes: Buffer }>) {
  const conversation = core.history.createConversation({ title })
  const added: Attachment[] = []
  for (const file of files)
    added.push(
      await call<Attachment>(core, 'attachments:add', { name: file.name, dataBase64: file.bytes.toString('base64') }),
    )
  core.history.appendMessage(conversation.id, {
    role: 'user',
    content: `${title}: see the files`,
    status: 'complete',
    attachments: added.map(({ id, name }) => ({ id, name })),
  })
  return { conversation, added }
}

describe('backups with attachments', () => {
  it('carry the files their history records, and a restore writes them back byte for byte', async () => {
    const dataDir = tempDir()
    const core = startCore({ dataDir })
    const key = 'sk-attachment-backup-key-0123456789'
    core.secrets.setKey(key)
    const png = pngBytes(64, 48, 3)
    const notes = Buffer.from('# Ghi chú\nmột, hai, ba\n')
    const { conversation } = await askWith(core, 'Before', [
      { name: 'ảnh.png', bytes: png },
      { name: 'notes.md', bytes: notes },
    ])
    const backup = await call<BackupInfo>(core, 'backups:create')

    const carried = join(dataDir, 'backups', `${backup.id}.attachments`)
    expect(folderBytes(carried)).toEqual({ [sha256Hex(png)]: png, [sha256Hex(notes)]: notes })
    const meta = JSON.parse(readFileSync(join(dataDir, 'backups', `${backup.id}.json`), 'utf8')) as {
      attachments: unknown
    }
    expect(meta.attachments).toEqual({ files: 2, bytes: png.length + notes.length, missing: [] })
    // Nothing in the backups folder, attachments included, holds the key in plain text.
    for (const file of readdirSync(join(dataDir, 'backups'), { recursive: true, withFileTypes: true }))
      if (file.isFile())
        expect(readFileSync(join(file.parentPath, file.name)).includes(Buffer.from(key)), file.name).toBe(false)

    // The conversation is deleted for good and its files cleaned up; a new one comes after the backup.
    core.history.deleteConversation(conversation.id)
    core.history.purgeDeleted(0)
    await core.attachments.cleanUp(Date.now() + 1000)
    expect(folderBytes(join(dataDir, 'attachments'))).toEqual({})
    const later = pngBytes(20, 20, 9)
    await askWith(core, 'After', [{ name: 'later.png', bytes: later }])

    const { keptAt } = await call<{ keptAt: string }>(core, 'backups:restore', { id: backup.id })
    const live = folderBytes(join(dataDir, 'attachments'))
    expect(live[sha256Hex(png)]).toEqual(png)
    expect(live[sha256Hex(notes)]).toEqual(notes)
    const [question] = core.history.listMessages(conversation.id, { limit: 10 }).messages
    expect(question!.attachments!.map((file) => file.name)).toEqual(['ảnh.png', 'notes.md'])
    const read = await call<{ dataBase64: string }>(core, 'attachments:read', { id: sha256Hex(png) })
    expect(Buffer.from(read.dataBase64, 'base64')).toEqual(png)
    // The history kept aside keeps its own files beside it: the next clean-up may take them from attachments/.
    expect(folderBytes(`${keptAt}.attachments`)).toEqual({ [sha256Hex(later)]: later })
    await core.attachments.cleanUp(Date.now() + 1000)
    expect(Object.keys(folderBytes(join(dataDir, 'attachments'))).sort()).toEqual(
      [sha256Hex(png), sha256Hex(notes)].sort(),
    )
  })

  for (const damage of ['an altered', 'a missing'] as const)
    it(`refuse a backup with ${damage} attachment and leave the current data untouched`, async () => {
      const dataDir = tempDir()
      const core = startCore({ dataDir })
      const png = pngBytes(32, 32, 1)
      const { conversation } = await askWith(core, 'In the backup', [{ name: 'a.png', bytes: png }])
      const backup = await call<BackupInfo>(core, 'backups:create')
      const carriedFile = join(dataDir, 'backups', `${backup.id}.attachments`, sha256Hex(png))
      // Replaced, not written over: the backup's file may be a hard link to the live one.
      rmSync(carriedFile)
      if (damage === 'an altered') writeFileSync(carriedFile, pngBytes(32, 32, 2))
      core.history.renameConversation(conversation.id, 'Renamed after the backup')
      await askWith(core, 'After the backup', [{ name: 'b.txt', bytes: Buffer.from('sau bản sao lưu') }])
      const liveBefore = folderBytes(join(dataDir, 'attachments'))
      const dataBefore = readdirSync(dataDir).sort()

      const result = await core.dispatch('backups:restore', { id: backup.id })
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_file' } })
      expect(folderBytes(join(dataDir, 'attachments'))).toEqual(liveBefore)
      expect(readdirSync(dataDir).sort()).toEqual(dataBefore)
      const titles = core.history.listConversations({ limit: 10 }).conversations.map((item) => item.title)
      expect(titles.sort()).toEqual(['After the backup', 'Renamed after the backup'])
    })

  it('go with their backup when it is pruned, and a killed run leaves no attachment folder behind', async () => {
    const dataDir = tempDir()
    const core = startCore({ dataDir })
    await askWith(core, 'One', [{ name: 'one.png', bytes: pngBytes(8, 8) }])
    const taken: BackupInfo[] = []
    for (let run = 0; run < 6; run++) taken.push(await call<BackupInfo>(core, 'backups:create'))
    const backups = join(dataDir, 'backups')
    const folders = readdirSync(backups).filter((name) => name.endsWith('.attachments'))
    expect(folders.sort()).toEqual(taken.slice(1).map(({ id }) => `${id}.attachments`))

    // What a kill mid-backup leaves, and a folder whose copy is gone: both cleared; the backups stay.
    mkdirSync(join(backups, 'manual-2026-01-01T000000000Z.attachments.partial'))
    mkdirSync(join(backups, 'manual-2026-01-02T000000000Z.attachments'))
    removeLeftovers(backups)
    expect(
      readdirSync(backups)
        .filter((name) => name.includes('.attachments'))
        .sort(),
    ).toEqual(folders.sort())
  })
})
