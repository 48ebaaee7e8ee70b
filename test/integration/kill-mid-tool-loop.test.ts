/**
 * Killed (SIGKILL) in the middle of a tool loop: browser mode runs as a child process, the model asks
 * for two calls, one ends and the other is still running when the plug is pulled. Started again, the
 * answer keeps the call that ended with its result, the other is marked interrupted, and Continue sends
 * the model a result for both and answers below.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ChatSendResponse } from '../../src/shared/chat'
import type { StoredMessage } from '../../src/shared/history'
import { interruptedCallText } from '../../src/shared/tool-calls'
import { defaultToolSettings } from '../../src/shared/tool-settings'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'
import { browserModeClient, waitUntil } from '../support/browser-mode-client'
import { stdioTestServer } from '../support/mcp-servers'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const running: Array<BrowserModeProcess | FakeGateway> = []
afterEach(async () => {
  for (const item of running.splice(0)) await ('stop' in item ? item.stop() : item.close())
})

describe('killed mid tool loop (SIGKILL)', () => {
  it(
    'keeps the call that ended, marks the running one interrupted, and Continue goes on',
    { timeout: 60_000 },
    async () => {
      const gateway = await startFakeGateway({ tokenDelayMs: 0 })
      running.push(gateway)
      const dataDir = tempDir()
      const options = { baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir, allowToolCommands: true }
      const first = await startBrowserMode(options)
      running.push(first)
      const api = browserModeClient(first)
      await api.invoke('settings:set', {
        tools: { ...defaultToolSettings, servers: [stdioTestServer()], enabledByDefault: true },
      })
      const statuses = new Map<string, string>()
      await api.listen((event) => {
        if (event.type === 'tool-approval')
          void api.call('tools:approve', { approvalId: event.approval.approvalId, answer: 'once' })
        if (event.type === 'tool-call') statuses.set(event.call.tool, event.call.status)
      })
      const sent = await api.invoke<ChatSendResponse>('chat:send', {
        conversationId: null,
        content: 'Hai việc [[call=test-stdio__echo:{"text":"xong"}]] [[call=test-stdio__slow:{"ms":60000}]]',
      })
      await waitUntil(() => statuses.get('echo') === 'done' && statuses.get('slow') === 'running', 20_000).catch(
        (error: unknown) => {
          throw new Error(`${String(error)}: ${JSON.stringify([...statuses])}`)
        },
      )
      first.child.kill('SIGKILL')
      await new Promise((resolve) => first.child.once('exit', resolve))

      const second = await startBrowserMode(options)
      running.push(second)
      const again = browserModeClient(second)
      const page = () =>
        again.invoke<{ messages: StoredMessage[] }>('history:messages', {
          conversationId: sent.conversationId,
          limit: 100,
          beforeMessageId: null,
        })
      const [, answer] = (await page()).messages
      expect(answer?.status).toBe('interrupted')
      expect(answer?.toolCalls?.map((call) => [call.tool, call.status, call.result])).toEqual([
        ['echo', 'done', 'echo: xong'],
        ['slow', 'cancelled', interruptedCallText],
      ])

      await again.invoke('chat:continue', { messageId: answer!.id })
      await expect
        .poll(async () => (await page()).messages.map((message) => message.status), { timeout: 20_000 })
        .toEqual(['complete', 'interrupted', 'complete'])
      const body = gateway.requests.at(-1)?.body as { messages: Array<{ role: string; content: unknown }> }
      expect(body.messages.slice(-2)).toEqual([
        expect.objectContaining({ role: 'tool', content: 'echo: xong' }),
        expect.objectContaining({ role: 'tool', content: interruptedCallText }),
      ])
    },
  )
})
