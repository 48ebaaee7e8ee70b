/**
 * Compare in real Chromium: one question to three models of the fake gateway, each paced differently
 * and one failing mid-answer while the others finish; their answers stream side by side, each with
 * its own state; "Continue with this one" makes it the shown branch, the others one `‹ ›` away.
 */
import { expect, test } from './fixtures'

test('compare three models, one failing mid-answer, and continue with one', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Compare models' }).click()
  const picker = page.getByRole('group', { name: 'Send the next question to these models' })
  for (const name of ['GPT-4.1', 'Claude Sonnet 4.5', 'Gemini 2.5 Flash'])
    await picker.getByRole('checkbox', { name }).check()
  await expect(picker).toContainText('3 picked, 2 to 4')
  await page
    .getByRole('textbox', { name: 'Message' })
    .fill(
      '[[tokens=20]] [[gpt-4.1:delay=2]] [[claude-sonnet-4.5:delay=30]] [[gemini-2.5-flash:delay=5]] ' +
        '[[gemini-2.5-flash:stream-error=6]] So sánh',
    )
  await page.getByRole('button', { name: 'Send' }).click()

  const columns = page.getByRole('region', { name: 'Compared answers' })
  const gpt = columns.getByRole('article', { name: 'GPT-4.1' })
  const claude = columns.getByRole('article', { name: 'Claude Sonnet 4.5' })
  const gemini = columns.getByRole('article', { name: 'Gemini 2.5 Flash' })
  await expect(gemini.getByRole('alert')).toBeVisible({ timeout: 20_000 })
  await expect(gemini).toContainText('Failed')
  await expect(gpt).toContainText('Done', { timeout: 20_000 })
  await expect(gpt).toContainText('tokens/s')
  // Its cost, as main priced it on saving the answer.
  await expect(gpt).toContainText(/in \/ \d+ out tokens · \S*\d/)
  // The answers are drawn once, in their columns: the transcript above ends with the question.
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' })).toHaveCount(0)
  await expect(claude).toContainText('Done', { timeout: 30_000 })

  const chosen = await claude.getAttribute('data-message-id')
  await claude.getByRole('button', { name: 'Continue with this one' }).click()
  await expect(columns).toHaveCount(0)
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer).toHaveAttribute('data-message-id', chosen!)
  await expect(answer.getByRole('group', { name: 'Versions' })).toContainText('2 / 3')
})

test('a reload mid-compare shows the columns again: the ended answer as saved, the other still streaming', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Compare models' }).click()
  const picker = page.getByRole('group', { name: 'Send the next question to these models' })
  for (const name of ['GPT-4.1', 'DeepSeek V3.2']) await picker.getByRole('checkbox', { name }).check()
  await page
    .getByRole('textbox', { name: 'Message' })
    .fill('[[tokens=40]] [[gpt-4.1:delay=1]] [[deepseek-v3.2:delay=150]] Tải lại giữa chừng')
  await page.getByRole('button', { name: 'Send' }).click()

  const columns = page.getByRole('region', { name: 'Compared answers' })
  const gpt = columns.getByRole('article', { name: 'GPT-4.1' })
  const deepseek = columns.getByRole('article', { name: 'DeepSeek V3.2' })
  await expect(gpt).toContainText('Done', { timeout: 20_000 })
  await expect(deepseek).toContainText('Writing…')
  const gptText = await gpt.locator('.compare-column-text').textContent()
  expect(gptText!.length).toBeGreaterThan(0)

  await page.reload()
  // The run comes back from main: GPT-4.1's answer, ended before the reload, as it was saved;
  // DeepSeek's re-attached stream, which goes on to its end without losing or doubling text.
  await expect(gpt).toContainText('Done', { timeout: 20_000 })
  await expect(gpt.locator('.compare-column-text')).toHaveText(gptText!)
  await expect(gpt).toContainText('tokens/s')
  await expect(deepseek).toHaveAttribute('aria-busy', 'true')
  await expect(deepseek).toContainText('Done', { timeout: 30_000 })
  await expect(deepseek.locator('.compare-column-text')).toHaveText(gptText!)

  // The two answers are sibling versions; choosing one closes the columns for good, even after a reload.
  await gpt.getByRole('button', { name: 'Continue with this one' }).click()
  await expect(columns).toHaveCount(0)
  await page.reload()
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' })).toContainText(gptText!.slice(0, 20))
  await expect(columns).toHaveCount(0)
})
