/**
 * The transcript and the composer (issue 14, items 3, 4, 8, 9 and 10 of "What was seen"): each test
 * acts out what a user saw in real Chromium against browser mode and the fake gateway.
 */
import type { Page } from '@playwright/test'
import { wideCodeEnd } from '../fake-gateway/reply'
import { expect, test } from './fixtures'

async function ask(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text)
  await page.getByRole('button', { name: 'Send' }).click()
}
const log = (page: Page) => page.getByRole('log')
const lastAnswer = (page: Page) => log(page).getByRole('article', { name: 'Assistant' }).last()
const answered = (page: Page) => expect(lastAnswer(page).locator('.meta')).toBeVisible({ timeout: 15_000 })

test('item 3: deleting the first message of a conversation takes it off the screen at once', async ({ page, app }) => {
  await page.goto(app.url)
  await ask(page, '[[tokens=4]] the first question')
  await answered(page)
  const question = log(page).getByRole('article', { name: 'You' })
  await question.hover()
  await question.getByRole('button', { name: 'Delete' }).click()
  await question.getByRole('button', { name: 'Delete for good' }).click()
  // Off the screen at once, with what hangs below it (a message and its branch go together, with Undo).
  await expect(log(page).getByRole('article', { name: 'You' })).toHaveCount(0)
  await expect(log(page).getByRole('article', { name: 'Assistant' })).toHaveCount(0)
})

test('item 4: a long code line scrolls inside its block, to its end', async ({ page, app }) => {
  await page.setViewportSize({ width: 800, height: 600 })
  await page.goto(app.url)
  await ask(page, '[[wide]] [[delay=1]] show me')
  await answered(page)
  const pre = lastAnswer(page).locator('.code-block pre')
  const widths = await pre.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }))
  // The line is about 1,000 characters: the block must be able to scroll far past its width.
  expect(widths.scroll).toBeGreaterThan(widths.client * 2)
  await pre.evaluate((element) => (element.scrollLeft = element.scrollWidth))
  // The line's last word is then on screen, inside the block (not clipped away).
  const end = await pre.evaluate((element, marker) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(marker)
      if (at === -1) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + marker.length)
      const rect = range.getBoundingClientRect()
      const box = element.getBoundingClientRect()
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2)
      // A pixel of slack: the line may end a fraction past the block's edge when scrolled to the end.
      return { inside: rect.left >= box.left && rect.right <= box.right + 1, hit: element.contains(hit) }
    }
    return null
  }, wideCodeEnd)
  expect(end).toEqual({ inside: true, hit: true })
  // Nothing else scrolls sideways: the transcript holds its width.
  expect(await log(page).evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0)
})

test('item 4: at 800 px a wide table scrolls in its own wrapper and its headers do not break inside words', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 800, height: 600 })
  await page.goto(app.url)
  await ask(page, '[[wide]] [[delay=1]] show me')
  await answered(page)
  const wrapper = lastAnswer(page).locator('.table-scroll')
  const widths = await wrapper.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }))
  expect(widths.scroll).toBeGreaterThan(widths.client)
  // Each header is one word: one line box each (a word broken in two has two).
  const lines = await lastAnswer(page)
    .locator('th')
    .evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange()
        range.selectNodeContents(cell)
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
      }),
    )
  expect(lines).toHaveLength(7)
  expect(lines.every((count) => count === 1)).toBe(true)
  expect(await log(page).evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0)
})

test('item 8: a draft per conversation and one for the new chat, kept across a reload', async ({ page, app }) => {
  await page.goto(app.url)
  const box = page.getByRole('textbox', { name: 'Message' })
  await ask(page, '[[tokens=4]] conversation A')
  await answered(page)
  await box.fill('draft for A')
  await page.getByRole('button', { name: 'New chat' }).first().click()
  await expect(box).toHaveValue('')
  await box.fill('draft for the new chat')
  const conversations = page.getByRole('list', { name: 'Conversations' })
  await conversations.getByRole('listitem').first().getByRole('button').first().click()
  await expect(box).toHaveValue('draft for A')

  // A reload reopens the conversation the window had open, with its draft; the new chat keeps its own.
  await page.reload()
  await expect(box).toHaveValue('draft for A')
  await page.getByRole('button', { name: 'New chat' }).first().click()
  await expect(box).toHaveValue('draft for the new chat')
  await conversations.getByRole('listitem').first().getByRole('button').first().click()
  await expect(box).toHaveValue('draft for A')
  // Sending clears the conversation's draft, for good.
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(box).toHaveValue('')
  await answered(page)
  await page.reload()
  await conversations.getByRole('listitem').first().getByRole('button').first().click()
  await expect(log(page).getByRole('article')).toHaveCount(4)
  await expect(box).toHaveValue('')
})

test('item 8: Edit on a question at the edge of the view brings its whole form into view', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(app.url)
  await ask(page, '[[tokens=300]] [[delay=1]] a short question')
  await answered(page)
  await ask(page, '[[tokens=300]] [[delay=1]] then another')
  await expect(log(page).getByRole('article')).toHaveCount(4)
  await answered(page)
  const question = log(page).getByRole('article', { name: 'You' }).first()
  // The question sits at the bottom edge of the view: its Edit is on screen, what would open below is not.
  await question.evaluate((element) => {
    const list = element.closest('[role="log"]')!
    list.scrollTop += element.getBoundingClientRect().bottom - list.getBoundingClientRect().bottom + 4
  })
  const edit = question.getByRole('button', { name: 'Edit' })
  await question.hover()
  await expect(edit).toBeInViewport()
  await edit.click()
  const editor = page.getByRole('textbox', { name: 'Edit message' })
  await expect(editor).toBeFocused()
  await expect(editor).toBeInViewport({ ratio: 1 })
  await expect(page.getByRole('button', { name: 'Send edited' })).toBeInViewport({ ratio: 1 })
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeInViewport({ ratio: 1 })
})

