/**
 * What a restore guards against, through the real services on a real SQLite file and a real
 * attachments folder, with the real backup worker: the moment between the checks and the swap is
 * reached through `stopHistoryCheck`, the step production runs there.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AttachmentFiles, sha256Hex } from '../../../src/main/attachments/attachment-files'
import { AttachmentStore } from '../../../src/main/attachments/attachment-store'
import { BackupService } from '../../../src/main/backups/backup-service'
import { HistoryStore } from '../../../src/main/history/history-store'
import type { BackupInfo } from '../../../src/shared/backups'
import { pngBytes } from '../../support/file-bytes'
import { memoryLogger } from '../../support/memory-logger'
import { useCoreSession } from '../../support/core-session'
import { useTempDirs } from '../../support/temp-dir'
import { backupWorkerFromSource } from '../../support/test-core'

const tempDir = useTempDirs()
const { later } = useCoreSession()

/** A history, its attachments and its backups on a fresh data folder; `beforeSwap` runs where production stops the history check. */
function setUp(
  beforeSwap: () => Promise<void> = async () => {},
  more: { files?: (dataDir: string) => AttachmentFiles; onHold?: () => void } = {},
) {
  const dataDir = tempDir()
  const path = join(dataDir, 'history.sqlite')
  const log = memoryLogger()
  const { store: history } = HistoryStore.open({ path, log })
  later(() => history.close())
  const attachments = new AttachmentStore({
    files: more.files?.(dataDir) ?? new AttachmentFiles(dataDir),
    history,
    readPdf: async () => {
      throw new Error('no PDF in these tests')
    },
    log,
  })
  const backups = new BackupService({
    dataDir,
    backupsDir: join(dataDir, 'backups'),
    dbPath: path,
    history,
    worker: backupWorkerFromSource,
    settings: () => ({ backupsEnabled: true, backupsToKeep: 7 }),
    busyReason: () => null,
    // As core wires it.
    holdAttachments: (work) => {
      more.onHold?.()
      return attachments.whileNoCleanUp(work)
    },
    stopHistoryCheck: beforeSwap,
    notify: () => {},
    emit: () => {},
    log,
  })
  later(() => backups.stop())
  const titles = () =>
    history
      .listConversations({ limit: 10 })
      .conversations.map((item) => item.title)
      .sort()
  const backUp = async (): Promise<BackupInfo> => {
    const taken = await backups.create()
    if (!taken.ok) throw new Error(taken.error.message)
    return taken.value
  }
  /** A conversation whose question carries `files`, stored as `attachments:add` stores them. */
  const askWith = async (title: string, files: Buffer[]) => {
    const conversation = history.createConversation({ title })
    const ids: string[] = []
    for (const [index, bytes] of files.entries()) {
      const added = await attachments.add({ name: `${index}.png`, dataBase64: bytes.toString('base64') })
      if (!added.ok) throw new Error(added.error.message)
      ids.push(added.value.id)
    }
    history.appendMessage(conversation.id, {
      role: 'user',
      content: title,
      status: 'complete',
      attachments: ids.map((id, index) => ({ id, name: `${index}.png` })),
    })
    return conversation
  }
  return { dataDir, history, attachments, backups, titles, backUp, askWith }
}

/** Every file of a folder with its bytes, by name (nothing when there is no folder). */
function folderBytes(dir: string): Record<string, Buffer> {
  if (!existsSync(dir)) return {}
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]))
}

