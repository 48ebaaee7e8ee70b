import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Settings for this conversation' })
const toast = (page: Page, text: string) =>
  page
    .getByRole('region', { name: /Notifications/ })
    .getByRole('listitem')
    .filter({ hasText: text })

async function applyPreset(page: Page, name: string) {
  await dialog(page).getByRole('button', { name: 'Apply a preset' }).click()
  await page.getByRole('menuitem', { name }).click()
}

test('a preset applied in the conversation settings wins over the defaults in the request', async ({
  page,
  app,
  gateway,
}) => {
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=3]] first')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible()

  await page.getByRole('button', { name: 'Prompt and parameters' }).click()
  await applyPreset(page, 'Code reviewer')
  await dialog(page).getByRole('combobox', { name: 'Model' }).click()
  await page.getByPlaceholder('Search models by name or id…').fill('deepseek')
  await page.getByRole('option', { name: /DeepSeek V3\.2/ }).click()
  await dialog(page).getByRole('button', { name: 'Save', exact: true }).click()
  await expect(toast(page, 'Saved for this conversation.')).toBeVisible()
  await expect(dialog(page)).toBeHidden()
  // The header's picker shows the conversation's model too: one value, one place it is kept.
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveText('DeepSeek V3.2')

  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=3]] review this')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' })).toHaveCount(2)
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).nth(1).locator('.meta')).toBeVisible()
  const body = gateway.requests.filter((request) => request.path === '/v1/chat/completions').at(-1)?.body as {
    model: string
    temperature: number
    messages: Array<{ role: string; content: string }>
  }
  expect(body.model).toBe('deepseek-v3.2')
  expect(body.temperature).toBe(0.2)
  expect(body.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('senior code reviewer') })
})

test('a new chat takes a preset before its first message, and keeps it', async ({ page, app, gateway }) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Prompt and parameters' }).click()
  await applyPreset(page, 'Translator (English ⇄ Vietnamese)')
  await dialog(page).getByRole('button', { name: 'Save', exact: true }).click()
  await expect(toast(page, 'Kept for this new chat')).toBeVisible()
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=3]] good morning')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible()
  const body = gateway.requests.filter((request) => request.path === '/v1/chat/completions').at(-1)?.body as {
    temperature: number
    messages: Array<{ role: string; content: string }>
  }
  expect(body.temperature).toBe(0.3)
  expect(body.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('Translate') })

  // The conversation now holds the preset as its own settings.
  await page.getByRole('button', { name: 'Prompt and parameters' }).click()
  await expect(dialog(page).getByLabel('System prompt')).toHaveValue(/Translate the user’s text/)
})

test('wrong numbers are named beside their fields, in Vietnamese too, and nothing is saved', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=3]] first')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible()
  await page.getByRole('button', { name: 'Prompt and parameters' }).click()
  await dialog(page).getByLabel('Temperature').fill('3')
  await dialog(page).getByLabel('Max tokens').fill('many')
  await dialog(page).getByRole('button', { name: 'Save', exact: true }).click()
  await expect(dialog(page).getByLabel('Temperature')).toHaveAccessibleDescription(/from 0 to 2/)
  await expect(dialog(page).getByLabel('Max tokens')).toHaveAccessibleDescription(/Enter a number/)
  await expect(dialog(page)).toBeVisible()
  await dialog(page).getByLabel('Temperature').fill('0,5')
  await dialog(page).getByLabel('Max tokens').fill('')
  await dialog(page).getByRole('button', { name: 'Save', exact: true }).click()
  await expect(toast(page, 'Saved for this conversation.')).toBeVisible()
  await page.getByRole('button', { name: 'Prompt and parameters' }).click()
  await expect(dialog(page).getByLabel('Temperature')).toHaveValue('0.5')
})

test.describe('in Vietnamese', () => {
  test.use({ locale: 'vi-VN' })

  test('the errors beside the fields are Vietnamese', async ({ page, app }) => {
    await page.goto(app.url)
    await page.getByRole('button', { name: 'Lời nhắc và tham số' }).click()
    const form = page.getByRole('dialog', { name: 'Thiết lập cho cuộc trò chuyện này' })
    await form.getByLabel('Nhiệt độ').fill('-1')
    await form.getByRole('button', { name: 'Lưu', exact: true }).click()
    await expect(form.getByLabel('Nhiệt độ')).toHaveAccessibleDescription(/từ 0 đến 2/)
  })
})
