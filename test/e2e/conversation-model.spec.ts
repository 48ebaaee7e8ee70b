import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const picker = (page: Page) => page.getByRole('combobox', { name: 'Model' })

async function send(page: Page, text: string) {
  const answers = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  const before = await answers.count()
  await page.getByRole('textbox', { name: 'Message' }).fill(text)
  await page.getByRole('button', { name: 'Send' }).click()
  // The new answer's own meta: the last answer's before it was drawn is the previous one, already
  // finished, and the gateway's last request then was still the previous question's (seen on CI).
  await expect(answers).toHaveCount(before + 1, { timeout: 15_000 })
  await expect(answers.last().locator('.meta')).toBeVisible({ timeout: 15_000 })
}

async function choose(page: Page, search: string, option: string | RegExp) {
  await picker(page).click()
  await page.getByPlaceholder('Search models by name or id…').fill(search)
  await page.getByRole('option', { name: option }).click()
}

const lastModel = (gateway: { requests: Array<{ path: string; body: unknown }> }) =>
  (gateway.requests.filter((request) => request.path === '/v1/chat/completions').at(-1)?.body as { model: string })
    .model

const openConversation = (page: Page, title: string) =>
  page.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: title }).getByRole('button').first()

test('the model belongs to its conversation: another one and new chats keep theirs, and a reload keeps it', async ({
  page,
  app,
  gateway,
}) => {
  await page.goto(app.url)
  await expect(picker(page)).toHaveText('GPT-4.1')
  await send(page, '[[tokens=3]] the first chat')
  expect(lastModel(gateway)).toBe('gpt-4.1')

  // Searching by id finds the friendly name, with its price per million tokens.
  await picker(page).click()
  await page.getByPlaceholder('Search models by name or id…').fill('deepseek')
  await expect(page.getByRole('option', { name: /DeepSeek V3\.2/ })).toContainText('/M')
  await page.getByRole('option', { name: /DeepSeek V3\.2/ }).click()
  await expect(picker(page)).toHaveText('DeepSeek V3.2')
  await send(page, '[[tokens=3]] still the first chat')
  expect(lastModel(gateway)).toBe('deepseek-v3.2')

  // A new chat starts from the default model, not from the last choice.
  await page.keyboard.press('Control+n')
  await expect(picker(page)).toHaveText('GPT-4.1')
  await choose(page, 'gemini', /Gemini 2\.5 Flash/)
  await send(page, '[[tokens=3]] the second chat')
  expect(lastModel(gateway)).toBe('gemini-2.5-flash')
  await page.keyboard.press('Control+n')
  await expect(picker(page)).toHaveText('GPT-4.1')

  // Each conversation shows its own, after a reload too; the conversation's settings say the same.
  await page.reload()
  await openConversation(page, '[[tokens=3]] the first chat').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('[[tokens=3]] the first chat')
  await expect(picker(page)).toHaveText('DeepSeek V3.2')
  await page.getByRole('button', { name: 'Prompt and parameters' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings for this conversation' })
  await expect(dialog.getByRole('combobox', { name: 'Model' })).toHaveText('DeepSeek V3.2')
  await expect(dialog).toContainText('New chats start with the default model from Settings.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await openConversation(page, '[[tokens=3]] the second chat').click()
  await expect(picker(page)).toHaveText('Gemini 2.5 Flash')
  await send(page, '[[tokens=3]] more of the second chat')
  expect(lastModel(gateway)).toBe('gemini-2.5-flash')

  // Nothing global changed: the stored default model is the one it was.
  const stored = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as {
    settings: { defaultModel: string }
  }
  expect(stored.settings.defaultModel).toBe('gpt-4.1')
})

test('a model id the gateway does not list can be typed, with a warning that sending may fail', async ({
  page,
  app,
  gateway,
}) => {
  await page.goto(app.url)
  await expect(page.getByText('Not in the gateway’s list: sending may fail.')).toHaveCount(0)
  await choose(page, 'my-private-model', 'Use “my-private-model”')
  await expect(picker(page)).toHaveText('my-private-model')
  const warning = page.getByRole('status').filter({ hasText: 'Not in the gateway’s list: sending may fail.' })
  await expect(warning).toBeVisible()
  await expect(picker(page)).toHaveAccessibleDescription(/Not in the gateway’s list/)

  await page.getByRole('textbox', { name: 'Message' }).fill('hello')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).getByRole('alert')).toContainText(
    'The gateway does not know this model.',
  )
  expect(lastModel(gateway)).toBe('my-private-model')

  // A listed one again: no warning.
  await choose(page, 'gpt', /GPT-4\.1/)
  await expect(warning).toHaveCount(0)
})
