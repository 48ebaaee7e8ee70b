/**
 * One process per data folder, with real processes: two browser modes on one folder (the second says
 * who holds it and exits; the first keeps streaming and saving), and the lock a killed process left
 * behind (taken over by the next start).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChatSendResponse } from '../../src/shared/chat'
import type { StoredMessage } from '../../src/shared/history'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { planReply } from '../fake-gateway/reply'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'
import { browserModeClient, waitUntil } from '../support/browser-mode-client'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const running: Array<BrowserModeProcess | FakeGateway> = []
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await ('stop' in item ? item.stop() : item.close())
})
const lockOwner = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, 'holysheep.lock'), 'utf8')) as unknown

describe('one process per data folder', () => {
  it('refuses a second browser mode on the folder while the first streams and saves undisturbed', async () => {
    const gateway = await startFakeGateway({ tokenDelayMs: 40 })
    running.push(gateway)
    const dataDir = tempDir()
    const options = { baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir }
    const first = await startBrowserMode(options)
    running.push(first)
    const api = browserModeClient(first)
    let deltas = 0
    let done = 0
    await api.listen((event) => {
      if (event.type === 'delta') deltas++
      if (event.type === 'done') done++
    })
    const question = '[[tokens=60]] Kể một câu chuyện'
    const sent = await api.invoke<ChatSendResponse>('chat:send', { conversationId: null, content: question })
    await waitUntil(() => deltas > 0, 10_000)

    const refused = await startBrowserMode(options).then(
      () => null,
      (error: unknown) => (error as Error).message,
    )
    expect(refused).toMatch(/browser mode exited with 1/)
    expect(refused).toContain(
      `${dataDir} is already in use by HolySheep Chat (browser mode, process ${first.child.pid}`,
    )
    expect(lockOwner(dataDir)).toMatchObject({ pid: first.child.pid, kind: 'browser' })

    await waitUntil(() => done === 1, 20_000)
    const { messages } = await api.invoke<{ messages: StoredMessage[] }>('history:messages', {
      conversationId: sent.conversationId,
      limit: 10,
      beforeMessageId: null,
    })
    expect(messages.map((message) => [message.role, message.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ])
    expect(messages[1]!.content).toBe(planReply(question, null).tokens.join(''))

    // After a real start, the folder and everything in it are the owner's only.
    if (process.platform !== 'win32') {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700)
      for (const name of readdirSync(dataDir)) {
        const stats = statSync(join(dataDir, name))
        expect([name, stats.mode & 0o777]).toEqual([name, stats.isDirectory() ? 0o700 : 0o600])
      }
    }

    await first.stop()
    expect(existsSync(join(dataDir, 'holysheep.lock'))).toBe(false)
  })

  it('takes over the lock a killed browser mode left behind', async () => {
    const gateway = await startFakeGateway()
    running.push(gateway)
    const dataDir = tempDir()
    const options = { baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir }
    const killed = await startBrowserMode(options)
    killed.child.kill('SIGKILL')
    await new Promise((resolve) => killed.child.once('exit', resolve))
    expect(lockOwner(dataDir)).toMatchObject({ pid: killed.child.pid })

    const next = await startBrowserMode(options)
    running.push(next)
    expect(lockOwner(dataDir)).toMatchObject({ pid: next.child.pid, kind: 'browser' })
    await expect(browserModeClient(next).invoke('history:list', { limit: 10, after: null })).resolves.toBeDefined()
  })
})