test('item 9: "Thinking…" with the reasoning while it streams; "Waiting for the first token…" only before anything', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await ask(page, '[[reasoning=60]] [[delay=120]] [[tokens=3]] think first')
  const answer = lastAnswer(page)
  await expect(answer.locator('.reasoning-text')).toContainText('thinking-')
  await expect(answer).toContainText('Thinking…')
  await expect(answer).not.toContainText('Waiting for the first token')
  await expect(answer.locator('.reasoning-text')).toBeVisible()
  await page.getByRole('button', { name: 'Stop' }).click()
  await expect(answer.locator('.meta')).toBeVisible()

  await ask(page, '[[hang=1]] nothing comes')
  await expect(lastAnswer(page)).toContainText('Waiting for the first token…')
  await page.getByRole('button', { name: 'Stop' }).click()
})

test('item 10: message actions appear on hover and on focus, without moving anything', async ({ page, app }) => {
  await page.goto(app.url)
  await ask(page, '[[tokens=4]] one')
  await answered(page)
  await ask(page, '[[tokens=4]] two')
  await expect(log(page).getByRole('article')).toHaveCount(4)
  await answered(page)
  const firstQuestion = log(page).getByRole('article', { name: 'You' }).first()
  const firstAnswer = log(page).getByRole('article', { name: 'Assistant' }).first()
  // Away from the mouse: the actions of earlier messages are hidden (but keep their place).
  await page.mouse.move(0, 0)
  const actions = (message: typeof firstQuestion) => message.getByRole('group', { name: 'Message actions' })
  await expect(actions(firstQuestion)).toHaveCSS('opacity', '0')
  await expect(actions(firstAnswer)).toHaveCSS('opacity', '0')
  const before = await firstQuestion.boundingBox()
  await firstQuestion.hover()
  await expect(actions(firstQuestion)).toHaveCSS('opacity', '1')
  expect(await firstQuestion.boundingBox()).toEqual(before)
  await page.mouse.move(0, 0)
  await expect(actions(firstQuestion)).toHaveCSS('opacity', '0')
  // Keyboard focus inside the message shows them too.
  await firstAnswer.getByRole('button', { name: 'Copy message' }).focus()
  await expect(actions(firstAnswer)).toHaveCSS('opacity', '1')
  // The last answer keeps its actions in sight.
  await page.mouse.move(0, 0)
  await expect(actions(lastAnswer(page))).toHaveCSS('opacity', '1')
  await expect(lastAnswer(page).getByRole('button', { name: 'Regenerate' })).toBeVisible()
  // Every message says when it was written.
  await expect(log(page).getByRole('article').locator('time')).toHaveCount(4)
})

test('item 10: Continue and Try again are the size of the buttons beside them', async ({ page, app }) => {
  await page.goto(app.url)
  await ask(page, '[[tokens=400]] [[delay=40]] long')
  const answer = lastAnswer(page)
  await expect(answer.locator('.text')).toContainText('Echo')
  await page.getByRole('button', { name: 'Stop' }).click()
  const continueButton = answer.getByRole('button', { name: 'Continue' })
  const retryButton = answer.getByRole('button', { name: 'Try again' })
  const copy = answer.getByRole('button', { name: 'Copy message' })
  await expect(continueButton).toBeVisible()
  const heights = await Promise.all(
    [continueButton, retryButton, copy].map(async (b) => (await b.boundingBox())!.height),
  )
  expect(heights[0]).toBe(heights[2])
  expect(heights[1]).toBe(heights[2])
})

test('item 10: the message box grows with its text up to a limit, then scrolls', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(app.url)
  const box = page.getByRole('textbox', { name: 'Message' })
  const height = async () => (await box.boundingBox())!.height
  const empty = await height()
  await box.fill('one\ntwo\nthree\nfour\nfive\nsix')
  await expect.poll(height).toBeGreaterThan(empty)
  const six = await height()
  await box.fill(Array.from({ length: 100 }, (_, index) => `line ${index}`).join('\n'))
  await expect.poll(height).toBeGreaterThan(six)
  expect(await height()).toBeLessThanOrEqual(800 * 0.45)
  expect(await box.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true)
  await box.fill('')
  await expect.poll(height).toBe(empty)
})

test('scroll-to-bottom: hidden while following, shown when scrolled up, and it goes back down', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(app.url)
  await ask(page, '[[tokens=600]] [[delay=1]] a long answer')
  await answered(page)
  const toBottom = page.getByRole('button', { name: 'Scroll to the latest message' })
  await expect(toBottom).toHaveCount(0)
  await log(page).hover()
  await page.mouse.wheel(0, -3000)
  await expect(toBottom).toBeVisible()
  await toBottom.click()
  await expect(toBottom).toHaveCount(0)
  await expect(lastAnswer(page).locator('.meta')).toBeInViewport()
})
