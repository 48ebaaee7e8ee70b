import type { BrowserWindowConstructorOptions } from 'electron'

/** Where the window goes: remembered bounds (see window-state.ts) or the default size. */
export interface WindowPlacement {
  x?: number
  y?: number
  width: number
  height: number
}

export const defaultPlacement: WindowPlacement = { width: 1100, height: 760 }

/**
 * Creates the main window. The renderer is treated as hostile (it shows text an attacker can
 * influence), so it is isolated, sandboxed and has no Node. The options are written out here, in
 * the `new BrowserWindow(...)` call itself, so both a test (with a fake constructor) and the
 * electronegativity scan (which reads this call) see exactly what Electron gets.
 */
export function createMainWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  preloadPath: string,
  placement: WindowPlacement = defaultPlacement,
): W {
  return new BrowserWindow({
    ...placement,
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
      experimentalFeatures: false,
      // Middle-click would open a link in a new window; the window-open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  })
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
