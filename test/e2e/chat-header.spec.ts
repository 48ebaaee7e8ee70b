import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const longTitle = '[[tokens=3]] A conversation title far too long for the header of a narrow window'

async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).last().locator('.meta')).toBeVisible({
    timeout: 15_000,
  })
}

/** Whether an element lies wholly inside the viewport, horizontally and vertically. */
async function insideViewport(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => {
        const box = element.getBoundingClientRect()
        return {
          name: element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30),
          inside: box.left >= 0 && box.right <= window.innerWidth && box.top >= 0 && box.bottom <= window.innerHeight,
        }
      }),
  )
}

// From 800 px up the header has at least 628 px (the sidebar docks from 900 px, and below that it opens
// over the chat), and its actions fit as icons. They fold into the More menu when the header is under
// 40rem: an 800 px window zoomed to 125% is a 640 px page, which is what this test shows.
test.describe('at 800×600 zoomed to 125% (a 640 px page)', () => {
  test.use({ viewport: { width: 640, height: 600 } })

  test('the header fits on one row, and every action is reachable in the More menu', async ({ page, app }) => {
    await page.goto(app.url)
    await send(page, longTitle)
    const header = page.locator('.chat-header')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(longTitle)

    // Nothing overflows: not the page, not the header.
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      header: (() => {
        const element = document.querySelector('.chat-header')!
        return element.scrollWidth - element.clientWidth
      })(),
    }))
    expect(overflow).toEqual({ page: 0, header: 0 })
    for (const control of await insideViewport(page, '.chat-header h1, .chat-header button'))
      expect(control, `${control.name} inside the window`).toMatchObject({ inside: true })
    // The title keeps a real share of the row, truncated rather than squeezed out.
    const titleWidth = (await page.getByRole('heading', { level: 1 }).boundingBox())!.width
    expect(titleWidth).toBeGreaterThan(150)

    // The secondary actions are folded into the menu, each one there and working.
    await expect(header.getByRole('button', { name: 'Export as Markdown' })).toHaveCount(0)
    await header.getByRole('button', { name: 'More actions' }).click()
    const menu = page.getByRole('menu', { name: 'More actions' })
    for (const name of ['Prompt and parameters', 'Export as Markdown', 'Export as JSON'])
      await expect(menu.getByRole('menuitem', { name })).toBeVisible()
    await menu.getByRole('menuitem', { name: 'Export as Markdown' }).click()
    await expect(page.getByRole('link', { name: 'Download' })).toBeVisible()

    await header.getByRole('button', { name: 'More actions' }).click()
    await page.getByRole('menuitem', { name: 'Prompt and parameters' }).click()
    const dialog = page.getByRole('dialog', { name: 'Settings for this conversation' })
    await expect(dialog).toBeVisible()
    for (const control of await insideViewport(page, '[role="dialog"] button, [role="dialog"] input'))
      expect(control, `${control.name} inside the window`).toMatchObject({ inside: true })
  })
})

test('at 1280×800 the actions are icon buttons, and the title gets the room left, with its full text as a tooltip', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(app.url)
  await send(page, longTitle)
  const header = page.locator('.chat-header')
  for (const name of ['Prompt and parameters', 'Export as Markdown', 'Export as JSON'])
    await expect(header.getByRole('button', { name })).toBeVisible()
  await expect(header.getByRole('button', { name: 'More actions' })).toHaveCount(0)
  const title = page.getByRole('heading', { level: 1 })
  expect((await title.boundingBox())!.width).toBeGreaterThan(300)

  await title.hover()
  await expect(page.getByRole('tooltip')).toHaveText(longTitle)
})
