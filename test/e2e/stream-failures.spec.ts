import { planReply } from '../fake-gateway/reply'
import { expect, test } from './fixtures'

const continueInstruction =
  'Continue your previous answer exactly where it stopped, without repeating anything and without any preamble.'

test('a drop mid-answer keeps the partial text, explains it, and Continue finishes the same answer', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  const question = '[[drop=8]] Kể một câu chuyện'
  await page.getByRole('textbox', { name: 'Message' }).fill(question)
  await page.getByRole('button', { name: 'Send' }).click()

  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  const partial = planReply(question, null).tokens.slice(0, 8).join('')
  await expect(answer.getByRole('alert')).toContainText('The answer was cut off')
  await expect(answer.locator('.text')).toHaveText(partial.trim())

  await answer.getByRole('button', { name: 'Continue' }).click()
  const continuation = planReply(continueInstruction, null).tokens.join('')
  await expect(answer.locator('.text')).toHaveText((partial + continuation).trim(), { timeout: 15_000 })
  await expect(answer.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' })).toHaveCount(1)
})

test('an answer past the size limit in Settings ends with the text kept, explained, and no Continue', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const longest = page.getByLabel('Longest answer kept (characters)')
  await longest.fill('10000')
  await longest.press('Enter')
  await expect(page.getByRole('region', { name: /Notifications/ })).toContainText('Saved')
  await page.getByRole('button', { name: 'New chat' }).first().click()

  await page.getByRole('textbox', { name: 'Message' }).fill('[[big-deltas=4096]] a gateway that never stops')
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer.getByRole('alert')).toContainText('past the longest answer kept')
  await expect(answer.locator('.text')).toHaveText('b'.repeat(10_000))
  await expect(answer.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(answer.getByRole('button', { name: 'Continue' })).toHaveCount(0)
})

test('a rate limit shows the retry countdown, then the answer', async ({ page, app }) => {
  await page.goto(app.url)
  const question = '[[status=429]] [[retry-after=2]] [[fail-times=1]] [[tokens=5]] hello'
  await page.getByRole('textbox', { name: 'Message' }).fill(question)
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer.getByRole('status')).toContainText(/Retrying in [12] s \(attempt 1 of 3\)/)
  await expect(answer.locator('.text')).toHaveText(planReply(question, null).tokens.join('').trim(), {
    timeout: 15_000,
  })
  await expect(answer.getByRole('status')).toHaveCount(0)
})

test('Stop during a retry wait ends it at once', async ({ page, app, gateway }) => {
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[status=503]] [[retry-after=30]] later')
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer.getByRole('status')).toContainText('Retrying in')
  await page.getByRole('button', { name: 'Stop' }).click()
  await expect(answer).toContainText('Stopped.')
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible()
  expect(gateway.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(1)
})

test('a reasoning model’s thinking shows in a collapsible Thinking section, apart from the answer', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  const question = '[[reasoning=4]] [[tokens=5]] Suy nghĩ trước nhé'
  await page.getByRole('textbox', { name: 'Message' }).fill(question)
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.text')).toHaveText(planReply(question, null).tokens.join('').trim())
  const thinking = answer.locator('details.reasoning')
  await expect(thinking.locator('summary')).toHaveText('Thinking')
  await thinking.locator('summary').click()
  await expect(thinking.locator('.reasoning-text')).toContainText('thinking-3 thinking-2 thinking-1 thinking-0')
})

test('an error names its way out: another model for an unknown one, a new chat for one too long', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  const picker = page.getByRole('combobox', { name: 'Model' })
  const choose = async (search: string, option: string | RegExp) => {
    await picker.click()
    await page.getByPlaceholder('Search models by name or id…').fill(search)
    await page.getByRole('option', { name: option }).click()
  }
  await choose('gpt-9000', 'Use “gpt-9000”')
  await page.getByRole('textbox', { name: 'Message' }).fill('hello')
  await page.getByRole('button', { name: 'Send' }).click()
  const alert = page.getByRole('log').getByRole('article', { name: 'Assistant' }).getByRole('alert')
  await expect(alert).toContainText('The gateway does not know this model. Pick another model.')
  await alert.getByRole('button', { name: 'Pick another model' }).click()
  await expect(picker).toBeFocused()

  await choose('gpt-4.1', /GPT-4\.1/)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[status=400]] a very long conversation')
  await page.getByRole('button', { name: 'Send' }).click()
  const tooLong = page.getByRole('log').getByRole('article', { name: 'Assistant' }).last().getByRole('alert')
  await expect(tooLong).toContainText('The conversation is too long for this model.')
  await tooLong.getByRole('button', { name: 'New chat' }).click()
  await expect(page.getByRole('heading', { name: 'New conversation' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused()
})
