import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/web/security'
import { isAppUrl, mainWindowOptions } from '../../src/main/window-options'

describe('desktop security defaults', () => {
  it('isolates and sandboxes the renderer, with no Node', () => {
    const { webPreferences } = mainWindowOptions('/app/out/preload/index.cjs')
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('has a strict CSP: own scripts only, no eval, nothing remote; the page carries the same policy', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/)
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).toContain("object-src 'none'")
    const html = readFileSync(join(import.meta.dirname, '../../src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    // frame-ancestors is ignored in a meta tag, so only the header has it.
    expect(meta).toBe(contentSecurityPolicy.replace("; frame-ancestors 'none'", ''))
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
