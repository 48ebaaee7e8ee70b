/**
 * The durability promise for each stream of a Compare: browser mode runs as a child process, three
 * models answer one question at once, and it is killed with SIGKILL while all three stream. Started
 * again on the same data folder, each of the three sibling answers holds its partial text, marked
 * interrupted.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ChatCompareResponse } from '../../src/shared/chat'
import type { PagedMessage } from '../../src/shared/history'
import { planReply } from '../fake-gateway/reply'
import { forModel } from '../fake-gateway/scenario'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'
import { browserModeClient, waitUntil } from '../support/browser-mode-client'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const running: Array<BrowserModeProcess | FakeGateway> = []
afterEach(async () => {
  for (const item of running.splice(0)) await ('stop' in item ? item.stop() : item.close())
})

describe('killed mid-compare (SIGKILL)', () => {
  it('keeps the partial answer of every model, each marked interrupted', async () => {
    const gateway = await startFakeGateway({ tokenDelayMs: 40 })
    running.push(gateway)
    const dataDir = tempDir()
    const options = { baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir }
    const first = await startBrowserMode(options)
    running.push(first)
    const api = browserModeClient(first)
    const firstDeltaAt = new Map<string, number>()
    await api.listen((event) => {
      if (event.type === 'delta' && !firstDeltaAt.has(event.streamId)) firstDeltaAt.set(event.streamId, Date.now())
    })

    const models = ['gpt-4.1', 'claude-sonnet-4.5', 'deepseek-v3.2']
    const question = '[[tokens=400]] [[claude-sonnet-4.5:delay=60]] Kể một câu chuyện dài'
    const compared = await api.invoke<ChatCompareResponse>('chat:compare', {
      conversationId: null,
      content: question,
      models,
    })
    // Every stream has written for over a second (several 250 ms saves each), then the plug is pulled.
    await waitUntil(
      () => firstDeltaAt.size === 3 && [...firstDeltaAt.values()].every((at) => Date.now() - at > 1200),
      15_000,
    )
    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))

    const second = await startBrowserMode(options)
    running.push(second)
    const again = browserModeClient(second)
    for (const [index, answer] of compared.answers.entries()) {
      await again.invoke('history:showMessage', { messageId: answer.assistantMessageId })
      const { messages } = await again.invoke<{ messages: PagedMessage[] }>('history:messages', {
        conversationId: compared.conversationId,
        limit: 100,
        beforeMessageId: null,
      })
      expect(messages.map((message) => message.id)).toEqual([compared.userMessageId, answer.assistantMessageId])
      const stored = messages[1]!
      expect(stored).toMatchObject({ status: 'interrupted', model: models[index], versions: { index, count: 3 } })
      expect(stored.content.length).toBeGreaterThan(0)
      expect(planReply(forModel(question, models[index]!), null).tokens.join('').startsWith(stored.content)).toBe(true)
    }
    expect(second.output()).toMatch(/3 answer\(s\) were cut off/)
  })
})
