/**
 * The Electron entry (`src/main/index.ts`) loaded for real against fake Electron objects: it must
 * wire every item of the security checklist, not only define the functions that do it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mermaidFramePolicy } from '../../src/main/web/security'
import { invokeChannels } from '../../src/shared/channels'
import { createFakeElectronApp, FakeBrowserWindow } from '../support/fake-electron-app'
import { FakeUpdater } from '../support/fake-updater'
import { useTempDirs } from '../support/temp-dir'
import { stdioTestServer } from '../support/mcp-servers'
import type { ToolSettings } from '../../src/shared/tool-settings'

const tempDir = useTempDirs()
let fake: ReturnType<typeof createFakeElectronApp>
/** electron-updater's `autoUpdater` for the current test, and how often the entry asked for it. */
let updater: { fake: FakeUpdater; reads: number } = { fake: new FakeUpdater(), reads: 0 }

// Mocks are made once per file; the getters reach the fake of the current test.
vi.mock('electron', () => {
  const names = ['app', 'BrowserWindow', 'ipcMain', 'safeStorage', 'dialog', 'shell', 'screen', 'session'] as const
  const module: Record<string, unknown> = {}
  for (const name of names) Object.defineProperty(module, name, { get: () => fake.electron[name], enumerable: true })
  return module
})
// electron-store needs a running Electron to find its folder; conf is what it extends.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf')
  class Store extends Conf {
    constructor(options: { cwd: string; name: string }) {
      super({ ...options, projectName: 'holysheep-chat', configName: options.name })
    }
  }
  return { default: Store }
})

// A CommonJS module: its exports arrive as `default` (see attachUpdater in index.ts).
vi.mock('electron-updater', () => ({
  default: {
    get autoUpdater() {
      updater.reads++
      return updater.fake
    },
  },
}))

async function loadEntry(lock: boolean, options: { packaged?: boolean } = {}) {
  const dataDir = tempDir()
  updater = { fake: new FakeUpdater(), reads: 0 }
  fake = createFakeElectronApp({ dataDir, lock, ...options })
  FakeBrowserWindow.all = []
  vi.resetModules()
  vi.stubEnv('HOLYSHEEP_DATA_DIR', dataDir)
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
  await import('../../src/main/index')
  fake.ready()
  await vi.waitFor(() => expect(FakeBrowserWindow.all.length).toBeGreaterThan(0))
  return dataDir
}

/** Quits the way the app does, so the core closes its database before the folder is removed. */
async function quit() {
  const before = fake.calls.quit
  fake.electron.app.emit('before-quit', { preventDefault: () => {} })
  await vi.waitFor(() => expect(fake.calls.quit).toBeGreaterThan(before))
}

