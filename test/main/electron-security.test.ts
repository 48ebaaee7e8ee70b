/**
 * The Electron security checklist, item by item, through the small Electron-free functions that
 * `src/main/index.ts` wires (the wiring itself is checked in electron-entry.test.ts).
 */
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { openExternalSafely } from '../../src/main/security/open-external'
import { denyPermissions, type PermissionSession } from '../../src/main/security/permissions'
import {
  installRequestFilter,
  isAllowedRequest,
  withContentSecurityPolicy,
  type WebRequestLike,
} from '../../src/main/security/request-filter'
import { claimSingleInstance } from '../../src/main/security/single-instance'
import { guardWebContents, type GuardedEvent, type PreventableEvent } from '../../src/main/security/web-contents-guard'
import { contentSecurityPolicy, mermaidFramePolicy, previewPolicy } from '../../src/main/web/security'
import { isAppUrl } from '../../src/main/window-options'
import { safeExternalUrl } from '../../src/shared/external-link'
import { createTestCore } from '../support/test-core'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const appUrl = 'file:///opt/HolySheep/resources/app.asar/out/renderer/index.html'
const rendererDir = '/opt/HolySheep/resources/app.asar/out/renderer'

/** A webContents that records its handlers, and lets the test fire events at them. */
function fakeWebContents() {
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const listeners = new Map<GuardedEvent, (event: PreventableEvent, url: string) => void>()
  return {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler
    },
    on(event: GuardedEvent, listener: (event: PreventableEvent, url: string) => void) {
      listeners.set(event, listener)
      return this
    },
    open: (url: string) => openHandler!({ url }),
    /** Fires `event` and says whether the page was stopped. */
    fire(event: GuardedEvent, url: string): boolean {
      let prevented = false
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, url)
      return prevented
    },
  }
}

