import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The main window's options: the renderer is treated as hostile (it shows text an attacker can
 * influence), so it is isolated, sandboxed and has no Node. Kept apart from the Electron wiring so a
 * test can assert them without the Electron binary.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 760,
    minWidth: 560,
    minHeight: 420,
    show: false,
    title: 'HolySheep Chat',
    backgroundColor: '#101418',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  }
}

/** True when `url` belongs to the app itself (its file or the dev server); anything else is navigation away. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url)
    const app = new URL(appUrl)
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname
    return target.origin === app.origin
  } catch {
    return false
  }
}
