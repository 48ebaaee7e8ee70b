import { planReply } from '../fake-gateway/reply'
import { startBrowserMode } from '../support/browser-mode'
import { expect, test } from './fixtures'

test('an answer streams into the log over several paints and arrives whole', async ({ page, app }) => {
  await page.goto(app.url)
  const message = '[[tokens=60]] Xin chào, bạn khỏe không?'
  await page.getByRole('textbox', { name: 'Message' }).fill(message)
  await page.getByRole('button', { name: 'Send' }).click()

  const log = page.getByRole('log')
  const answer = log.getByRole('article', { name: 'Assistant' }).locator('.text')
  const lengths: number[] = []
  await expect
    .poll(
      async () => {
        const text = (await answer.count()) ? await answer.innerText() : ''
        if (lengths.at(-1) !== text.length) lengths.push(text.length)
        return lengths.length
      },
      { intervals: [30], timeout: 10_000 },
    )
    .toBeGreaterThanOrEqual(4)

  const expected = planReply(message, null).tokens.join('').trim()
  await expect(answer).toHaveText(expected, { timeout: 10_000 })
  await expect(log.getByRole('article', { name: 'You' }).locator('.text')).toHaveText(message)
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible()
  // Lengths only ever grew: text appended, never replaced.
  expect([...lengths].sort((a, b) => a - b)).toEqual(lengths)
})

test('Stop ends a long answer and keeps the partial text', async ({ page, app }) => {
  await page.goto(app.url)
  const message = '[[tokens=2000]] Tell me a long story'
  await page.getByRole('textbox', { name: 'Message' }).fill(message)
  await page.keyboard.press('Enter')

  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.text')).toContainText('Echo:')
  await expect.poll(async () => (await answer.locator('.text').innerText()).length).toBeGreaterThan(80)
  await page.getByRole('button', { name: 'Stop' }).click()

  await expect(answer).toContainText('Stopped. The text received so far is kept.')
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible()
  const partial = await answer.locator('.text').innerText()
  const full = planReply(message, null).tokens.join('')
  expect(partial.length).toBeGreaterThan(80)
  expect(partial.length).toBeLessThan(full.length / 2)
  expect(full.startsWith(partial.trim())).toBe(true)
  // Nothing more arrives after Stop.
  await page.waitForTimeout(300)
  expect(await answer.locator('.text').innerText()).toBe(partial)
})

test('Shift+Enter makes a new line and Enter sends', async ({ page, app }) => {
  await page.goto(app.url)
  const input = page.getByRole('textbox', { name: 'Message' })
  await input.click()
  await page.keyboard.type('first line')
  await page.keyboard.press('Shift+Enter')
  await page.keyboard.type('second line')
  await expect(input).toHaveValue('first line\nsecond line')
  await page.keyboard.press('Enter')
  await expect(input).toHaveValue('')
  await expect(page.getByRole('log').getByRole('article', { name: 'You' }).locator('.text')).toHaveText(
    'first line\nsecond line',
  )
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toContainText(
    'tokens',
  )
})

test('a wrong key shows a message that names the key as the problem', async ({ page, gateway }) => {
  const app = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: 'sk-wrong-key-0123456789' })
  try {
    await page.goto(app.url)
    await page.getByRole('textbox', { name: 'Message' }).fill('Hello?')
    await page.getByRole('button', { name: 'Send' }).click()
    const alert = page.getByRole('log').getByRole('alert')
    await expect(alert).toContainText('did not accept your API key')
    await expect(alert.getByRole('button', { name: 'Open settings' })).toBeVisible()
    await expect(page.getByText('sk-wrong-key-0123456789')).toHaveCount(0)
    await alert.getByRole('button', { name: 'Open settings' }).click()
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  } finally {
    await app.stop()
  }
  expect(app.output()).not.toContain('sk-wrong-key-0123456789')
})

test('a key saved in Settings is used for the next message and never shown', async ({ page, gateway }) => {
  const app = await startBrowserMode({ baseURL: gateway.baseURL })
  try {
    await page.goto(app.url)
    // First run without a key offers onboarding; skipping it leads to the chat, which says what is missing.
    await page.getByRole('button', { name: 'Skip for now' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'No API key is set yet' })).toBeVisible()
    await page.getByRole('button', { name: 'Open settings' }).click()
    await page.getByLabel('API key', { exact: true }).fill(gateway.apiKey)
    await page.getByRole('button', { name: 'Check and save' }).click()
    await expect(page.getByText('Key saved.')).toBeVisible()
    // Browser mode has no OS encryption, and says so.
    await expect(page.getByText('stored in plain text')).toBeVisible()
    await expect(page.getByLabel('API key', { exact: true })).toHaveValue('')

    await page.getByRole('button', { name: 'Chat', exact: true }).click()
    await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=5]] hi')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toContainText(
      '5 tokens',
    )
    expect(await page.content()).not.toContain(gateway.apiKey)
  } finally {
    await app.stop()
  }
})

test('an answer streaming in one conversation stays there while another is used', async ({ page, app }) => {
  await page.goto(app.url)
  const first = '[[tokens=100]] [[delay=30]] A long answer in the first chat'
  await page.getByRole('textbox', { name: 'Message' }).fill(first)
  await page.getByRole('button', { name: 'Send' }).click()
  const log = page.getByRole('log')
  await expect(log.getByRole('article', { name: 'Assistant' }).locator('.text')).not.toBeEmpty()

  // A new chat while the first answer streams: its own Send, its own messages only.
  await page.keyboard.press('Control+n')
  await expect(log.getByRole('article')).toHaveCount(0)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=3]] A quick second chat')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(log.getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible()
  await expect(log.getByRole('article')).toHaveCount(2)
  await expect(log.getByRole('article', { name: 'You' }).locator('.text')).toHaveText(
    '[[tokens=3]] A quick second chat',
  )

  // Both are listed; the first, opened again, finishes its answer whole.
  const list = page.getByRole('list', { name: 'Conversations' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await list.getByRole('listitem', { name: first }).getByRole('button').first().click()
  const expected = planReply(first, null).tokens.join('').trim()
  await expect(log.getByRole('article', { name: 'Assistant' }).locator('.text')).toHaveText(expected, {
    timeout: 15_000,
  })
  await expect(log.getByRole('article')).toHaveCount(2)
})
