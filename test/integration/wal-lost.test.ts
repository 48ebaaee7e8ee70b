/**
 * A deleted write-ahead log after a kill -9 loses the latest commits; the app must say so rather
 * than start as if nothing happened. Real browser mode child processes on one data folder.
 */
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChatSendResponse } from '../../src/shared/chat'
import type { Notice } from '../../src/shared/contract'
import type { Conversation } from '../../src/shared/history'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'
import { browserModeClient, waitUntil } from '../support/browser-mode-client'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const running: Array<BrowserModeProcess | FakeGateway> = []
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await ('stop' in item ? item.stop() : item.close())
})

async function killed(app: BrowserModeProcess): Promise<void> {
  app.child.kill('SIGKILL')
  await new Promise((resolve) => app.child.once('exit', resolve))
}

describe('the write-ahead log after a kill -9', () => {
  it('when deleted, is noticed and named at the next start; when kept, nothing is lost or said', async () => {
    const gateway = await startFakeGateway({ tokenDelayMs: 1 })
    running.push(gateway)
    const dataDir = tempDir()
    const options = { baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir }
    const walPath = join(dataDir, 'history.sqlite-wal')

    /** Starts, answers one question, and is killed; returns the conversations it saw. */
    const chatThenKill = async (question: string) => {
      const app = await startBrowserMode(options)
      running.push(app)
      const api = browserModeClient(app)
      let done = 0
      await api.listen((event) => {
        if (event.type === 'done') done++
      })
      await api.invoke<ChatSendResponse>('chat:send', { conversationId: null, content: question })
      await waitUntil(() => done === 1, 10_000)
      await killed(app)
    }
    const afterRestart = async () => {
      const app = await startBrowserMode(options)
      running.push(app)
      const api = browserModeClient(app)
      const notices = await api.invoke<Notice[]>('app:notices', undefined)
      const { conversations } = await api.invoke<{ conversations: Conversation[] }>('history:list', {
        limit: 50,
        after: null,
      })
      return { app, notices, titles: conversations.map((conversation) => conversation.title) }
    }

    // Killed with its -wal kept: SQLite recovers every commit; no notice.
    await chatThenKill('[[tokens=3]] Câu hỏi thứ nhất')
    expect(existsSync(walPath)).toBe(true)
    const kept = await afterRestart()
    expect(kept.notices).toEqual([])
    expect(kept.titles).toHaveLength(1)
    await kept.app.stop()

    // Killed, then the -wal deleted: the conversation of that run is gone, and the user is told.
    await chatThenKill('[[tokens=3]] Câu hỏi thứ hai')
    rmSync(walPath)
    const lost = await afterRestart()
    expect(lost.notices).toEqual([{ kind: 'history_wal_lost', path: walPath }])
    expect(lost.titles).toHaveLength(1)
    expect(lost.app.output()).toContain(`${walPath} was gone after the app last stopped without closing`)

    // Said once: after a clean stop the next start is quiet.
    await lost.app.stop()
    expect(existsSync(join(dataDir, 'history.sqlite.open'))).toBe(false)
    const quiet = await afterRestart()
    expect(quiet.notices).toEqual([])
  })
})
