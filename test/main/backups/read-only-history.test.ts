/**
 * After a failed update (a migration that throws, injected through `historyMigrations`), through the
 * real core: the old data can still be exported by the real worker thread, an import is refused with
 * `read_only`, and every later start that tries the same update again adds no new files to backups/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/core'
import { migrations } from '../../../src/main/history/migrations'
import type { Migration } from '../../../src/main/history/migrations/migration'
import { jsonFooter, jsonHeader } from '../../../src/main/history/transfer/json-format'
import type { AppEvent } from '../../../src/shared/events'
import type { JobEvent } from '../../../src/shared/transfer'
import type { Result } from '../../../src/shared/errors'
import { useCoreSession } from '../../support/core-session'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const { startCore, shutdownAll } = useCoreSession()

/** This build's last step, failing: the file stays at the version before it, as after a real failed update. */
const failing: Migration = {
  version: migrations.length,
  name: 'fails',
  up(db) {
    db.exec('CREATE TABLE half_done (x)')
    throw new Error('no space left on device')
  },
}
const failingUpdate = [...migrations.slice(0, -1), failing]

/** A data folder whose history has two conversations, then a core that fails to update it. */
async function failedUpdate(): Promise<{ dataDir: string; core: Core; events: AppEvent[] }> {
  const dataDir = tempDir()
  const seeded = startCore({ dataDir })
  const first = seeded.history.createConversation({ title: 'Dữ liệu cũ' })
  seeded.history.appendMessage(first.id, { role: 'user', content: 'đừng mất', status: 'complete' })
  seeded.history.createConversation({ title: 'Second' })
  await seeded.shutdown()
  // The file says it is one version back, so this build's last step (failing) must run on it; its
  // columns stay today's, as a real failed update's read-only view has the columns its queries need.
  const db = new DatabaseSync(join(dataDir, 'history.sqlite'))
  db.exec(`PRAGMA user_version = ${migrations.length - 1}`)
  db.close()
  const core = startCore({ dataDir, historyMigrations: failingUpdate })
  expect(core.history.readOnly).toBe(true)
  const events: AppEvent[] = []
  core.onEvent((event) => events.push(event))
  return { dataDir, core, events }
}

async function jobEnd(events: AppEvent[], jobId: string): Promise<JobEvent> {
  for (;;) {
    const end = events.find(
      (event): event is JobEvent => event.type === 'job' && event.jobId === jobId && event.phase !== 'running',
    )
    if (end) return end
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('a history read-only after a failed update', () => {
  it('exports every old conversation as JSON', async () => {
    const { dataDir, core, events } = await failedUpdate()
    const started = (await core.dispatch('history:export', { conversationId: null, format: 'json' })) as Result<{
      jobId: string
    }>
    if (!started.ok) throw new Error(started.error.message)
    const end = await jobEnd(events, started.value.jobId)
    expect(end).toMatchObject({ phase: 'done', error: null, result: { conversations: 2, messages: 1 } })
    const [name] = readdirSync(join(dataDir, 'exports'))
    const exported = JSON.parse(readFileSync(join(dataDir, 'exports', name!), 'utf8')) as {
      conversations: Array<{ title: string; messages: Array<{ content: string }> }>
    }
    expect(exported.conversations.map((item) => item.title).sort()).toEqual(['Dữ liệu cũ', 'Second'])
    expect(exported.conversations.flatMap((item) => item.messages.map((m) => m.content))).toEqual(['đừng mất'])
  })

  it('refuses an import with read_only and changes nothing', async () => {
    const { dataDir, core, events } = await failedUpdate()
    const uploads = join(dataDir, 'uploads')
    mkdirSync(uploads, { recursive: true })
    const uploadId = '6f1c1c3e-0a4b-4c1e-9a51-6d1b2f9f0a11'
    writeFileSync(join(uploads, `${uploadId}.upload`), `${jsonHeader(new Date())}${jsonFooter}`)
    const started = (await core.dispatch('history:import', { uploadId })) as Result<{ jobId: string }>
    if (!started.ok) throw new Error(started.error.message)
    const end = await jobEnd(events, started.value.jobId)
    expect(end).toMatchObject({ phase: 'error', error: { kind: 'read_only' } })
    expect(existsSync(join(uploads, `${uploadId}.upload`))).toBe(false)
    expect(core.history.countConversations()).toBe(2)
  })

  it('adds no copies to backups/ at a later start that tries the same update again', async () => {
    const { dataDir } = await failedUpdate()
    const before = readdirSync(join(dataDir, 'backups')).sort()
    expect(before.some((name) => name.endsWith('.settings.json'))).toBe(true)
    await shutdownAll()
    startCore({ dataDir, historyMigrations: failingUpdate })
    expect(readdirSync(join(dataDir, 'backups')).sort()).toEqual(before)
  })
})
