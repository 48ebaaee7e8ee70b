/**
 * The Electron entry: the only file that touches Electron objects. It wires app, window, ipcMain and
 * safeStorage into the Electron-free core (`core.ts`) and applies the window's security defaults.
 */
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, safeStorage, screen, session, shell } from 'electron'
import ElectronStore from 'electron-store'
import { appEventChannel } from '../shared/channels'
import { createCore, type Core } from './core'
import { desktopFileAccess } from './files/desktop-file-access'
import { registerIpcHandlers } from './ipc/register-ipc'
import { createLogger, type Logger } from './log'
import { safeStorageEncryptor } from './secrets/encryptor'
import { acquireDataFolderLock, type DataFolderLock } from './storage/data-folder-lock'
import { openExternalSafely } from './security/open-external'
import { denyPermissions } from './security/permissions'
import { installRequestFilter } from './security/request-filter'
import { claimSingleInstance } from './security/single-instance'
import { guardWebContents } from './security/web-contents-guard'
import type { KeyValueStore } from './storage/key-value-store'
import { jsonStoreOptions, openJsonStore } from './storage/open-json-store'
import { createMainWindow, isAppUrl } from './window-options'
import { mermaidFramePolicy } from './web/security'
import { WindowStateStore } from './window-state'
import { dialogConsent } from './tools/command-consent'

const here = fileURLToPath(new URL('.', import.meta.url))

// Tests and portable installs may point the app at another folder, before anything reads userData.
if (process.env.HOLYSHEEP_DATA_DIR) app.setPath('userData', process.env.HOLYSHEEP_DATA_DIR)

let core: Core | null = null
/** This process's hold on the data folder, released once the core has closed it. */
let folderLock: DataFolderLock | null = null
/** The core's logger, for what happens while quitting. */
let quitLog: Logger | null = null

const rendererDir = join(here, '../renderer')
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined
const appUrl = devServerUrl ?? pathToFileURL(join(rendererDir, 'index.html')).href
const openStore = (dir: string, name: string): KeyValueStore =>
  new ElectronStore({ cwd: dir, name, ...jsonStoreOptions })

function createWindow(activeCore: Core, windowState: WindowStateStore): BrowserWindow {
  const { placement, maximized } = windowState.load(screen.getAllDisplays().map((display) => display.workArea))
  const window = createMainWindow(BrowserWindow, join(here, '../preload/index.cjs'), placement)
  if (maximized) window.maximize()
  window.on('close', () => windowState.save(window.getNormalBounds(), window.isMaximized()))
  const unsubscribe = activeCore.onEvent((event) => {
    if (!window.isDestroyed()) window.webContents.send(appEventChannel, event)
  })
  window.on('closed', unsubscribe)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(appUrl)
  return window
}

/**
 * Start-up that cannot go on (the folder held by another copy, a history file that cannot be opened)
 * is said in a dialog main owns, then the app quits: a window with no core would be worse.
 */
function startOrExplain(): void {
  try {
    start()
  } catch (error) {
    dialog.showErrorBox('HolySheep Chat could not start', error instanceof Error ? error.message : String(error))
    folderLock?.release()
    app.exit(1)
  }
}

function start(): void {
  let heldKeys: () => string[] = () => []
  const log = createLogger({ secrets: () => heldKeys() })
  quitLog = log
  const dataDir = app.getPath('userData')
  // Before anything touches the folder: browser mode may hold it, which Electron's lock cannot see.
  folderLock = acquireDataFolderLock(dataDir, { kind: 'desktop' })

  // Every page Electron creates (the window, DevTools, anything a page tries to open) is guarded.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, {
      isAppUrl: (url) => isAppUrl(url, appUrl),
      onBlocked: (what, url) => log.warn(`blocked ${what}`, url.slice(0, 200)),
    })
  })
  denyPermissions(session.defaultSession, (permission) => log.warn(`denied a ${permission} permission request`))
  installRequestFilter(
    session.defaultSession.webRequest,
    { rendererDir, devServerUrl, mermaidFramePolicy: mermaidFramePolicy(__MERMAID_FRAME_SCRIPT_HASH__) },
    (url) => log.warn('blocked a request outside the app', url.slice(0, 200)),
  )

  const activeCore = createCore({
    dataDir,
    env: process.env,
    encryptor: safeStorageEncryptor(safeStorage, process.platform),
    log,
    openStore,
    files: desktopFileAccess(dialog, app.getPath('documents')),
    transferWorker: { file: join(here, 'transfer-worker.js') },
    backupWorker: { file: join(here, 'backup-worker.js') },
    pdfWorker: { file: join(here, 'pdf-worker.js') },
    openExternal: openExternalSafely(shell),
    // The renderer cannot add a program to run: main names the exact command in a dialog of its own.
    confirmToolCommand: dialogConsent(
      () => {
        const chosen = activeCore.settings.get().language
        return chosen === 'system' ? (app.getLocale().startsWith('vi') ? 'vi' : 'en') : chosen
      },
      async (text) => {
        const options = {
          type: 'warning' as const,
          message: text.message,
          detail: text.detail,
          buttons: [text.cancel, text.allow],
          defaultId: 0,
          cancelId: 0,
          noLink: true,
        }
        const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
        const { response } = await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options))
        log.info(`tool server command ${response === 1 ? 'allowed' : 'refused'} by the user`)
        return response === 1
      },
    ),
  })
  heldKeys = () => activeCore.secrets.heldKeys()
  core = activeCore
  registerIpcHandlers(ipcMain, activeCore.dispatch)
  const windowState = new WindowStateStore(openJsonStore(dataDir, 'window-state', log, openStore).store)

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(activeCore, windowState)
  })
  createWindow(activeCore, windowState)
  // Only the installed app updates itself; in development there is no feed (nor app-update.yml).
  if (app.isPackaged) void attachUpdater(activeCore, log)
}

/** Loaded only when needed, so development and browser mode never load electron-updater at all. */
async function attachUpdater(activeCore: Core, log: Logger): Promise<void> {
  try {
    // A CommonJS module whose `autoUpdater` is a getter Node cannot list as a named export: read it from default.
    const { autoUpdater } = (await import('electron-updater')).default
    activeCore.updates.attach(autoUpdater)
  } catch (error) {
    log.warn('auto-update is unavailable', error)
  }
}

function bringToFront(): void {
  const [window] = BrowserWindow.getAllWindows()
  if (window?.isMinimized()) window.restore()
  window?.focus()
}

// Every renderer sandboxed, whatever options a window is created with (must be called before ready).
app.enableSandbox()
// A second copy of the app would fight over the same files: it hands over to the first and quits.
if (claimSingleInstance(app, bringToFront)) void app.whenReady().then(startOrExplain)

// Quitting aborts every stream first, so each ends with its partial text and a final event.
let quitting = false
app.on('before-quit', (event) => {
  if (quitting || !core) return
  event.preventDefault()
  quitting = true
  // Quit even if saving failed: a window that cannot close would be worse.
  void core
    .shutdown()
    .catch((error: unknown) => quitLog?.error('shutdown failed', error))
    .finally(() => {
      folderLock?.release()
      app.quit()
    })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
