import { expect, test } from './fixtures'

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
  await page.getByLabel('Apply a preset').selectOption({ label: 'Code reviewer' })
  await page.getByLabel('Model', { exact: true }).last().fill('deepseek-v3.2')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('Saved for this conversation.')).toBeVisible()

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
  await page.getByLabel('Apply a preset').selectOption({ label: 'Translator (English ⇄ Vietnamese)' })
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('Kept for this new chat')).toBeVisible()
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
  await expect(page.getByLabel('System prompt')).toHaveValue(/Translate the user’s text/)
})
