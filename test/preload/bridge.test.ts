import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Core } from '../../src/main/core'
import { registerIpcHandlers } from '../../src/main/ipc/register-ipc'
import type { Api } from '../../src/shared/api'
import { appEventChannel, invokeChannels } from '../../src/shared/channels'
import type { ChatEvent } from '../../src/shared/chat'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { planReply } from '../fake-gateway/reply'
import { createTestCore } from '../support/test-core'
import { useTempDirs } from '../support/temp-dir'

const electron = await vi.hoisted(async () => (await import('../support/fake-electron')).createFakeElectron())
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }))

const tempDir = useTempDirs()
let gateway: FakeGateway
let core: Core
let disposeIpc: () => void
let api: Api

beforeAll(async () => {
  gateway = await startFakeGateway({ tokenDelayMs: 3 })
  core = createTestCore({ dataDir: tempDir(), env: { HOLYSHEEP_BASE_URL: gateway.baseURL } })
  // Wired as src/main/index.ts wires them, with the fakes in place of Electron's objects.
  disposeIpc = registerIpcHandlers(electron.ipcMain, core.dispatch)
  core.onEvent((event) => electron.ipcRenderer.webContents.send(appEventChannel, event))
  await import('../../src/preload/index')
  api = electron.mainWorld.api as Api
})

afterAll(async () => {
  await core.shutdown()
  await gateway.close()
})

describe('the preload bridge', () => {
  it('exposes one named function per contract channel and nothing that reaches IPC directly', () => {
    const exposed = Object.entries(api).flatMap(([namespace, value]) =>
      typeof value === 'function'
        ? [namespace]
        : Object.keys(value as object).map((method) => `${namespace}:${method}`),
    )
    expect(exposed.sort()).toEqual([...invokeChannels, 'onEvent'].sort())
    expect(Object.keys(electron.mainWorld)).toEqual(['api'])
  })

  it('carries a call to main and its result back, with validation in main', async () => {
    expect(await api.settings.set({ defaultModel: 'deepseek-v3.2' })).toMatchObject({
      ok: true,
      value: {
        settings: { defaultModel: 'deepseek-v3.2' },
        effectiveBaseURL: gateway.baseURL,
        baseURLSource: 'environment',
      },
    })
    const refused = await api.settings.set({ temperature: 'very' as unknown as number })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
  })

  it('tells the renderer whether a key is set, never the key', async () => {
    const status = await api.key.set({ key: gateway.apiKey })
    expect(status).toEqual({
      ok: true,
      value: {
        isSet: true,
        source: 'stored',
        protection: 'plain_text',
        unreadableStoredKey: false,
        originChanged: null,
      },
    })
    expect(JSON.stringify(await api.key.status())).not.toContain(gateway.apiKey)
  })

  it('streams chat events to a subscriber, without Electron’s event object, until it unsubscribes', async () => {
    await api.key.set({ key: gateway.apiKey })
    await api.settings.set({ defaultModel: 'gpt-4.1' })
    const received: unknown[][] = []
    const unsubscribe = api.onEvent((...args: unknown[]) => received.push(args))
    expect(electron.ipcRenderer.listenerCount(appEventChannel)).toBe(1)

    const message = '[[tokens=30]] xin chào'
    const sent = await api.chat.send({ conversationId: null, content: message })
    if (!sent.ok) throw new Error(sent.error.message)
    await vi.waitFor(() => expect(received.some(([event]) => (event as ChatEvent).type === 'done')).toBe(true), {
      timeout: 10_000,
    })

    expect(received.every((args) => args.length === 1)).toBe(true)
    const events = received
      .map(([event]) => event as ChatEvent)
      .filter((event) => 'streamId' in event && event.streamId === sent.value.streamId)
    const text = events.map((event) => (event.type === 'delta' ? event.content : '')).join('')
    expect(text).toBe(planReply(message, null).tokens.join(''))

    unsubscribe()
    expect(electron.ipcRenderer.listenerCount(appEventChannel)).toBe(0)
    const countAfterUnsubscribe = received.length
    const second = await api.chat.send({ conversationId: sent.value.conversationId, content: '[[tokens=3]] again' })
    expect(second.ok).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(received.length).toBe(countAfterUnsubscribe)
  })

  it('refuses a payload that cannot cross the bridge, before it reaches main', async () => {
    const handler = electron.ipcMain.handlers.get('settings:set')!
    const spy = vi.fn(handler)
    electron.ipcMain.handlers.set('settings:set', spy)
    await expect(api.settings.set({ defaultModel: (() => 'x') as unknown as string })).rejects.toThrow(
      /could not be cloned/,
    )
    expect(spy).not.toHaveBeenCalled()
    electron.ipcMain.handlers.set('settings:set', handler)
  })

  it('removes every handler when disposed', async () => {
    disposeIpc()
    expect(electron.ipcMain.handlers.size).toBe(0)
    await expect(api.settings.get()).rejects.toThrow(/No handler registered for 'settings:get'/)
  })
})
