import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const messageBox = (page: Page) => page.getByRole('textbox', { name: 'Message' })
const conversationButtons = (page: Page) =>
  page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('listitem')
    .getByRole('button', { name: /question/ })

async function ask(page: Page, text: string) {
  await messageBox(page).fill(text)
  await messageBox(page).press('Enter')
  await expect(page.getByRole('article', { name: 'Assistant' }).last().locator('.meta')).toBeVisible()
}

test('shortcuts: new chat, search, focus message, next and previous conversation, settings, the panel', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await ask(page, '[[tokens=3]] first question')
  await page.keyboard.press('Control+n')
  await expect(page.getByRole('log').getByRole('article')).toHaveCount(0)
  await expect(messageBox(page)).toBeFocused()
  await ask(page, '[[tokens=3]] second question')

  await page.keyboard.press('Control+k')
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused()
  await page.keyboard.press('Shift+Escape')
  await expect(messageBox(page)).toBeFocused()

  // Newest first: the second is open; Alt+↓ goes to the first, Alt+↑ back.
  const log = page.getByRole('log')
  await page.keyboard.press('Alt+ArrowDown')
  await expect(log.getByRole('article', { name: 'You' }).locator('.text')).toHaveText('[[tokens=3]] first question')
  await page.keyboard.press('Alt+ArrowUp')
  await expect(log.getByRole('article', { name: 'You' }).locator('.text')).toHaveText('[[tokens=3]] second question')
  await expect(conversationButtons(page)).toHaveCount(2)

  await page.keyboard.press('Control+,')
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()

  await page.keyboard.press('Control+/')
  const panel = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(panel).toBeVisible()
  for (const name of ['New chat', 'Search conversations', 'Write a message', 'Stop the answer', 'Open settings'])
    await expect(panel.getByRole('rowheader', { name })).toBeVisible()
  // Focus starts on the dialog itself (no tooltip pops up on its Close button), so one Esc closes it.
  await expect(panel).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  // The panel opens from the sidebar's foot too, for the mouse.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expect(panel).toBeVisible()
  await panel.getByRole('button', { name: 'Close' }).click()
  await expect(panel).toBeHidden()
})

test('Esc stops a streaming answer and keeps its text', async ({ page, app }) => {
  await page.goto(app.url)
  await messageBox(page).fill('[[tokens=400]] [[delay=30]] a long one')
  await messageBox(page).press('Enter')
  const answer = page.getByRole('article', { name: 'Assistant' })
  await expect(answer.locator('.text')).toContainText('Echo:')
  await page.keyboard.press('Escape')
  await expect(answer.locator('.note')).toContainText('Stopped')
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible()
})

test('every control is reachable with Tab and shows where focus is', async ({ page, app }) => {
  await page.goto(app.url)
  await ask(page, '[[tokens=3]] tab around')
  const seen = new Set<string>()
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab')
    // Past the last control, focus wraps through the page itself before the first one.
    if ((await page.locator(':focus').count()) === 0) continue
    const focused = page.locator(':focus')
    // A visible focus ring: the :focus-visible outline from styles.css, the design system's ring (a box
    // shadow, ui/ui.css), or, for the message box, the ring of the rounded box it sits in (chat.css).
    await expect
      .poll(() =>
        focused.evaluate((element) => {
          const ringed = (target: Element | null) => {
            if (!target) return false
            const style = getComputedStyle(target)
            return style.outlineStyle === 'solid' || style.boxShadow !== 'none'
          }
          return ringed(element) || ringed(element.closest('.composer-box'))
        }),
      )
      .toBe(true)
    seen.add((await focused.getAttribute('aria-label')) ?? (await focused.innerText()).trim())
  }
  for (const name of ['Settings', 'New chat', 'Search', 'Copy message', 'Regenerate', 'Message'])
    expect([...seen]).toContain(name)
})
