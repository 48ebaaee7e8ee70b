/**
 * The clean-up as the app runs it: the real core on a real data folder, restarted. A conversation
 * deleted more than a day ago (past its Undo window) is purged at start, and then the files no
 * message uses any more leave `attachments/`; one deleted within the window keeps its files, and
 * so does a file another conversation still uses.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../../src/main/attachments/attachment-files'
import type { Core } from '../../../src/main/core'
import type { Attachment } from '../../../src/shared/attachments'
import { pngBytes } from '../../support/file-bytes'
import { call, useCoreSession } from '../../support/core-session'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const { startCore, shutdownAll } = useCoreSession()

async function conversationWith(core: Core, title: string, files: Buffer[]) {
  const conversation = core.history.createConversation({ title })
  const links: Array<{ id: string; name: string }> = []
  for (const [index, bytes] of files.entries()) {
    const added = await call<Attachment>(core, 'attachments:add', {
      name: `${title}-${index}.png`,
      dataBase64: bytes.toString('base64'),
    })
    links.push({ id: added.id, name: added.name })
  }
  core.history.appendMessage(conversation.id, { role: 'user', content: title, status: 'complete', attachments: links })
  return conversation
}

describe('unused attachments at start', () => {
  it('leave once their messages are purged after the Undo window, not before', async () => {
    const dataDir = tempDir()
    const shared = pngBytes(10, 10, 1)
    const expiredOnly = pngBytes(10, 10, 2)
    const recentOnly = pngBytes(10, 10, 3)
    const core = startCore({ dataDir })
    await conversationWith(core, 'kept', [shared])
    const expired = await conversationWith(core, 'expired', [shared, expiredOnly])
    const recent = await conversationWith(core, 'recent', [recentOnly])
    core.history.deleteConversation(expired.id)
    core.history.deleteConversation(recent.id)
    await shutdownAll()
    // Two days pass for the first deletion.
    const db = new DatabaseSync(join(dataDir, 'history.sqlite'))
    db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ?').run(Date.now() - 2 * 86_400_000, expired.id)
    db.close()

    const next = startCore({ dataDir })
    await next.attachmentsCleaned
    expect(readdirSync(join(dataDir, 'attachments')).sort()).toEqual([sha256Hex(shared), sha256Hex(recentOnly)].sort())
    // Undo of the recent deletion finds its file.
    next.history.restoreConversation(recent.id)
    const [question] = next.history.listMessages(recent.id, { limit: 5 }).messages
    const read = await call<{ dataBase64: string }>(next, 'attachments:read', { id: question!.attachments![0]!.id })
    expect(Buffer.from(read.dataBase64, 'base64')).toEqual(recentOnly)
  })
})
