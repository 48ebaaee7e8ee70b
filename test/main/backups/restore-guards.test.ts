/**
 * What a restore guards against, through the real services on a real SQLite file and a real
 * attachments folder, with the real backup worker: the moment between the checks and the swap is
 * reached through `stopHistoryCheck`, the step production runs there.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AttachmentFiles } from '../../../src/main/attachments/attachment-files'
import { AttachmentStore } from '../../../src/main/attachments/attachment-store'
import { BackupService } from '../../../src/main/backups/backup-service'
import { HistoryStore } from '../../../src/main/history/history-store'
import type { BackupInfo } from '../../../src/shared/backups'
import { memoryLogger } from '../../support/memory-logger'
import { useCoreSession } from '../../support/core-session'
import { useTempDirs } from '../../support/temp-dir'
import { backupWorkerFromSource } from '../../support/test-core'

const tempDir = useTempDirs()
const { later } = useCoreSession()

/** A history, its attachments and its backups on a fresh data folder; `beforeSwap` runs where production stops the history check. */
function setUp(beforeSwap: () => Promise<void> = async () => {}, files?: AttachmentFiles) {
  const dataDir = tempDir()
  const path = join(dataDir, 'history.sqlite')
  const log = memoryLogger()
  const { store: history } = HistoryStore.open({ path, log })
  later(() => history.close())
  const attachments = new AttachmentStore({
    files: files ?? new AttachmentFiles(dataDir),
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
  return { dataDir, history, attachments, backups, titles, backUp }
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
})
