/**
 * The words after an answer that ended early (issue 14, item 9): "the text so far is kept" only
 * when some text arrived, and a retry says what failed and counts down, without the advice to try
 * again that the app is already following.
 */
import { planReply } from '../fake-gateway/reply'
import { expect, test } from './fixtures'

test('an answer cut off before any text says so without claiming to keep text; one cut later does', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[drop=0]] nothing arrives')
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer.getByRole('alert')).toContainText('The answer was cut off')
  await expect(answer.locator('.text')).toHaveCount(0)
  await expect(answer).not.toContainText('kept')

  await page.getByRole('button', { name: 'New chat' }).first().click()
  await page.getByRole('textbox', { name: 'Message' }).fill('[[drop=6]] some text arrives')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(answer.getByRole('alert')).toHaveText(
    /The answer was cut off: the connection to the gateway broke mid-answer\. The text received so far is kept\./,
  )
  await expect(answer.locator('.text')).toHaveText(
    planReply('[[drop=6]] some text arrives', null).tokens.slice(0, 6).join('').trim(),
  )
})

test('Stop before the first token says Stopped, and nothing about kept text', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[hang=1]] never answers')
  await page.getByRole('button', { name: 'Send' }).click()
  await page.getByRole('button', { name: 'Stop' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.note')).toHaveText('Stopped.')
  await expect(answer).not.toContainText('kept')
})

for (const { locale, busy, advice, countdown } of [
  {
    locale: 'en-US',
    busy: /^The gateway is busy\. Retrying in [1-3] s \(attempt 1 of 3\)…$/,
    advice: 'try again',
    countdown: 'Retrying in 1 s',
  },
  {
    locale: 'vi-VN',
    busy: /^Cổng đang bận\. Thử lại sau [1-3] giây \(lần 1\/3\)…$/,
    advice: 'thử lại.',
    countdown: 'Thử lại sau 1 giây',
  },
]) {
  test(`a rate limit says the gateway is busy and counts down, with no "try again" (${locale})`, async ({
    browser,
    app,
  }) => {
    const context = await browser.newContext({ locale })
    const page = await context.newPage()
    await page.goto(app.url)
    await page.getByRole('textbox').first().fill('[[status=429]] [[retry-after=3]] [[fail-times=1]] [[tokens=5]] hi')
    await page.keyboard.press('Enter')
    const status = page.getByRole('log').getByRole('article').last().getByRole('status')
    await expect(status).toHaveText(busy)
    await expect(status).not.toContainText(advice, { ignoreCase: true })
    // The count goes down while the wait lasts.
    await expect(status).toContainText(countdown)
    await expect(status).toHaveCount(0, { timeout: 15_000 })
    await context.close()
  })
}

test('Stop pressed while the question is still on its way stops the answer it starts', async ({ page, app }) => {
  await page.goto(app.url)
  // Main stores the question and starts the answer; its reply reaches the window only after Stop.
  let releaseReply = (): void => {}
  const replyHeld = new Promise<void>((resolve) => (releaseReply = resolve))
  await page.route(/\/api\/invoke\/chat(:|%3A)send$/, async (route) => {
    const response = await route.fetch()
    await replyHeld
    await route.fulfill({ response })
  })
  await page.getByRole('textbox', { name: 'Message' }).fill('[[hang=1]] never answers')
  await page.getByRole('button', { name: 'Send' }).click()
  await page.getByRole('button', { name: 'Stop' }).click()
  releaseReply()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.note')).toHaveText('Stopped.')
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible()
})
