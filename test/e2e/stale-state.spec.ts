/**
 * State that went stale (issue 14, item 8): the conversation's total after its only answer is
 * deleted, and the conversation a reload lands on.
 */
import { expect, test } from './fixtures'

test('the conversation total goes when its only answer is deleted', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=12]] một câu trả lời')
  await page.keyboard.press('Enter')
  const log = page.getByRole('log')
  const answer = log.getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.meta')).toBeVisible()
  await expect(page.locator('.conversation-usage')).toContainText('This conversation:')

  await answer.getByRole('button', { name: 'Delete' }).click()
  await answer.getByRole('button', { name: 'Delete for good' }).click()
  await expect(log.getByRole('article')).toHaveCount(1)
  await expect(page.locator('.conversation-usage')).toHaveCount(0)
})

test('a reload reopens the conversation that was open; a new chat left open stays new', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=4]] the first conversation')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('log').getByRole('article', { name: 'You' })).toHaveText(/the first conversation/)
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible()

  await page.getByRole('button', { name: 'New chat' }).first().click()
  await expect(page.getByRole('log').getByRole('article')).toHaveCount(0)
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Conversations' }).getByRole('listitem')).toHaveCount(1)
  await expect(page.getByRole('log').getByRole('article')).toHaveCount(0)
})

test('a reload mid-answer reopens its conversation; a new window opens the one that streams', async ({
  page,
  app,
  browser,
}) => {
  // Two windows and a long answer: more than the default time on a busy machine.
  test.slow()
  await page.goto(app.url)
  // The answer stops after six tokens with its connection open, so it is still streaming whenever the
  // test looks (with the idle limit raised out of the way).
  const saved = await page.request.post(`${new URL(app.url).origin}/api/invoke/settings:set`, {
    headers: { 'Content-Type': 'application/json' },
    data: { idleTimeoutSeconds: 600 },
  })
  expect(((await saved.json()) as { ok: boolean }).ok).toBe(true)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[stall=6]] the streaming conversation')
  await page.keyboard.press('Enter')
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.text')).toHaveText(/\S/)
  await page.reload()
  await expect(page.getByRole('log').getByRole('article', { name: 'You' })).toHaveText(/the streaming conversation/)
  await expect(answer).toHaveAttribute('aria-busy', 'true')
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible()

  // A window that remembers nothing (a new one) opens the conversation whose answer streams.
  const otherContext = await browser.newContext()
  const other = await otherContext.newPage()
  await other.goto(app.url)
  await expect(other.getByRole('log').getByRole('article', { name: 'You' })).toHaveText(/the streaming conversation/, {
    timeout: 15_000,
  })
  await expect(other.getByRole('button', { name: 'Stop' })).toBeVisible()
  await other.getByRole('button', { name: 'Stop' }).click()
  await otherContext.close()
})
