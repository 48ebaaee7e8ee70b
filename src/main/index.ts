/**
 * The Electron entry: the only file that touches Electron objects. It wires app, window, ipcMain and
 * safeStorage into the Electron-free core (`core.ts`) and applies the window's security defaults.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session } from 'electron'
import ElectronStore from 'electron-store'
import { appEventChannel } from '../shared/channels'
import { createCore, type Core } from './core'
import { desktopFileAccess } from './files/desktop-file-access'
import { registerIpcHandlers } from './ipc/register-ipc'
import { createLogger } from './log'
import { safeStorageEncryptor } from './secrets/encryptor'
import { jsonStoreOptions } from './storage/open-json-store'
import { contentSecurityPolicy } from './web/security'
import { isAppUrl, mainWindowOptions } from './window-options'

const here = fileURLToPath(new URL('.', import.meta.url))

// Tests and portable installs may point the app at another folder, before anything reads userData.
if (process.env.HOLYSHEEP_DATA_DIR) app.setPath('userData', process.env.HOLYSHEEP_DATA_DIR)

let core: Core | null = null

function createWindow(activeCore: Core): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(here, '../preload/index.cjs')))
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  const appUrl = devServerUrl ?? new URL(`file://${join(here, '../renderer/index.html')}`).href

  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  })
  const unsubscribe = activeCore.onEvent((event) => {
    if (!window.isDestroyed()) window.webContents.send(appEventChannel, event)
  })
  window.on('closed', unsubscribe)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(appUrl)
  return window
}

function start(): void {
  let currentKey: () => string | null = () => null
  const log = createLogger({ secrets: () => [currentKey()].filter((key): key is string => !!key) })
  const activeCore = createCore({
    dataDir: app.getPath('userData'),
    env: process.env,
    encryptor: safeStorageEncryptor(safeStorage, process.platform),
    log,
    openStore: (dir, name) => new ElectronStore({ cwd: dir, name, ...jsonStoreOptions }),
    files: desktopFileAccess(dialog, app.getPath('documents')),
    transferWorker: { file: join(here, 'transfer-worker.js') },
  })
  currentKey = () => activeCore.secrets.apiKey()
  core = activeCore
  registerIpcHandlers(ipcMain, activeCore.dispatch)

  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } })
  })
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(activeCore)
  })
  createWindow(activeCore)
}

// A second copy of the app would fight over the same files: it hands over to the first and quits.
if (app.requestSingleInstanceLock()) void app.whenReady().then(start)
else app.quit()

// Quitting aborts every stream first, so each ends with its partial text and a final event.
let quitting = false
app.on('before-quit', (event) => {
  if (quitting || !core) return
  event.preventDefault()
  quitting = true
  void core.shutdown().finally(() => app.quit())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
