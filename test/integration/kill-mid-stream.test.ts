/**
 * The durability promise, tested the hard way: browser mode runs as a child process, streams a slow
 * answer, and is killed with SIGKILL mid-answer (no shutdown code runs). Started again on the same
 * data folder, it must show every earlier message intact and the partial answer, marked interrupted,
 * missing at most the last batch that had not been written yet.
 */
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
  for (const item of running.splice(0)) await ('stop' in item ? item.stop() : item.close())
})

describe('killed mid-stream (SIGKILL)', () => {
  it('keeps every earlier message and the partial answer, marked interrupted', async () => {
    const gateway = await startFakeGateway({ tokenDelayMs: 40 })
    running.push(gateway)
    const dataDir = tempDir()
    const options = { baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir }
    const first = await startBrowserMode(options)
    running.push(first)
    const api = browserModeClient(first)

    const deltas: Array<{ text: string; at: number }> = []
    let finished = 0
    await api.listen((event) => {
      const at = Date.now()
      if (event.type === 'delta') deltas.push({ text: event.content, at })
      if (event.type === 'done') finished++
    })

    // An earlier exchange that completes, in the same conversation.
    const earlier = await api.invoke<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: '[[tokens=5]] trước',
    })
    await waitUntil(() => finished === 1, 10_000)
    deltas.length = 0

    const slowQuestion = '[[tokens=400]] Hãy kể một câu chuyện dài bằng tiếng Việt'
    const sent = await api.invoke<ChatSendResponse>('chat:send', {
      conversationId: earlier.conversationId,
      content: slowQuestion,
    })
    // Let about 1.5 s of answer arrive (several 250 ms batches), then pull the plug.
    await waitUntil(() => deltas.length > 0 && Date.now() - deltas[0]!.at > 1500, 10_000)
    first.child.kill('SIGKILL')
    const killedAt = Date.now()
    await new Promise((resolve) => first.child.once('exit', resolve))
    const seenBy = (time: number) =>
      deltas
        .filter((delta) => delta.at <= time)
        .map((delta) => delta.text)
        .join('')

    const second = await startBrowserMode(options)
    running.push(second)
    const { messages } = await browserModeClient(second).invoke<{ messages: StoredMessage[] }>('history:messages', {
      conversationId: earlier.conversationId,
      limit: 100,
      beforeMessageId: null,
    })

    expect(messages.map((message) => [message.role, message.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
      ['user', 'complete'],
      ['assistant', 'interrupted'],
    ])
    expect(messages[0]!.content).toBe('[[tokens=5]] trước')
    expect(messages[1]!.content).toBe(planReply('[[tokens=5]] trước', null).tokens.join(''))
    expect(messages[2]!.content).toBe(slowQuestion)
    expect(messages[3]!.id).toBe(sent.assistantMessageId)

    const partial = messages[3]!.content
    const fullAnswer = planReply(slowQuestion, null).tokens.join('')
    const seenAtKill = seenBy(killedAt)
    // What was stored is the start of the answer, never more than the views had been sent...
    expect(fullAnswer.startsWith(partial)).toBe(true)
    expect(seenAtKill.startsWith(partial)).toBe(true)
    // ...and lacks at most the last batch: everything seen a batch (250 ms, plus scheduling slack
    // on a busy machine) before the kill is there.
    expect(partial.length).toBeGreaterThan(0)
    expect(partial.startsWith(seenBy(killedAt - 750))).toBe(true)
    expect(second.output()).toMatch(/1 answer\(s\) were cut off/)
  })
})