describe('the Electron entry wires the security checklist', () => {
  let dataDir: string
  beforeEach(async () => {
    dataDir = await loadEntry(true)
  })
  afterEach(async () => {
    await quit()
    vi.unstubAllEnvs()
  })

  it('sandboxes every renderer app-wide, before the app is ready', () => {
    expect(fake.calls.sandboxEnabledBeforeReady).toBe(true)
  })

  it('takes the single-instance lock and brings the window forward on a second launch', () => {
    expect(fake.calls.lockRequested).toBe(1)
    expect(fake.electron.app.listenerCount('second-instance')).toBe(1)
  })

  it('opens one sandboxed, isolated window on the app’s own file', () => {
    const [window] = FakeBrowserWindow.all
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(window!.loaded).toHaveLength(1)
    expect(window!.loaded[0]).toMatch(/^file:\/\/.*\/renderer\/index\.html$/)
  })

  it('guards every web contents Electron creates', () => {
    let openResult: unknown
    const prevented: string[] = []
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>()
    fake.electron.app.emit(
      'web-contents-created',
      {},
      {
        setWindowOpenHandler: (handler: (details: { url: string }) => unknown) =>
          (openResult = handler({ url: 'https://evil.example/' })),
        on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) =>
          listeners.set(event, listener),
      },
    )
    expect(openResult).toEqual({ action: 'deny' })
    listeners.get('will-navigate')!({ preventDefault: () => prevented.push('navigate') }, 'https://evil.example/')
    listeners.get('will-redirect')!({ preventDefault: () => prevented.push('redirect') }, 'file:///etc/passwd')
    expect(prevented).toEqual(['navigate', 'redirect'])
  })

  it('denies permissions, blocks remote loads and sets the CSP header on the default session', () => {
    const granted = vi.fn()
    fake.session.permissionRequest!({}, 'media', granted)
    expect(granted).toHaveBeenCalledWith(false)
    expect(fake.session.permissionCheck!({}, 'notifications')).toBe(false)
    const cancel = (url: string) => {
      let cancelled: boolean | undefined
      fake.session.beforeRequest!({ url }, (response: { cancel: boolean }) => (cancelled = response.cancel))
      return cancelled
    }
    const page = FakeBrowserWindow.all[0]!.loaded[0]!
    expect(cancel(page)).toBe(false)
    expect(cancel('https://cdn.example.com/x.js')).toBe(true)
    expect(cancel('file:///etc/passwd')).toBe(true)
    let headers: Record<string, string[]> = {}
    fake.session.headersReceived!(
      { responseHeaders: {} },
      (response: { responseHeaders: Record<string, string[]> }) => {
        headers = response.responseHeaders
      },
    )
    expect(headers['Content-Security-Policy']?.[0]).toContain("script-src 'self'")
    // The diagram frame's page gets its own policy, naming the hash of the script the build inlined.
    fake.session.headersReceived!(
      { url: page.replace(/index\.html$/, 'mermaid-frame.html'), responseHeaders: {} },
      (response: { responseHeaders: Record<string, string[]> }) => {
        headers = response.responseHeaders
      },
    )
    expect(headers['Content-Security-Policy']).toEqual([mermaidFramePolicy(__MERMAID_FRAME_SCRIPT_HASH__)])
  })

  it('registers every contract channel, and opens only checked links with the shell', async () => {
    expect([...fake.electron.ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort())
    const openExternal = fake.electron.ipcMain.handlers.get('app:openExternal')!
    expect(await openExternal({}, { url: 'https://example.com/' })).toEqual({ ok: true, value: { opened: true } })
    expect(await openExternal({}, { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_payload' },
    })
    expect(fake.calls.openedExternally).toEqual(['https://example.com/'])
  })

  it('saves a stdio tool server from the window only after a native dialog naming its exact command', async () => {
    const set = fake.electron.ipcMain.handlers.get('settings:set')!
    const get = fake.electron.ipcMain.handlers.get('settings:get')!
    const current = ((await get({}, undefined)) as { value: { settings: { tools: ToolSettings } } }).value.settings
      .tools
    const server = stdioTestServer({ args: ['/srv/tools.mjs', '--root', '/home/me/My Files'] })
    const tools = { ...current, servers: [server] }
    // Cancel (the default button) refuses it, and nothing is saved.
    expect(await set({}, { tools })).toMatchObject({ ok: false, error: { kind: 'not_confirmed' } })
    expect(fake.calls.messageBoxes).toHaveLength(1)
    const [asked] = fake.calls.messageBoxes
    expect(asked?.parent).toBe(true)
    expect(asked?.options).toMatchObject({
      message: 'Allow the tool server “Test tools” to run this program?',
      buttons: ['Cancel', 'Allow'],
      defaultId: 0,
      cancelId: 0,
    })
    expect(asked?.options.detail).toContain(`Command: ${process.execPath} /srv/tools.mjs --root "/home/me/My Files"`)
    expect(
      ((await get({}, undefined)) as { value: { settings: { tools: ToolSettings } } }).value.settings.tools,
    ).toEqual(current)
    // In Vietnamese when the app is; Allow saves it.
    expect(await set({}, { language: 'vi' })).toMatchObject({ ok: true })
    fake.calls.messageBoxResponse = 1
    expect(await set({}, { tools })).toMatchObject({ ok: true })
    expect(fake.calls.messageBoxes[1]?.options).toMatchObject({
      message: 'Cho phép máy chủ công cụ “Test tools” chạy chương trình này?',
      buttons: ['Hủy', 'Cho phép'],
    })
  })

  it('remembers the window’s place when it closes', () => {
    const [window] = FakeBrowserWindow.all
    window!.getNormalBounds = () => ({ x: 40, y: 30, width: 900, height: 700 })
    window!.emit('close')
    const file = join(dataDir, 'window-state.json')
    expect(existsSync(file)).toBe(true)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      window: { bounds: { x: 40, y: 30, width: 900, height: 700 }, maximized: false },
    })
  })
})

