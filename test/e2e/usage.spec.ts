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
