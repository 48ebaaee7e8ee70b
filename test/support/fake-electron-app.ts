/**
 * Stand-ins for the Electron main-process objects `src/main/index.ts` wires (app, BrowserWindow,
 * session, shell, screen, dialog, safeStorage, ipcMain), recording what the entry does with them,
 * so the wiring can be checked under plain Node with `vi.mock('electron', ...)`.
 */
import { EventEmitter } from 'node:events'
import type { BrowserWindowConstructorOptions } from 'electron'
import { FakeIpcMain } from './fake-electron'
import { fakeSafeStorage } from './fake-safe-storage'

type AppListener = (...args: unknown[]) => void
type PermissionRequest = (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void
type PermissionCheck = (webContents: unknown, permission: string) => boolean
type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void
type HeadersReceived = (
  details: { url?: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = []
  static getAllWindows = () => [...FakeBrowserWindow.all]
  static getFocusedWindow = () => FakeBrowserWindow.all[0] ?? null
  readonly loaded: string[] = []
  readonly sent: Array<[string, unknown]> = []
  maximized = false
  destroyed = false
  readonly webContents = { send: (channel: string, payload: unknown) => this.sent.push([channel, payload]) }

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    FakeBrowserWindow.all.push(this)
  }
  loadURL(url: string) {
    this.loaded.push(url)
    return Promise.resolve()
  }
  maximize = () => (this.maximized = true)
  isMaximized = () => this.maximized
  isDestroyed = () => this.destroyed
  isMinimized = () => false
  restore = () => {}
  focus = () => {}
  show = () => {}
  getNormalBounds = () => ({
    x: this.options.x ?? 0,
    y: this.options.y ?? 0,
    width: this.options.width ?? 0,
    height: this.options.height ?? 0,
  })
}

export function createFakeElectronApp(options: { dataDir: string; lock: boolean; packaged?: boolean }) {
  const appEvents = new EventEmitter()
  const paths: Record<string, string> = { userData: options.dataDir, documents: options.dataDir }
  let ready!: () => void
  const whenReady = new Promise<void>((resolve) => (ready = resolve))
  const calls = {
    lockRequested: 0,
    quit: 0,
    exitCodes: [] as number[],
    errorBoxes: [] as Array<{ title: string; content: string }>,
    sandboxEnabledBeforeReady: false,
    openedExternally: [] as string[],
    /** Each message box shown (its window, if any, and its options). */
    messageBoxes: [] as Array<{ parent: boolean; options: { message: string; detail?: string; buttons: string[] } }>,
    /** The button the next message boxes answer with (its index). */
    messageBoxResponse: 0,
  }
  let isReady = false
  const session = {
    permissionRequest: null as PermissionRequest | null,
    permissionCheck: null as PermissionCheck | null,
    beforeRequest: null as BeforeRequest | null,
    headersReceived: null as HeadersReceived | null,
  }
  const app = {
    isPackaged: options.packaged ?? false,
    setPath: (name: string, value: string) => (paths[name] = value),
    getPath: (name: string) => paths[name] ?? options.dataDir,
    getLocale: () => 'en-US',
    requestSingleInstanceLock: () => (calls.lockRequested++, options.lock),
    quit: () => void calls.quit++,
    exit: (code = 0) => void calls.exitCodes.push(code),
    whenReady: () => whenReady,
    enableSandbox: () => {
      // Electron throws if this comes after ready; the fake records whether it came in time.
      calls.sandboxEnabledBeforeReady = !isReady
    },
    on: (event: string, listener: AppListener) => appEvents.on(event, listener),
    emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    listenerCount: (event: string) => appEvents.listenerCount(event),
  }
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    safeStorage: fakeSafeStorage(),
    dialog: {
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showErrorBox: (title: string, content: string) => void calls.errorBoxes.push({ title, content }),
      showMessageBox: async (...args: unknown[]) => {
        const options = args.at(-1) as { message: string; detail?: string; buttons: string[] }
        calls.messageBoxes.push({ parent: args.length > 1, options })
        return { response: calls.messageBoxResponse, checkboxChecked: false }
      },
    },
    shell: { openExternal: async (url: string) => void calls.openedExternally.push(url) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: PermissionRequest) => (session.permissionRequest = handler),
        setPermissionCheckHandler: (handler: PermissionCheck) => (session.permissionCheck = handler),
        setDevicePermissionHandler: () => {},
        webRequest: {
          onBeforeRequest: (listener: BeforeRequest) => (session.beforeRequest = listener),
          onHeadersReceived: (listener: HeadersReceived) => (session.headersReceived = listener),
        },
      },
    },
  }
  const markReady = () => {
    isReady = true
    ready()
  }
  return { electron, calls, session, ready: markReady }
}
