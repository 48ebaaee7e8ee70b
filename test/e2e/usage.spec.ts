import { expect, test } from './fixtures'

test('an answer shows its tokens and cost; the Usage view charts the day and lists the model', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=40]] Giá bao nhiêu?')
  await page.keyboard.press('Enter')
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  // GPT-4.1 at $2 / $8 per million tokens, paid at ¥1 per $1.
  await expect(answer.locator('.answer-usage')).toContainText(/in \/ 40 out tokens · ¥0\.000\d+/)
  await expect(page.locator('.conversation-usage')).toContainText('This conversation:')

  await page.getByRole('button', { name: 'Usage', exact: true }).click()
  await expect(page.getByRole('heading', { name: /Usage/ })).toBeVisible()
  const costChart = page.getByRole('img', { name: 'Cost per day (CNY)' })
  await expect(costChart.locator('rect.bar')).toHaveCount(30)
  // Only today's bar has height.
  await expect(costChart.locator('rect.bar[height="0"]')).toHaveCount(29)
  const row = page.getByRole('row', { name: /GPT-4\.1/ })
  await expect(row.getByRole('cell').nth(0)).toHaveText('1')
  await expect(row.getByRole('cell').nth(2)).toHaveText('40')
  await expect(row).toContainText('ms')
  await expect(row).toContainText('tokens/s')
})

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
