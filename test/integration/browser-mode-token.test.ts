/**
 * Browser mode as the user starts it (`out/main/web.js`): each start makes its own random access
 * token, so an address seen once (in a shell history, a screenshot) opens nothing after a restart.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const running: BrowserModeProcess[] = []
afterEach(async () => {
  for (const app of running.splice(0)) await app.stop()
})

async function start(dataDir: string) {
  const app = await startBrowserMode({ baseURL: 'http://127.0.0.1:9/v1', dataDir })
  running.push(app)
  const url = new URL(app.url)
  return { app, url, token: url.searchParams.get('token')! }
}

describe('browser mode access token', () => {
  it('is new and unguessable at every start, and the old one stops working', { timeout: 60_000 }, async () => {
    const dataDir = tempDir()
    const first = await start(dataDir)
    expect(first.url.hostname).toBe('127.0.0.1')
    // 24 random bytes in base64url: 32 characters, 192 bits.
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    // The address sets the cookie and sends the browser on to the clean address.
    expect((await fetch(first.app.url, { redirect: 'manual' })).status).toBe(303)
    await first.app.stop()

    const second = await start(dataDir)
    expect(second.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(second.token).not.toBe(first.token)
    const withOldToken = new URL(second.url)
    withOldToken.searchParams.set('token', first.token)
    expect((await fetch(withOldToken, { redirect: 'manual' })).status).toBe(401)
    expect((await fetch(second.app.url, { redirect: 'manual' })).status).toBe(303)
  })
})