describe('auto-update in the entry', () => {
  afterEach(async () => {
    await quit()
    vi.unstubAllEnvs()
  })

  it('attaches electron-updater when the app is packaged', async () => {
    await loadEntry(true, { packaged: true })
    await vi.waitFor(() => expect(updater.fake.listenerCount('update-downloaded')).toBe(1))
    expect(updater.fake.listenerCount('error')).toBe(1)
    expect(updater.fake.autoDownload).toBe(true)
    const status = fake.electron.ipcMain.handlers.get('app:updateStatus')!
    expect(await status({}, undefined)).toEqual({ ok: true, value: { supported: true, ready: null } })
  })

  it('tells the window about a downloaded update and restarts into it when asked', async () => {
    await loadEntry(true, { packaged: true })
    await vi.waitFor(() => expect(updater.fake.listenerCount('update-downloaded')).toBe(1))
    updater.fake.download('0.2.0')
    expect(FakeBrowserWindow.all[0]!.sent).toContainEqual([
      'app:event',
      { type: 'update', ready: { version: '0.2.0' } },
    ])
    const install = fake.electron.ipcMain.handlers.get('app:installUpdate')!
    expect(await install({}, undefined)).toEqual({ ok: true, value: { restarting: true } })
    await vi.waitFor(() => expect(updater.fake.installs).toBe(1))
  })

  it('never loads electron-updater in development (not packaged)', async () => {
    await loadEntry(true)
    const status = fake.electron.ipcMain.handlers.get('app:updateStatus')!
    expect(await status({}, undefined)).toEqual({ ok: true, value: { supported: false, ready: null } })
    // Long enough for a dynamic import to have finished, had one started.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(updater.reads).toBe(0)
    expect(updater.fake.listenerCount('update-downloaded')).toBe(0)
  })
})

describe('a second copy of the app', () => {
  it('quits without opening a window or touching the data', async () => {
    const dataDir = tempDir()
    fake = createFakeElectronApp({ dataDir, lock: false })
    FakeBrowserWindow.all = []
    vi.resetModules()
    vi.stubEnv('HOLYSHEEP_DATA_DIR', dataDir)
    await import('../../src/main/index')
    fake.ready()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(fake.calls.quit).toBe(1)
    expect(FakeBrowserWindow.all).toHaveLength(0)
    expect(existsSync(join(dataDir, 'history.sqlite'))).toBe(false)
    vi.unstubAllEnvs()
  })
})

describe('a data folder browser mode already holds', () => {
  it('says which process holds it in a dialog, then exits without a window or touching the data', async () => {
    const dataDir = tempDir()
    // This test's parent process is alive for as long as the test runs: a real, live owner.
    const owner = { pid: process.ppid, startedAt: new Date().toISOString(), kind: 'browser' }
    writeFileSync(join(dataDir, 'holysheep.lock'), JSON.stringify(owner))
    fake = createFakeElectronApp({ dataDir, lock: true })
    FakeBrowserWindow.all = []
    vi.resetModules()
    vi.stubEnv('HOLYSHEEP_DATA_DIR', dataDir)
    await import('../../src/main/index')
    fake.ready()
    await vi.waitFor(() => expect(fake.calls.exitCodes).toEqual([1]))
    expect(fake.calls.errorBoxes).toHaveLength(1)
    expect(fake.calls.errorBoxes[0]!.content).toContain(`browser mode, process ${process.ppid}`)
    expect(fake.calls.errorBoxes[0]!.content).toContain(dataDir)
    expect(FakeBrowserWindow.all).toHaveLength(0)
    expect(existsSync(join(dataDir, 'history.sqlite'))).toBe(false)
    expect(JSON.parse(readFileSync(join(dataDir, 'holysheep.lock'), 'utf8'))).toEqual(owner)
    vi.unstubAllEnvs()
  })
})

describe('a history file that cannot be opened', () => {
  it('names its path in a dialog, exits, and leaves the folder unlocked', async () => {
    const dataDir = tempDir()
    mkdirSync(join(dataDir, 'history.sqlite'))
    fake = createFakeElectronApp({ dataDir, lock: true })
    FakeBrowserWindow.all = []
    vi.resetModules()
    vi.stubEnv('HOLYSHEEP_DATA_DIR', dataDir)
    await import('../../src/main/index')
    fake.ready()
    await vi.waitFor(() => expect(fake.calls.exitCodes).toEqual([1]))
    expect(fake.calls.errorBoxes[0]!.content).toContain(
      `The history database ${join(dataDir, 'history.sqlite')} cannot be opened: it is a folder`,
    )
    expect(FakeBrowserWindow.all).toHaveLength(0)
    expect(existsSync(join(dataDir, 'holysheep.lock'))).toBe(false)
    vi.unstubAllEnvs()
  })
})