describe('web contents guard', () => {
  const guarded = () => {
    const contents = fakeWebContents()
    const blocked: string[] = []
    guardWebContents(contents, { isAppUrl: (url) => isAppUrl(url, appUrl), onBlocked: (what) => blocked.push(what) })
    return { contents, blocked }
  }

  it('denies every new window, whatever the URL', () => {
    const { contents, blocked } = guarded()
    for (const url of ['https://example.com/', appUrl, 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank'])
      expect(contents.open(url)).toEqual({ action: 'deny' })
    expect(blocked).toHaveLength(5)
  })

  it('blocks navigation and redirects away from the app, and lets the app’s own page through', () => {
    const { contents } = guarded()
    for (const event of ['will-navigate', 'will-redirect'] as const) {
      expect(contents.fire(event, 'https://evil.example/phish')).toBe(true)
      expect(contents.fire(event, 'file:///home/me/.ssh/id_rsa')).toBe(true)
      expect(contents.fire(event, 'data:text/html,<script>x</script>')).toBe(true)
      expect(contents.fire(event, `${appUrl}#settings`)).toBe(false)
    }
  })

  it('refuses to attach a webview', () => {
    expect(guarded().contents.fire('will-attach-webview', 'https://evil.example/')).toBe(true)
  })
})

describe('permission requests', () => {
  function fakeSession() {
    const session: PermissionSession & {
      request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0]
      check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0]
      device?: (details: unknown) => boolean
    } = {
      setPermissionRequestHandler(handler) {
        session.request = handler
      },
      setPermissionCheckHandler(handler) {
        session.check = handler
      },
      setDevicePermissionHandler(handler) {
        session.device = handler
      },
    }
    return session
  }

  it('denies every permission request and check by default', () => {
    const session = fakeSession()
    const denied: string[] = []
    denyPermissions(session, (permission) => denied.push(permission))
    const asked = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midiSysex', 'hid']
    for (const permission of asked) {
      const callback = vi.fn()
      session.request!({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(session.check!({}, permission)).toBe(false)
    }
    expect(denied).toEqual(asked)
    expect(session.device!({ deviceType: 'usb' })).toBe(false)
  })

  it('grants only writing plain text to the clipboard, for the Copy buttons', () => {
    const session = fakeSession()
    denyPermissions(session)
    const callback = vi.fn()
    session.request!({}, 'clipboard-sanitized-write', callback)
    expect(callback).toHaveBeenCalledWith(true)
    expect(session.check!({}, 'clipboard-sanitized-write')).toBe(true)
    expect(session.check!({}, 'clipboard-read')).toBe(false)
  })
})

describe('what the window may load', () => {
  const policy = { rendererDir }

  it('loads the app’s own files', () => {
    expect(isAllowedRequest(appUrl, policy)).toBe(true)
    expect(isAllowedRequest(`file://${rendererDir}/assets/index-abc.js`, policy)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', policy)).toBe(true)
    // macOS: the app folder has a space in its name, and a user's folder may have any letters.
    const mac = { rendererDir: '/Users/Thảo/Apps/HolySheep Chat.app/Contents/Resources/app.asar/out/renderer' }
    expect(isAllowedRequest(pathToFileURL(`${mac.rendererDir}/index.html`).href, mac)).toBe(true)
    expect(isAllowedRequest(pathToFileURL('/Users/Thảo/Documents/notes.txt').href, mac)).toBe(false)
  })

  it('refuses other files, including by ../ and encoded tricks', () => {
    expect(isAllowedRequest('file:///etc/passwd', policy)).toBe(false)
    expect(isAllowedRequest(`file://${rendererDir}/../../app.asar.unpacked/x`, policy)).toBe(false)
    expect(isAllowedRequest(`file://${rendererDir}/%2e%2e/%2e%2e/secret`, policy)).toBe(false)
    expect(isAllowedRequest(`file://${rendererDir}/..%2f..%2fsecret`, policy)).toBe(false)
    expect(isAllowedRequest(`file://${rendererDir}-evil/index.html`, policy)).toBe(false)
    expect(isAllowedRequest('file://remote-host/share/x.js', policy)).toBe(false)
    expect(isAllowedRequest(`file://${rendererDir}`, policy)).toBe(false)
  })

  it('loads nothing remote', () => {
    for (const url of [
      'https://cdn.example.com/lib.js',
      'http://127.0.0.1:8787/v1/models',
      'ws://evil.example/',
      'ftp://x/',
      'chrome://settings',
      'not a url',
    ])
      expect(isAllowedRequest(url, policy)).toBe(false)
  })

  it('in development, also the dev server and its HMR socket, and nothing else', () => {
    const dev = { rendererDir, devServerUrl: 'http://localhost:5173/' }
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false)
    expect(isAllowedRequest('https://localhost.evil.example:5173/', dev)).toBe(false)
  })

  it('cancels refused requests and puts the app’s CSP on every response', () => {
    let before: Parameters<WebRequestLike['onBeforeRequest']>[0] | null = null
    let headers: Parameters<WebRequestLike['onHeadersReceived']>[0] | null = null
    const blocked: string[] = []
    installRequestFilter(
      {
        onBeforeRequest: (listener) => (before = listener),
        onHeadersReceived: (listener) => (headers = listener),
      },
      policy,
      (url) => blocked.push(url),
    )
    const decide = (url: string) => {
      let cancel: boolean | undefined
      before!({ url }, (response) => (cancel = response.cancel))
      return cancel
    }
    expect(decide('https://cdn.example.com/lib.js')).toBe(true)
    expect(decide(appUrl)).toBe(false)
    expect(blocked).toEqual(['https://cdn.example.com/lib.js'])
    let sent: Record<string, string[]> | undefined
    headers!(
      { url: appUrl, responseHeaders: { 'content-security-policy': ["script-src 'unsafe-eval'"], 'X-Other': ['1'] } },
      (response) => (sent = response.responseHeaders),
    )
    expect(sent).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] })
    // The preview page of the built renderer has its own policy (sandboxed, no network); nothing else does.
    headers!({ url: `file://${rendererDir}/preview.html` }, (response) => (sent = response.responseHeaders))
    expect(sent).toEqual({ 'Content-Security-Policy': [previewPolicy] })
    for (const other of [`file://${rendererDir}/assets/preview.html`, `file://${rendererDir}/../preview.html`]) {
      headers!({ url: other }, (response) => (sent = response.responseHeaders))
      expect(sent).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] })
    }
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] })
  })

  it('gives the diagram frame page its own policy, and only that page; without one it gets the app policy', () => {
    const framePolicy = mermaidFramePolicy('sha256-abc=')
    const sentFor = (url: string, withFramePolicy: boolean) => {
      let headers: Parameters<WebRequestLike['onHeadersReceived']>[0] | null = null
      installRequestFilter(
        { onBeforeRequest: () => {}, onHeadersReceived: (listener) => (headers = listener) },
        withFramePolicy ? { ...policy, mermaidFramePolicy: framePolicy } : policy,
      )
      let sent: Record<string, string[]> | undefined
      headers!({ url }, (response) => (sent = response.responseHeaders))
      return sent?.['Content-Security-Policy']
    }
    expect(sentFor(`file://${rendererDir}/mermaid-frame.html`, true)).toEqual([framePolicy])
    expect(sentFor(`file://${rendererDir}/mermaid-frame.html`, false)).toEqual([contentSecurityPolicy])
    for (const other of [
      `file://${rendererDir}/assets/mermaid-frame.html`,
      `file://${rendererDir}/../mermaid-frame.html`,
      `file://${rendererDir}/index.html`,
    ])
      expect(sentFor(other, true)).toEqual([contentSecurityPolicy])
    expect(framePolicy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
  })
})

