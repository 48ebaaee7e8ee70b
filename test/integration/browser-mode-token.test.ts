/**
 * Browser mode as the user starts it (`out/main/web.js`): each start makes its own random access
 * token, so an address seen once (in a shell history, a screenshot) opens nothing after a restart.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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
    expect((await fetch(first.app.url, { redirect: 'manual' })).status).toBe(200)
    await first.app.stop()

    const second = await start(dataDir)
    expect(second.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(second.token).not.toBe(first.token)
    const withOldToken = new URL(second.url)
    withOldToken.searchParams.set('token', first.token)
    expect((await fetch(withOldToken, { redirect: 'manual' })).status).toBe(401)
    expect((await fetch(second.app.url, { redirect: 'manual' })).status).toBe(200)
  })
})

describe('browser mode at start', () => {
  it(
    'removes the uploads and unfinished exports a killed run left, and keeps finished exports',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDir()
      mkdirSync(join(dataDir, 'uploads'))
      mkdirSync(join(dataDir, 'exports'))
      writeFileSync(join(dataDir, 'uploads', '0b3f3d52-5a4e-4b8e-9c1e-2f6f8e8c9a10.upload'), '[{"mapping":{}}]')
      writeFileSync(join(dataDir, 'exports', 'holysheep-all-conversations-2026-12-01.json.1a2b3c4d.partial'), '{"fo')
      writeFileSync(join(dataDir, 'exports', 'holysheep-all-conversations-2026-11-30.json'), '{}')
      // The desktop app's kind of leftover: a .partial beside the user's own file, named in the journal.
      const elsewhere = tempDir()
      const journaled = join(elsewhere, 'my-export.json.9f8e7d6c.partial')
      writeFileSync(journaled, '{"fo')
      writeFileSync(join(elsewhere, 'not-ours.json.partial'), 'x')
      writeFileSync(join(dataDir, 'exports-in-progress.json'), JSON.stringify([journaled]))

      const { app } = await start(dataDir)
      expect(existsSync(join(dataDir, 'uploads'))).toBe(false)
      expect(readdirSync(join(dataDir, 'exports'))).toEqual(['holysheep-all-conversations-2026-11-30.json'])
      expect(readdirSync(elsewhere)).toEqual(['not-ours.json.partial'])
      expect(app.output()).not.toMatch(/ ERROR /)
    },
  )
})
