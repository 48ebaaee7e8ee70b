/**
 * The update controller inside the real core: real streams through the real SDK to the fake gateway
 * decide when the restart is offered and allowed, and `settings:set` through dispatch flips the switch.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defaultFirstCheckDelayMs } from '../../src/main/updates/update-controller'
import type { ChatSendResponse } from '../../src/shared/chat'
import type { Result } from '../../src/shared/errors'
import type { AppEvent } from '../../src/shared/events'
import { startFakeGateway } from '../fake-gateway/server'
import { FakeUpdater, ManualTimers } from '../support/fake-updater'
import { createTestCore } from '../support/test-core'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup() {
  const gateway = await startFakeGateway({ tokenDelayMs: 5 })
  cleanups.push(() => gateway.close())
  const timers = new ManualTimers()
  // The key and the gateway both from the environment: a key is sent only to the origin it is bound to.
  const env = { HOLYSHEEP_API_KEY: gateway.apiKey, HOLYSHEEP_BASE_URL: gateway.baseURL }
  const core = createTestCore({ dataDir: tempDir(), env, updateTimers: timers })
  cleanups.push(() => core.shutdown())
  const events: AppEvent[] = []
  core.onEvent((event) => events.push(event))
  const dispatch = <T>(channel: string, payload?: unknown) => core.dispatch(channel, payload) as Promise<Result<T>>
  const updater = new FakeUpdater()
  core.updates.attach(updater)
  return { core, events, dispatch, updater, timers }
}

describe('updates in the running core', () => {
  it('offers the restart only after the last streaming answer has ended, and refuses it until then', async () => {
    const { events, dispatch, updater, timers } = await setup()
    const sent = await dispatch<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: '[[tokens=5000]] long',
    })
    expect(sent.ok).toBe(true)
    const streamId = sent.ok ? sent.value.streamId! : ''
    updater.download('0.2.0')
    expect(events.some((event) => event.type === 'update')).toBe(false)
    expect(await dispatch('app:updateStatus')).toEqual({ ok: true, value: { supported: true, ready: null } })
    expect(await dispatch('app:installUpdate')).toMatchObject({ ok: false, error: { kind: 'busy' } })

    await dispatch('chat:stop', { streamId })
    await vi.waitFor(() => expect(events.filter((event) => event.type === 'update')).toHaveLength(1))
    const ended = events.findIndex((event) => 'streamId' in event && event.type === 'done')
    const offered = events.findIndex((event) => event.type === 'update')
    expect(ended).toBeGreaterThanOrEqual(0)
    expect(offered).toBeGreaterThan(ended)
    expect(events[offered]).toEqual({ type: 'update', ready: { version: '0.2.0' } })
    expect(await dispatch('app:updateStatus')).toEqual({
      ok: true,
      value: { supported: true, ready: { version: '0.2.0' } },
    })
    expect(await dispatch('app:installUpdate')).toEqual({ ok: true, value: { restarting: true } })
    await timers.advance(0)
    expect(updater.installs).toBe(1)
  })

  it('follows the autoUpdate setting saved through settings:set', async () => {
    const { dispatch, updater, timers } = await setup()
    expect((await dispatch('settings:set', { autoUpdate: false })).ok).toBe(true)
    await timers.advance(24 * 60 * 60 * 1000)
    expect(updater.checks).toBe(0)
    expect((await dispatch('settings:set', { autoUpdate: true })).ok).toBe(true)
    await timers.advance(defaultFirstCheckDelayMs)
    expect(updater.checks).toBe(1)
  })

  it('says updating is not supported when nothing attached an updater (browser mode, development)', async () => {
    const core = createTestCore({ dataDir: tempDir() })
    cleanups.push(() => core.shutdown())
    expect(await core.dispatch('app:updateStatus', undefined)).toEqual({
      ok: true,
      value: { supported: false, ready: null },
    })
    expect(await core.dispatch('app:installUpdate', undefined)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
  })
})
