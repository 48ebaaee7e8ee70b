import type { Page } from '@playwright/test'
import { startBrowserMode } from '../support/browser-mode'
import { expect, test } from './fixtures'

const html = (page: Page) => page.locator('html')
const openSettings = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name }).click()

test.describe('a Vietnamese browser', () => {
  test.use({ locale: 'vi-VN' })

  test('gets the UI in Vietnamese by default, errors included', async ({ page, app }) => {
    await page.goto(app.url)
    await expect(html(page)).toHaveAttribute('lang', 'vi')
    await expect(page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' })).toBeVisible()
    await page.getByRole('textbox', { name: 'Tin nhắn' }).fill('[[status=401]] xin chào')
    await page.getByRole('button', { name: 'Gửi' }).click()
    await expect(page.getByRole('alert')).toContainText('Cổng kết nối không chấp nhận khóa API của bạn.')
    await expect(page.getByRole('button', { name: 'Mở Cài đặt' })).toBeVisible()
  })

  test('says why a connection failed in Vietnamese too', async ({ page, gateway }) => {
    // The gateway's port is closed: the connection is refused (and retried, then given up).
    const port = gateway.port
    await gateway.close()
    const app = await startBrowserMode({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: gateway.apiKey })
    try {
      await page.goto(app.url)
      await page.getByRole('textbox', { name: 'Tin nhắn' }).fill('xin chào')
      await page.getByRole('button', { name: 'Gửi' }).click()
      const alert = page.getByRole('log').getByRole('article').last().getByRole('alert')
      await expect(alert).toContainText('Không kết nối được tới cổng.', { timeout: 20_000 })
      await expect(alert).toContainText('Cổng từ chối kết nối.')
      await expect(alert).not.toContainText('refused')
    } finally {
      await app.stop()
    }
  })
})

test('the language can be switched in Settings; it stays after a reload and numbers follow it', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await expect(html(page)).toHaveAttribute('lang', 'en')
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=1500]] [[delay=0]] counting')
  await page.getByRole('button', { name: 'Send' }).click()
  const meta = page.getByRole('article', { name: 'Assistant' }).locator('.meta')
  await expect(meta).toContainText('1,500 tokens', { timeout: 15_000 })

  await openSettings(page, 'Settings')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('vi')
  await expect(page.getByRole('heading', { name: 'Cài đặt', level: 1 })).toBeVisible()
  await expect(html(page)).toHaveAttribute('lang', 'vi')
  await expect(page.getByRole('combobox', { name: 'Ngôn ngữ' })).toHaveValue('vi')

  await page.reload()
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Trò chuyện' })).toBeVisible()
  await page
    .getByRole('list', { name: 'Các cuộc trò chuyện' })
    .getByRole('listitem')
    .first()
    .getByRole('button')
    .first()
    .click()
  await expect(page.getByRole('article', { name: 'Trợ lý' }).locator('.meta')).toContainText('1.500 token')

  await openSettings(page, 'Cài đặt')
  await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en')
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
})

test('themes: light, dark, and following the system as it changes', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(app.url)
  const body = page.locator('body')
  await expect(html(page)).toHaveAttribute('data-theme', 'light')
  await expect(body).toHaveCSS('background-color', 'rgb(247, 247, 248)')
  // Following the system: the OS switching to dark switches the app at once.
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(html(page)).toHaveAttribute('data-theme', 'dark')
  await expect(body).toHaveCSS('background-color', 'rgb(17, 20, 24)')

  await openSettings(page, 'Settings')
  const theme = page.getByRole('combobox', { name: 'Theme' })
  await theme.selectOption('light')
  await expect(html(page)).toHaveAttribute('data-theme', 'light')
  await page.reload()
  await expect(html(page)).toHaveAttribute('data-theme', 'light')
  await openSettings(page, 'Settings')
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(html(page)).toHaveAttribute('data-theme', 'dark')
})
