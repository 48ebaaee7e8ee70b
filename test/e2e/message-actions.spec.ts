import type { Page } from '@playwright/test'
import { planReply } from '../fake-gateway/reply'
import { expect, test } from './fixtures'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

async function ask(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text)
  await page.getByRole('button', { name: 'Send' }).click()
}
const rawAnswerOf = (text: string) => planReply(text, null).tokens.join('')
const answerOf = (text: string) => rawAnswerOf(text).trim()
// The node project has no DOM types: the page's navigator is reached through globalThis.
const clipboard = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  )

test('a markdown answer: table, task list, highlighted code with its language and Copy, HTML as text', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await ask(page, '[[markdown]] [[delay=2]] show me')
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.meta')).toBeVisible({ timeout: 15_000 })
  await expect(answer.getByRole('heading', { name: 'Cài đặt nhanh' })).toBeVisible()
  await expect(answer.getByRole('table').getByRole('row')).toHaveCount(3)
  await expect(answer.getByRole('checkbox', { name: 'Done', exact: true })).toBeChecked()
  await expect(answer.getByRole('checkbox', { name: 'Not done' })).not.toBeChecked()
  await expect(answer.locator('del')).toHaveText('Không cần')
  const link = answer.getByRole('link', { name: 'tài liệu' })
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(answer.locator('.code-language')).toHaveText('ts')
  await expect(answer.locator('code.hljs .hljs-keyword').first()).toHaveText('export')
  await expect(answer.locator('b')).toHaveCount(0)
  await expect(answer).toContainText('Raw HTML stays text: <b>not bold</b>')

  await answer.getByRole('button', { name: 'Copy ts code' }).click()
  await expect(answer.getByRole('button', { name: 'Copied', exact: true })).toHaveText('Copied')
  expect(await clipboard(page)).toBe('export function greet(name: string): string {\n  return `Xin chào, ${name}!`\n}')
})

test('copy a message, regenerate the last answer, delete a message', async ({ page, app }) => {
  await page.goto(app.url)
  const question = '[[tokens=8]] Một câu hỏi'
  await ask(page, question)
  const log = page.getByRole('log')
  const answer = log.getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.meta')).toBeVisible()

  await answer.getByRole('button', { name: 'Copy message' }).click()
  expect(await clipboard(page)).toBe(rawAnswerOf(question))
  await log.getByRole('article', { name: 'You' }).getByRole('button', { name: 'Copy message' }).click()
  expect(await clipboard(page)).toBe(question)

  const firstId = await answer.getAttribute('data-message-id')
  await answer.getByRole('button', { name: 'Regenerate' }).click()
  await expect(answer).not.toHaveAttribute('data-message-id', firstId!)
  await expect(answer.locator('.meta')).toBeVisible()
  await expect(answer.locator('.text')).toHaveText(answerOf(question))
  await expect(log.getByRole('article')).toHaveCount(2)

  // Regenerate kept the first answer as another version: deleting the new one shows the first again.
  await expect(answer.getByRole('group', { name: 'Versions' })).toContainText('2 / 2')
  await answer.getByRole('button', { name: 'Delete' }).click()
  await answer.getByRole('button', { name: 'Delete for good' }).click()
  await expect(answer).toHaveAttribute('data-message-id', firstId!)
  await expect(answer.getByRole('group', { name: 'Versions' })).toHaveCount(0)
  await answer.getByRole('button', { name: 'Delete' }).click()
  await answer.getByRole('button', { name: 'Delete for good' }).click()
  await expect(log.getByRole('article')).toHaveCount(1)
  // Gone from the transcript after a reload too: only the question.
  await page.reload()
  await page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('listitem')
    .first()
    .getByRole('button')
    .first()
    .click()
  await expect(page.getByRole('log').getByRole('article')).toHaveCount(1)
})

test('edit and resend shows a new branch from the edited question (the old one stays a version away)', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  const log = page.getByRole('log')
  await ask(page, '[[tokens=5]] first question')
  await expect(log.getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible()
  await ask(page, '[[tokens=5]] second question')
  await expect(log.getByRole('article', { name: 'Assistant' }).nth(1).locator('.meta')).toBeVisible()

  const first = log.getByRole('article', { name: 'You' }).first()
  await first.getByRole('button', { name: 'Edit' }).click()
  const editor = first.getByRole('textbox', { name: 'Edit message' })
  await expect(editor).toHaveValue('[[tokens=5]] first question')
  await expect(editor).toBeFocused()
  await editor.fill('[[tokens=5]] edited question')
  await first.getByRole('button', { name: 'Send edited' }).click()

  await expect(log.getByRole('article')).toHaveCount(2)
  await expect(log.getByRole('article', { name: 'You' }).locator('.text')).toHaveText('[[tokens=5]] edited question')
  await expect(log.getByRole('article', { name: 'Assistant' }).locator('.text')).toHaveText(
    answerOf('[[tokens=5]] edited question'),
  )
  await expect(log).not.toContainText('second question')

  // Escape leaves the editor without changing anything.
  const edited = log.getByRole('article', { name: 'You' })
  await edited.getByRole('button', { name: 'Edit' }).click()
  await edited.getByRole('textbox', { name: 'Edit message' }).press('Escape')
  await expect(edited.locator('.text')).toHaveText('[[tokens=5]] edited question')
})
