/**
 * Links in answers leave the app only as http(s) without credentials: in the desktop app as a call to
 * main's `app:openExternal` (which checks again before the OS sees it; see
 * test/main/electron-security.test.ts), in browser mode as a new tab with no opener.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Api } from '../../src/shared/api'
import { openLink } from '../../src/renderer/src/api/open-link'

afterEach(() => {
  delete (window as { api?: unknown }).api
  vi.restoreAllMocks()
})

const refused = [
  'javascript:alert(1)',
  'file:///etc/passwd',
  'https://user:pass@example.com/',
  'java\tscript:x',
  '/relative',
]

describe('openLink', () => {
  it('in the desktop app, asks main to open http(s) links and nothing else', () => {
    const openExternal = vi.fn<Api['app']['openExternal']>(async () => ({ ok: true, value: { opened: true } }))
    Object.assign(window, { api: { app: { openExternal } } })
    const windowOpen = vi.spyOn(window, 'open')
    expect(openLink('https://example.com/docs?q=tiếng')).toBe(true)
    for (const url of refused) expect(openLink(url)).toBe(false)
    expect(openExternal.mock.calls).toEqual([[{ url: 'https://example.com/docs?q=ti%E1%BA%BFng' }]])
    expect(windowOpen).not.toHaveBeenCalled()
  })

  it('in browser mode, opens a new tab with no opener or referrer', () => {
    const windowOpen = vi.spyOn(window, 'open').mockReturnValue(null)
    expect(openLink('http://example.com/')).toBe(true)
    for (const url of refused) expect(openLink(url)).toBe(false)
    expect(windowOpen.mock.calls).toEqual([['http://example.com/', '_blank', 'noopener,noreferrer']])
  })
})