describe('opening links in the browser', () => {
  const refused = [
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' https://example.com/',
    'data:text/html,x',
    'smb://host/share',
    'ms-msdt:/id',
    'vscode://extension',
    'https://user:pass@example.com/',
    'https://',
    '//example.com/',
    `https://example.com/${'a'.repeat(3000)}`,
  ]

  it('accepts plain http(s) links only', () => {
    expect(safeExternalUrl('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d')
    // International names reach the OS in punycode, so a look-alike name cannot pass for another.
    expect(safeExternalUrl('http://tiếng.việt/')).toMatch(/^http:\/\/xn--ting-hv5a\.xn--[a-z0-9-]+\/$/)
    for (const url of refused) expect(safeExternalUrl(url), url).toBeNull()
    expect(safeExternalUrl(42)).toBeNull()
  })

  it('main checks again before the shell sees the URL', async () => {
    const shell = { openExternal: vi.fn(async () => {}) }
    const open = openExternalSafely(shell)
    await open('https://example.com/docs')
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/docs')
    for (const url of refused) await expect(open(url)).rejects.toThrow(/not http/)
    expect(shell.openExternal).toHaveBeenCalledTimes(1)
  })

  it('app:openExternal opens a checked link and refuses the rest with invalid_payload', async () => {
    const opened: string[] = []
    const core = createTestCore({ dataDir: tempDir(), openExternal: async (url) => void opened.push(url) })
    expect(await core.dispatch('app:openExternal', { url: 'https://example.com/' })).toEqual({
      ok: true,
      value: { opened: true },
    })
    for (const url of refused)
      expect(await core.dispatch('app:openExternal', { url })).toMatchObject({
        ok: false,
        error: { kind: 'invalid_payload' },
      })
    expect(opened).toEqual(['https://example.com/'])
    await core.shutdown()
  })

  it('answers opened: false where the app cannot open links (browser mode)', async () => {
    const core = createTestCore({ dataDir: tempDir() })
    expect(await core.dispatch('app:openExternal', { url: 'https://example.com/' })).toEqual({
      ok: true,
      value: { opened: false },
    })
    await core.shutdown()
  })
})

describe('single instance', () => {
  function fakeApp(lock: boolean) {
    const listeners: Array<() => void> = []
    return {
      requestSingleInstanceLock: () => lock,
      quit: vi.fn(),
      on: (_event: 'second-instance', listener: () => void) => listeners.push(listener),
      secondLaunch: () => listeners.forEach((listener) => listener()),
    }
  }

  it('the first copy keeps the lock and comes to the front when launched again', () => {
    const app = fakeApp(true)
    const focus = vi.fn()
    expect(claimSingleInstance(app, focus)).toBe(true)
    expect(app.quit).not.toHaveBeenCalled()
    app.secondLaunch()
    expect(focus).toHaveBeenCalledOnce()
  })

  it('a second copy quits', () => {
    const app = fakeApp(false)
    expect(claimSingleInstance(app, vi.fn())).toBe(false)
    expect(app.quit).toHaveBeenCalledOnce()
  })
})
