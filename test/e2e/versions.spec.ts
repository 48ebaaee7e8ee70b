/**
 * Answers as a tree in real Chromium: Regenerate and Edit add versions, `‹ 2 / 3 ›` switches between
 * them (buttons and Alt+←/→), the choice is remembered across a reload, Delete has Undo, and a search
 * hit on another branch shows that branch.
 */
import type { Page } from '@playwright/test'
import { planReply } from '../fake-gateway/reply'
import { expect, test } from './fixtures'

async function ask(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text)
  await page.getByRole('button', { name: 'Send' }).click()
}
const answerOf = (text: string) => planReply(text, null).tokens.join('').trim()

test('regenerate twice, switch between the three answers with the buttons and Alt+←, remembered after a reload', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  const question = '[[tokens=6]] Ba phiên bản'
  await ask(page, question)
  const log = page.getByRole('log')
  const answer = log.getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.meta')).toBeVisible()
  const ids = [await answer.getAttribute('data-message-id')]
  for (let time = 0; time < 2; time++) {
    await answer.getByRole('button', { name: 'Regenerate' }).click()
    await expect(answer).not.toHaveAttribute('data-message-id', ids.at(-1)!)
    await expect(answer.locator('.meta')).toBeVisible()
    ids.push(await answer.getAttribute('data-message-id'))
  }
  const versions = answer.getByRole('group', { name: 'Versions' })
  await expect(versions).toContainText('3 / 3')
  await expect(versions.getByLabel('Version 3 of 3')).toBeVisible()
  await expect(versions.getByRole('button', { name: 'Next version' })).toBeDisabled()
  // Every version answered the same question; nothing was lost.
  await expect(answer.locator('.text')).toHaveText(answerOf(question))

  await versions.getByRole('button', { name: 'Previous version' }).click()
  await expect(answer).toHaveAttribute('data-message-id', ids[1]!)
  await expect(versions).toContainText('2 / 3')
  await versions.getByRole('button', { name: 'Previous version' }).focus()
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(answer).toHaveAttribute('data-message-id', ids[0]!)
  await expect(versions).toContainText('1 / 3')
  await expect(versions.getByRole('button', { name: 'Previous version' })).toBeDisabled()
  await expect(log.getByRole('article')).toHaveCount(2)

  await page.reload()
  await page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('listitem')
    .first()
    .getByRole('button')
    .first()
    .click()
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' })).toHaveAttribute(
    'data-message-id',
    ids[0]!,
  )
  await expect(page.getByRole('log').getByRole('group', { name: 'Versions' })).toContainText('1 / 3')
})

test('edit a question: a new branch; the old one is intact one switch away, and search opens it', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await ask(page, '[[tokens=4]] Câu hỏi đầu tiên')
  const log = page.getByRole('log')
  await expect(log.getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible()
  await ask(page, '[[tokens=4]] Hỏi tiếp về con trâu')
  await expect(log.getByRole('article', { name: 'Assistant' }).nth(1).locator('.meta')).toBeVisible()

  const first = log.getByRole('article', { name: 'You' }).first()
  await first.getByRole('button', { name: 'Edit' }).click()
  await first.getByRole('textbox', { name: 'Edit message' }).fill('[[tokens=4]] Câu hỏi đã sửa')
  await first.getByRole('button', { name: 'Send edited' }).click()
  await expect(log.getByRole('article')).toHaveCount(2)
  await expect(log.getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible()
  const question = log.getByRole('article', { name: 'You' })
  await expect(question.locator('.text')).toHaveText('[[tokens=4]] Câu hỏi đã sửa')
  await expect(question.getByRole('group', { name: 'Versions' })).toContainText('2 / 2')

  await question.getByRole('button', { name: 'Previous version' }).click()
  await expect(log.getByRole('article')).toHaveCount(4)
  await expect(log.getByRole('article', { name: 'You' }).nth(1).locator('.text')).toHaveText(
    '[[tokens=4]] Hỏi tiếp về con trâu',
  )
  await log.getByRole('article', { name: 'You' }).first().getByRole('button', { name: 'Next version' }).click()
  await expect(log.getByRole('article')).toHaveCount(2)

  // The old branch's question is found, and opening the hit shows its branch again.
  await page.getByRole('searchbox', { name: 'Search' }).fill('con trau')
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click()
  await expect(log.getByRole('article')).toHaveCount(4)
  await expect(log.getByRole('article', { name: 'You' }).nth(1).locator('.text')).toHaveText(
    '[[tokens=4]] Hỏi tiếp về con trâu',
  )
  await expect(
    log.getByRole('article', { name: 'You' }).first().getByRole('group', { name: 'Versions' }),
  ).toContainText('1 / 2')
})

test('delete an answer and what follows, then Undo brings it back', async ({ page, app }) => {
  await page.goto(app.url)
  await ask(page, '[[tokens=4]] Xóa rồi hoàn tác')
  const log = page.getByRole('log')
  const answer = log.getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.meta')).toBeVisible()
  await answer.getByRole('button', { name: 'Delete' }).click()
  await answer.getByRole('button', { name: 'Delete for good' }).click()
  await expect(log.getByRole('article')).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(log.getByRole('article')).toHaveCount(2)
  await expect(log.getByRole('article', { name: 'Assistant' }).locator('.text')).toHaveText(
    answerOf('[[tokens=4]] Xóa rồi hoàn tác'),
  )
})