describe('a restore', () => {
  it('refuses a second restore until the first has swapped the file, and the first restores its backup', async () => {
    let second: Awaited<ReturnType<BackupService['restore']>> | null = null
    let hooked = false
    const { dataDir, history, backups, titles, backUp } = setUp(async () => {
      if (hooked) return
      hooked = true
      // The first restore waits here, its copy staged; the second asks now.
      second = await backups.restore(other.id)
    })
    history.createConversation({ title: 'In the first backup' })
    const first = await backUp()
    history.createConversation({ title: 'In the second backup' })
    const other = await backUp()
    history.createConversation({ title: 'After both' })

    const restored = await backups.restore(first.id)
    expect(second).toMatchObject({ ok: false, error: { kind: 'busy' } })
    expect(restored.ok).toBe(true)
    expect(titles()).toEqual(['In the first backup'])
    const left = readdirSync(dataDir).filter((name) => /before-restore|restoring/.test(name))
    expect(left).toHaveLength(1)
  })

  for (const failure of ['a file of the backup goes missing', 'placing a file fails'] as const)
    it(`changes nothing and says so when ${failure} after the checks`, async () => {
      const pictures = [pngBytes(16, 16, 1), pngBytes(16, 16, 2)].sort((a, b) =>
        sha256Hex(a).localeCompare(sha256Hex(b)),
      )
      let backupFolder = ''
      const { dataDir, history, attachments, backups, titles, backUp, askWith } = setUp(async () => {
        // The second in placing order: the first is placed by then, and must not stay.
        const file = join(backupFolder, sha256Hex(pictures[1]!))
        rmSync(file)
        // A file that cannot be linked nor copied, as on a full disk.
        if (failure === 'placing a file fails') mkdirSync(file)
      })
      const inBackup = await askWith('In the backup', pictures)
      const backup = await backUp()
      backupFolder = join(dataDir, 'backups', `${backup.id}.attachments`)
      history.deleteConversation(inBackup.id)
      history.purgeDeleted(0)
      await attachments.cleanUp(Date.now() + 1000)
      await askWith('After the backup', [pngBytes(16, 16, 3)])
      const liveBefore = folderBytes(join(dataDir, 'attachments'))
      const dataBefore = readdirSync(dataDir).sort()

      const result = await backups.restore(backup.id)
      expect(result).toMatchObject({
        ok: false,
        error: { kind: failure === 'placing a file fails' ? 'internal' : 'invalid_file' },
      })
      expect(result.ok || result.error.message).toMatch(/your history is unchanged/)
      expect(folderBytes(join(dataDir, 'attachments'))).toEqual(liveBefore)
      expect(readdirSync(dataDir).sort()).toEqual(dataBefore)
      expect(titles()).toEqual(['After the backup'])
    })

  it('right after start waits for the clean-up of the files the history open then no longer used', async () => {
    // Each removal waits until the test lets it go: the clean-up is slow, as with many files.
    let letGo = () => {}
    const gate = new Promise<void>((resolve) => (letGo = resolve))
    class SlowFiles extends AttachmentFiles {
      override async remove(id: string): Promise<void> {
        await gate
        await super.remove(id)
      }
    }
    const { dataDir, history, attachments, backups, backUp, askWith } = setUp(async () => {}, {
      files: (dir) => new SlowFiles(dir),
      // The restore waits for the clean-up: it may go on now.
      onHold: () => letGo(),
    })
    const picture = pngBytes(24, 24, 7)
    const inBackup = await askWith('In the backup', [picture])
    const backup = await backUp()
    // Gone for good from the history in use: the next start's clean-up takes its file.
    history.deleteConversation(inBackup.id)
    history.purgeDeleted(0)

    const cleaning = attachments.cleanUp(Date.now() + 1000)
    const restoring = backups.restore(backup.id)
    // Without the wait the restore ends first, keeping the file it found in place.
    void restoring.finally(() => letGo())
    expect((await restoring).ok).toBe(true)
    await cleaning
    const [question] = history.listMessages(inBackup.id, { limit: 10 }).messages
    expect(question!.attachments!.map((file) => file.id)).toEqual([sha256Hex(picture)])
    expect(folderBytes(join(dataDir, 'attachments'))).toEqual({ [sha256Hex(picture)]: picture })
    expect((await attachments.read(sha256Hex(picture))).ok).toBe(true)
  })
})
