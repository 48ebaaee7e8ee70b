/**
 * `npm run screenshots`: drives the real app in browser mode, against the fake gateway, in Debian's
 * Chromium, and saves the README's pictures to docs/: the chat in light, dark and Vietnamese, the
 * chat at 800×600 (narrow: the sidebar folds into an overlay), Settings, and Usage over a seeded
 * month of answers.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startFakeGateway } from '../test/fake-gateway/server'
import { startBrowserMode, type BrowserModeProcess } from '../test/support/browser-mode'
import { seedUsageHistory } from './seed-usage-history'
import { chromiumPath } from './browser-finder.mjs'

const docs = join(import.meta.dirname, '../docs')
const wide = { width: 1280, height: 800 }

async function save(page: Page, name: string) {
  // Tooltips and the caret are not part of the picture.
  await page.mouse.move(0, 0)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(docs, name) })
  process.stdout.write(`saved ${join(docs, name)}\n`)
}

/** A page in `locale` and `theme` on the app, with its newest conversation open. */
async function openNewest(
  browser: Browser,
  app: BrowserModeProcess,
  options: { viewport: { width: number; height: number }; colorScheme: 'light' | 'dark'; locale: string },
) {
  const page = await browser.newPage(options)
  await page.goto(app.url)
  await page.locator('textarea').first().waitFor()
  // The sidebar's list arrives just after the composer; give it a moment before asking what is shown.
  await page.waitForTimeout(1000)
  const conversation = page.getByRole('button', { name: /Hướng dẫn cài đặt nhanh/ }).first()
  // On a narrow window the sidebar is folded: unfold it, choose, and it folds again.
  if (!(await conversation.isVisible()))
    await page.getByRole('button', { name: /^(Show sidebar|Hiện thanh bên)$/ }).click()
  await conversation.click()
  await page.locator('.meta').first().waitFor()
  return page
}

const gateway = await startFakeGateway({ tokenDelayMs: 20, defaultTokens: 90 })
const app = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: gateway.apiKey })
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking'],
})
try {
  const page = await browser.newPage({ viewport: wide, colorScheme: 'light', locale: 'en-US' })
  await page.goto(app.url)
  const input = page.getByRole('textbox', { name: 'Message' })
  // A little history in the sidebar first, as a user would have.
  for (const earlier of [
    '[[tokens=8]] Dịch sang tiếng Anh: chúc mừng năm mới',
    '[[tokens=8]] Regex cho địa chỉ email',
  ]) {
    await input.fill(earlier)
    await page.keyboard.press('Enter')
    await page.locator('.meta').first().waitFor()
    await page.getByRole('button', { name: 'New chat' }).first().click()
  }
  // An answer with markdown: a heading, a task list, a table, highlighted code with Copy.
  await input.fill('[[markdown]] Hướng dẫn cài đặt nhanh?')
  await page.keyboard.press('Enter')
  await page.locator('.meta').first().waitFor()
  await page.getByRole('log').evaluate((log) => (log.scrollTop = 0))
  await save(page, 'chat.png')
  await page.close()

  for (const [name, options] of [
    ['chat-dark.png', { viewport: wide, colorScheme: 'dark', locale: 'en-US' }],
    ['chat-vi.png', { viewport: wide, colorScheme: 'light', locale: 'vi-VN' }],
    ['chat-narrow.png', { viewport: { width: 800, height: 600 }, colorScheme: 'dark', locale: 'vi-VN' }],
  ] as const) {
    const shown = await openNewest(browser, app, options)
    await shown.getByRole('log').evaluate((log) => (log.scrollTop = 0))
    await save(shown, name)
    await shown.close()
  }

  const settings = await browser.newPage({ viewport: wide, colorScheme: 'light', locale: 'en-US' })
  await settings.goto(app.url)
  await settings.getByRole('button', { name: 'Settings', exact: true }).first().click()
  await settings.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
  await save(settings, 'settings.png')
  await settings.close()
} finally {
  await app.stop()
}

// The Usage view over a month of answers: seeded into a fresh data folder, then one answer today.
const usageDir = mkdtempSync(join(tmpdir(), 'holysheep-usage-'))
seedUsageHistory(usageDir)
const usageApp = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir: usageDir })
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' })
  await page.goto(usageApp.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=60]] Tóm tắt chi phí hôm nay')
  await page.keyboard.press('Enter')
  await page.getByRole('article', { name: 'Assistant' }).locator('.answer-usage').waitFor()
  await page.getByRole('button', { name: 'Usage', exact: true }).first().click()
  await page.getByRole('row', { name: /GPT-4\.1/ }).waitFor()
  await save(page, 'usage.png')
} finally {
  await browser.close()
  await usageApp.stop()
  await gateway.close()
}
