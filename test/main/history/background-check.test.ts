/**
 * Damage after a clean shutdown: random bytes over a middle page of a file that closed cleanly. The
 * start skips the slow check (it ran clean last time), so the check after start, in a worker on a
 * real file, must find it and tell every open window; the file is kept as it is.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppEvent } from '../../../src/shared/events'
import { memoryLogger } from '../../support/memory-logger'
import { useTempDirs } from '../../support/temp-dir'
import { createTestCore } from '../../support/test-core'

const tempDir = useTempDirs()

async function filledAndClosed(dataDir: string): Promise<void> {
  const core = createTestCore({ dataDir })
  for (let c = 0; c < 20; c++) {
    const conversation = core.history.createConversation({ title: `Cuộc trò chuyện ${c}` })
    for (let m = 0; m < 50; m++)
      core.history.appendMessage(conversation.id, {
        role: m % 2 ? 'assistant' : 'user',
        content: `Tin nhắn ${c}-${m}: ${'nội dung khá dài để chiếm nhiều trang. '.repeat(5)}`,
        status: 'complete',
      })
  }
  await core.shutdown()
}

/** Overwrites the cell pointers of a table leaf page in the middle of the file, as a bad sector would. */
function damageAMiddleLeafPage(path: string): void {
  const bytes = readFileSync(path)
  const pageSize = bytes.readUInt16BE(16)
  const pages = bytes.length / pageSize
  for (let page = Math.floor(pages / 2); page < pages; page++) {
    if (bytes[page * pageSize] !== 0x0d) continue
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, page * pageSize + 8)
    closeSync(fd)
    return
  }
  throw new Error('no table leaf page found')
}

async function waitForLine(lines: string[], text: string): Promise<void> {
  for (let i = 0; i < 1000 && !lines.some((line) => line.includes(text)); i++)
    await new Promise((resolve) => setTimeout(resolve, 10))
  expect(lines.join('\n')).toContain(text)
}

describe('the page check after a clean start', () => {
  it('finds a damaged middle page, tells open windows and later ones, and keeps the file', async () => {
    const dataDir = tempDir()
    const path = join(dataDir, 'history.sqlite')
    await filledAndClosed(dataDir)
    damageAMiddleLeafPage(path)
    const damaged = readFileSync(path)

    const log = memoryLogger()
    const core = createTestCore({ dataDir, log })
    const events: AppEvent[] = []
    core.onEvent((event) => events.push(event))
    try {
      // The start itself went on: the file was not moved aside and still opens.
      expect(await core.dispatch('app:notices', undefined)).toEqual({ ok: true, value: [] })
      await waitForLine(log.lines, 'history check found damage')
      expect(events).toContainEqual({ type: 'notice', notice: { kind: 'history_damaged', path } })
      expect(await core.dispatch('app:notices', undefined)).toEqual({
        ok: true,
        value: [{ kind: 'history_damaged', path }],
      })
    } finally {
      await core.shutdown()
    }
    // Kept where it was; only the clean-shutdown bookkeeping pages may differ.
    expect(readFileSync(path).length).toBe(damaged.length)
  })

  it('says nothing about a whole file, once every page has been read', async () => {
    const dataDir = tempDir()
    await filledAndClosed(dataDir)
    const log = memoryLogger()
    const core = createTestCore({ dataDir, log })
    try {
      await waitForLine(log.lines, 'history check: every page')
      expect(await core.dispatch('app:notices', undefined)).toEqual({ ok: true, value: [] })
    } finally {
      await core.shutdown()
    }
  })
})
