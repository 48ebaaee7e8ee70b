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
  await expect(costChart.locator('g.bar')).toHaveCount(30)
  // Only today's bar has height: one segment, GPT-4.1's, in the first series colour.
  await expect(costChart.locator('g.bar[data-value="0"]')).toHaveCount(29)
  await expect(costChart.locator('rect.segment')).toHaveCount(1)
  await expect(costChart.locator('rect.segment.series-0')).toHaveCount(1)
  await expect(page.locator('.chart-legend')).toHaveText('GPT-4.1')
  const row = page.getByRole('row', { name: /GPT-4\.1/ })
  await expect(row.getByRole('cell').nth(0)).toHaveText('1')
  await expect(row.getByRole('cell').nth(2)).toHaveText('40')
  await expect(row).toContainText('ms')
  await expect(row).toContainText('tokens/s')
})

test('costs follow the currency and payment rate set in Settings', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=300]] [[delay=2]] dài')
  await page.keyboard.press('Enter')
  const cost = page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.answer-usage')
  await expect(cost).toContainText('¥')
  const yuan = Number((await cost.textContent())!.match(/¥([\d.]+)/)![1])

  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const prices = page.getByRole('region', { name: 'Prices and currency' })
  await prices.getByRole('combobox', { name: 'Currency (code)' }).click()
  await page.getByRole('option', { name: /^VND/ }).click()
  const rate = prices.getByLabel(/Payment rate \(VND/)
  await rate.fill('3500')
  await rate.press('Enter')
  await expect(page.getByRole('region', { name: /Notifications/ })).toContainText(/Payment rate/)
  await page.getByRole('button', { name: 'Chat', exact: true }).click()
  await expect(cost).toContainText('₫')
  const dong = Number((await cost.textContent())!.match(/₫([\d,.]+)/)![1]!.replace(/,/g, ''))
  // The same list price at 3,500 ₫ per USD instead of ¥1 (rounded for display).
  expect(dong / yuan).toBeGreaterThan(3300)
  expect(dong / yuan).toBeLessThan(3700)
})
