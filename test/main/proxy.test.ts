/**
 * Requests to the gateway go through a proxy when one is set (the setting, or HTTP(S)_PROXY),
 * except for NO_PROXY's hosts: proved with a real local proxy that records what it carried.
 */
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChatEvent, ChatSendResponse } from '../../src/shared/chat'
import type { Result } from '../../src/shared/errors'
import type { AppEvent } from '../../src/shared/events'
import type { ModelInfo } from '../../src/shared/contract'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { startLocalProxy, type LocalProxy } from '../support/local-proxy'
import { createTestCore } from '../support/test-core'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(env: (proxy: LocalProxy) => Record<string, string>) {
  const gateway: FakeGateway = await startFakeGateway({ tokenDelayMs: 1 })
  cleanups.push(() => gateway.close())
  const proxy = await startLocalProxy()
  cleanups.push(() => proxy.close())
  const core = createTestCore({ dataDir: tempDir(), env: env(proxy) })
  cleanups.push(() => core.shutdown())
  core.settings.set({ baseURL: gateway.baseURL })
  // Stored after the base URL is set, as onboarding does: a key is bound to the gateway it was entered for.
  core.secrets.setKey(gateway.apiKey)
  const events: AppEvent[] = []
  core.onEvent((event) => events.push(event))
  const call = async <T>(channel: string, payload?: unknown): Promise<Result<T>> =>
    (await core.dispatch(channel, payload)) as Result<T>
  const chat = async (content: string): Promise<ChatEvent> => {
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content })
    if (!sent.ok || !sent.value.streamId) throw new Error('send failed')
    const streamId = sent.value.streamId
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      const last = events.find(
        (event): event is ChatEvent =>
          'streamId' in event && event.streamId === streamId && (event.type === 'done' || event.type === 'error'),
      )
      if (last) return last
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error('stream did not end')
  }
  return { gateway, proxy, core, call, chat }
}

const gatewayHost = (gateway: FakeGateway) => new URL(gateway.baseURL).host

describe('the proxy', () => {
  it('carries chat and models requests when HTTP_PROXY names it', async () => {
    const { gateway, proxy, call, chat } = await setup((proxy) => ({ HTTP_PROXY: proxy.url, NO_PROXY: '' }))
    expect(await chat('[[tokens=5]] qua proxy')).toMatchObject({ type: 'done' })
    const models = await call<ModelInfo[]>('models:list')
    expect(models.ok).toBe(true)
    expect(proxy.hits.length).toBeGreaterThanOrEqual(1)
    expect(proxy.hits.every((hit) => hit.includes(gatewayHost(gateway)))).toBe(true)
    // The gateway saw both requests, so they arrived whole through the tunnel.
    expect(gateway.requests.map((request) => request.path)).toEqual(['/v1/chat/completions', '/v1/models'])
  })

  it('uses the proxy setting over the environment, from the next request on', async () => {
    const { gateway, proxy, core, chat } = await setup(() => ({ NO_PROXY: '' }))
    expect(await chat('direct')).toMatchObject({ type: 'done' })
    expect(proxy.hits).toEqual([])
    core.settings.set({ proxy: proxy.url })
    expect(await chat('through the setting')).toMatchObject({ type: 'done' })
    expect(proxy.hits).toEqual([expect.stringContaining(gatewayHost(gateway))])
  })

  it('goes direct to this machine’s own addresses when NO_PROXY is not set at all', async () => {
    const { proxy, chat } = await setup((proxy) => ({ HTTP_PROXY: proxy.url }))
    expect(await chat('local gateway')).toMatchObject({ type: 'done' })
    expect(proxy.hits).toEqual([])
  })

  it('goes direct to the hosts NO_PROXY names', async () => {
    const { proxy, chat } = await setup((proxy) => ({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }))
    expect(await chat('direct')).toMatchObject({ type: 'done' })
    expect(proxy.hits).toEqual([])
  })

  it('fails as a network error when the proxy is down, so nothing bypasses it', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    await new Promise((resolve) => server.close(resolve))
    const { gateway, chat } = await setup(() => ({
      HTTPS_PROXY: `http://127.0.0.1:${port}`,
      HTTP_PROXY: `http://127.0.0.1:${port}`,
      NO_PROXY: '',
    }))
    expect(await chat('[[tokens=3]] nowhere')).toMatchObject({ type: 'error', error: { kind: 'network' } })
    expect(gateway.requests).toEqual([])
  }, 30_000)
})
