/**
 * Numbers and dates follow the UI's language everywhere (issue 14, item 7): token counts and costs
 * under an answer, the conversation's total, the Usage view, the Markdown export, and the import
 * button's words.
 */
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'
import { importFile } from './import-file'

let gateway: FakeGateway
let app: BrowserModeProcess
test.beforeEach(async () => {
  // A quick gateway: an answer of 1,200 tokens is the point, not its pace.
  gateway = await startFakeGateway({ tokenDelayMs: 1 })
  app = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: gateway.apiKey })
})
test.afterEach(async () => {
  await app.stop()
  await gateway.close()
})

/** Intl puts no-break spaces in "52.000 ₫"; the assertions read them as spaces. */
async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).replace(/[\u00a0\u202f]/g, ' ')
}

async function setSettings(page: Page, values: Record<string, unknown>): Promise<void> {
  const response = await page.request.post(`${new URL(app.url).origin}/api/invoke/settings:set`, {
    headers: { 'Content-Type': 'application/json' },
    data: values,
  })
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true)
}

test('in Vietnamese, with VND: every count and cost uses Vietnamese digits, and đồng are whole', async ({
  browser,
}) => {
  test.slow()
  const context = await browser.newContext({ locale: 'vi-VN' })
  const page = await context.newPage()
  await page.goto(app.url)
  // The printed address's page moves on to the clean address by itself: a reload before the app is
  // there raced that navigation ("Not attached to an active page", twice on CI).
  await expect(page.getByRole('textbox', { name: 'Tin nhắn' })).toBeVisible({ timeout: 20_000 })
  await setSettings(page, { currency: 'VND', paymentRate: 26_000 })
  await page.reload()

  await page.getByRole('textbox', { name: 'Tin nhắn' }).fill('[[tokens=1200]] Giá bao nhiêu?')
  await page.keyboard.press('Enter')
  const answer = page.getByRole('log').getByRole('article', { name: 'Trợ lý' })
  await expect(answer.locator('.meta')).toContainText('1.200 token', { timeout: 30_000 })
  // "9 vào / 1.200 ra token · 250 ₫": thousands with a dot, and no decimals on đồng.
  await expect(answer.locator('.answer-usage')).toHaveText(/^\d+ vào \/ 1\.200 ra token · \d{1,3}(\.\d{3})*\s₫$/)
  await expect(page.locator('.conversation-usage')).toHaveText(
    /^Cuộc trò chuyện này: 1\.2\d\d token · \d{1,3}(\.\d{3})*\s₫ · 1 câu trả lời, tính mọi phiên bản$/,
  )

  await page.getByRole('button', { name: 'Sử dụng', exact: true }).click()
  const row = page.getByRole('row', { name: /GPT-4\.1/ })
  await expect(row.getByRole('cell').nth(2)).toHaveText('1.200')
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^\d{1,3}(\.\d{3})*\s₫$/)
  await expect(row).toContainText('token/giây')
  expect(await textOf(page, '.usage-figure:nth-child(3) strong')).toBe('1.200')
  // Today's bar: its tooltip says the day as Vietnamese write it, and the axis gives "day thg month".
  const today = new Date()
  const dayMedium = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()),
  )
  const costChart = page.getByRole('img', { name: 'Chi phí mỗi ngày (VND)' })
  await expect(costChart.locator('g.bar').last().locator('title')).toHaveText(
    new RegExp(`^${dayMedium.replace(/\s/g, '\\s')}: \\d{1,3}(\\.\\d{3})*\\s₫$`),
  )
  await expect(costChart.locator('g.bar').last().locator('text')).toHaveText(
    new RegExp(`^${today.getDate()}\\sthg\\s${today.getMonth() + 1}$`),
  )
  await expect(page.locator('.usage')).not.toContainText(/\d{4}-\d{2}-\d{2}/)
  await context.close()
})

test('in English the same answer reads "in / out" with English digits', async ({ page }) => {
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=1200]] How much?')
  await page.keyboard.press('Enter')
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.answer-usage')).toHaveText(/^\d+ in \/ 1,200 out tokens · ¥0\.\d+$/, {
    timeout: 30_000,
  })
  await expect(page.locator('.conversation-usage')).toHaveText(
    /^This conversation: 1,2\d\d tokens · ¥0\.\d+ · 1 answer, every version counted$/,
  )
})

test('a Markdown export from the Vietnamese UI has Vietnamese headings and dates', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' })
  const page = await context.newPage()
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Tin nhắn' }).fill('[[tokens=4]] xuất ra Markdown')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('log').getByRole('article', { name: 'Trợ lý' }).locator('.meta')).toBeVisible()
  await page.getByRole('button', { name: 'Xuất ra Markdown', exact: true }).click()
  const download = page.getByRole('link', { name: 'Tải xuống' })
  await expect(download).toBeVisible()
  const markdown = await page.evaluate(async (url) => (await fetch(url)).text(), (await download.getAttribute('href'))!)
  expect(markdown).toMatch(/^# \[\[tokens=4\]\] xuất ra Markdown\n\n_Bắt đầu .+thg.+, tin nhắn cuối .+_\n/)
  expect(markdown).toContain('### Bạn\n\n[[tokens=4]] xuất ra Markdown')
  expect(markdown).toMatch(/### Trợ lý \(gpt-4\.1\)\n/)
  expect(markdown).not.toMatch(/\d{4}-\d{2}-\d{2}T|Started|### You|Assistant/)
  await context.close()
})

test('the import button speaks the UI language, and so does the file it names', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' })
  const page = await context.newPage()
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Cài đặt', exact: true }).click()
  const importButton = page.getByRole('button', { name: 'Nhập…' })
  await expect(importButton).toBeVisible()
  // No browser-drawn file control ("Choose File / No file chosen") anywhere on the page.
  await expect(page.locator('input[type=file]:visible')).toHaveCount(0)
  const sample = readFileSync(new URL('../fixtures/chatgpt-conversations.json', import.meta.url))
  await importFile(page, { name: 'conversations.json', mimeType: 'application/json', buffer: sample }, 'Nhập…')
  await expect(page.getByRole('status').filter({ hasText: 'Tệp đã chọn: “conversations.json”' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /Đã nhập \d+ cuộc trò chuyện/ })).toBeVisible()
  await context.close()
})
