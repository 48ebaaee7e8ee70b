/**
 * Browser mode after a restart (issue 14, item 6a and 6b): every start prints a new address with a
 * new token, while the browser still holds the cookie of the earlier start.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'

const running: BrowserModeProcess[] = []
test.afterEach(async () => {
  for (const app of running.splice(0)) await app.stop()
})

/** Waits for the app's first paint: on a busy machine a first load can take more than the default 5 s. */
const firstLoad = { timeout: 20_000 }

/** Starts browser mode, then starts it again on the same folder and port, as after `Ctrl+C` and `npm run web`. */
async function startTwice() {
  const dataDir = mkdtempSync(join(tmpdir(), 'holysheep-restart-'))
  const options = { baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-restart-test', dataDir }
  const first = await startBrowserMode(options)
  running.push(first)
  const port = Number(new URL(first.url).port)
  return {
    first,
    restart: async () => {
      await first.stop()
      const second = await startBrowserMode({ ...options, port })
      running.push(second)
      return second
    },
  }
}

/** A page on another site that links to the address, as a web terminal or a chat shows it. */
async function linkPage(href: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><title>Terminal</title><a href="${href}">${href}</a>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  // localhost, not 127.0.0.1: another site for the browser, as the terminal's page would be.
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server }
}

test('the new address opens the app at once, even linked from another site, and replaces the old cookie', async ({
  browser,
}) => {
  // Two starts of browser mode in one test.
  test.slow()
  const { first, restart } = await startTwice()
  const context = await browser.newContext({ locale: 'en-US' })
  const oldTab = await context.newPage()
  await oldTab.goto(first.url)
  await expect(oldTab.getByRole('textbox', { name: 'Message' })).toBeVisible(firstLoad)

  const second = await restart()
  const terminal = await linkPage(second.url)
  try {
    const tab = await context.newPage()
    await tab.goto(terminal.url)
    await tab.getByRole('link').click()
    await expect(tab.getByRole('textbox', { name: 'Message' })).toBeVisible(firstLoad)
    // On the clean address, and the browser now holds the new start's token only.
    expect(new URL(tab.url()).search).toBe('')
    const newToken = new URL(second.url).searchParams.get('token')
    const cookies = (await context.cookies()).filter((cookie) => cookie.name.startsWith('holysheep_token_'))
    expect(cookies.map((cookie) => cookie.value)).toEqual([newToken])
  } finally {
    terminal.server.close()
    await context.close()
  }
})

for (const { locale, heading, hint } of [
  { locale: 'en-US', heading: 'This address is from an earlier start', hint: /Open the newest address printed/ },
  { locale: 'vi-VN', heading: 'Địa chỉ này thuộc về một lần khởi động trước', hint: /Hãy mở địa chỉ mới nhất/ },
]) {
  test(`an old tab reloaded after a restart explains itself (${locale}); calls keep their JSON 401`, async ({
    browser,
  }) => {
    test.slow()
    const { first, restart } = await startTwice()
    const context = await browser.newContext({ locale })
    try {
      const oldTab = await context.newPage()
      await oldTab.goto(first.url)
      await expect(oldTab.getByRole('textbox')).toBeVisible(firstLoad)
      const second = await restart()

      const reloaded = await oldTab.reload()
      expect(reloaded?.status()).toBe(401)
      await expect(oldTab.getByRole('heading', { level: 1, name: heading })).toBeVisible()
      await expect(oldTab.getByText(hint)).toBeVisible()
      await expect(oldTab.locator('html')).toHaveAttribute('lang', locale.slice(0, 2))
      await expect(oldTab.getByText('"ok":false')).toHaveCount(0)

      // The app's own calls with the stale cookie still get the JSON they understand.
      const call = await context.request.post(`${new URL(second.url).origin}/api/invoke/settings:get`, {
        headers: { 'Content-Type': 'application/json' },
        data: '',
      })
      expect(call.status()).toBe(401)
      expect(call.headers()['content-type']).toMatch(/^application\/json/)
      expect(((await call.json()) as { ok: boolean }).ok).toBe(false)
    } finally {
      await context.close()
    }
  })
}
