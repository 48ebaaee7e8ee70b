import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/web/security'
import { createMainWindow, isAppUrl } from '../../src/main/window-options'

/** Records what the app hands to `new BrowserWindow(...)`. */
class RecordingWindow {
  static last: BrowserWindowConstructorOptions | null = null
  constructor(readonly options: BrowserWindowConstructorOptions) {
    RecordingWindow.last = options
  }
}

describe('desktop security defaults', () => {
  it('isolates and sandboxes the renderer, with no Node, web security on and no webview', () => {
    const window = createMainWindow(RecordingWindow, '/app/out/preload/index.cjs')
    expect(window).toBeInstanceOf(RecordingWindow)
    expect(RecordingWindow.last?.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
    })
    expect(RecordingWindow.last?.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(RecordingWindow.last?.show).toBe(false)
  })

  it('opens at the placement it is given, with the default size otherwise', () => {
    createMainWindow(RecordingWindow, '/p', { x: 10, y: 20, width: 800, height: 600 })
    expect(RecordingWindow.last).toMatchObject({ x: 10, y: 20, width: 800, height: 600 })
    createMainWindow(RecordingWindow, '/p')
    expect(RecordingWindow.last).toMatchObject({ width: 1100, height: 760 })
    expect(RecordingWindow.last).not.toHaveProperty('x')
  })

  it('has a strict CSP: own scripts only, no eval, nothing remote; the page carries the same policy', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/)
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).toContain("object-src 'none'")
    const html = readFileSync(join(import.meta.dirname, '../../src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    // frame-ancestors is ignored in a meta tag, so only the header has it.
    expect(meta).toBe(contentSecurityPolicy.replace("; frame-ancestors 'none'", ''))
    // No script or stylesheet from anywhere else in the page itself.
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//)
  })

  it('treats only the app’s own page as in-app navigation', () => {
    const file = 'file:///opt/HolySheep/resources/app.asar/out/renderer/index.html'
    expect(isAppUrl(`${file}#settings`, file)).toBe(true)
    expect(isAppUrl('file:///etc/passwd', file)).toBe(false)
    expect(isAppUrl('https://evil.example/', file)).toBe(false)
    expect(isAppUrl('http://localhost:5173/page', 'http://localhost:5173/')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false)
    expect(isAppUrl('not a url', file)).toBe(false)
  })
})
