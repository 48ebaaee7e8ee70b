/**
 * `npm run screenshots`: drives the real app in browser mode, against the fake gateway, in Debian's
 * Chromium, and saves the README's pictures to docs/: chat.png (light), chat-dark.png and usage.png.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startFakeGateway } from '../test/fake-gateway/server'
import { startBrowserMode } from '../test/support/browser-mode'
import { seedUsageHistory } from './seed-usage-history'
import { chromiumPath } from './browser-finder.mjs'

const docs = join(import.meta.dirname, '../docs')
const gateway = await startFakeGateway({ tokenDelayMs: 30, defaultTokens: 90 })
const app = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: gateway.apiKey })
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, colorScheme: 'light' })
  await page.goto(app.url)
  const input = page.getByRole('textbox', { name: 'Message' })
  // A little history in the sidebar first, as a user would have.
  for (const earlier of [
    '[[tokens=8]] Dịch sang tiếng Anh: chúc mừng năm mới',
    '[[tokens=8]] Regex cho địa chỉ email',
  ]) {
    await input.fill(earlier)
    await page.keyboard.press('Enter')
    await page.getByRole('article', { name: 'Assistant' }).locator('.meta').waitFor()
    await page.getByRole('button', { name: 'New chat' }).click()
  }
  // An answer with markdown: a heading, a task list, a table, highlighted code with Copy.
  await input.fill('[[markdown]] Hướng dẫn cài đặt nhanh?')
  await page.keyboard.press('Enter')
  await page.getByRole('article', { name: 'Assistant' }).first().locator('.meta').waitFor()
  await page.getByRole('log').evaluate((log) => (log.scrollTop = 0))
  await page.screenshot({ path: join(docs, 'chat.png') })
  process.stdout.write(`saved ${join(docs, 'chat.png')}\n`)

  // The same conversation in the dark theme (following a dark OS).
  const dark = await browser.newPage({ viewport: { width: 1100, height: 760 }, colorScheme: 'dark' })
  await dark.goto(app.url)
  await dark
    .getByRole('list', { name: 'Conversations' })
    .getByRole('listitem')
    .first()
    .getByRole('button')
    .first()
    .click()
  await dark.getByRole('article', { name: 'Assistant' }).first().locator('.meta').waitFor()
  await dark.getByRole('log').evaluate((log) => (log.scrollTop = 0))
  await dark.screenshot({ path: join(docs, 'chat-dark.png') })
  process.stdout.write(`saved ${join(docs, 'chat-dark.png')}\n`)
  await page.close()
  await dark.close()
} finally {
  await app.stop()
}

// The Usage view over a month of answers: seeded into a fresh data folder, then one answer today.
const usageDir = mkdtempSync(join(tmpdir(), 'holysheep-usage-'))
seedUsageHistory(usageDir)
const usageApp = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir: usageDir })
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 }, colorScheme: 'light' })
  await page.goto(usageApp.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=60]] Tóm tắt chi phí hôm nay')
  await page.keyboard.press('Enter')
  await page.getByRole('article', { name: 'Assistant' }).locator('.answer-usage').waitFor()
  await page.getByRole('button', { name: 'Usage', exact: true }).click()
  await page.getByRole('row', { name: /GPT-4\.1/ }).waitFor()
  await page.screenshot({ path: join(docs, 'usage.png') })
  process.stdout.write(`saved ${join(docs, 'usage.png')}\n`)
} finally {
  await browser.close()
  await usageApp.stop()
  await gateway.close()
}
