import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { importFile } from './import-file'

/** Issue 14, "What was seen" 5, 8 and 10: the sidebar's layout, keyboard paths and look. */

const dayMs = 24 * 60 * 60 * 1000

interface Seed {
  title: string
  /** How long ago it was last updated. */
  ageMs: number
  pinned?: boolean
}

/** Our JSON export of conversations with one question and one answer each, updated when each says. */
function exportOf(seeds: readonly Seed[]): Buffer {
  const now = Date.now()
  const conversations = seeds.map((seed) => {
    const at = now - seed.ageMs
    const message = (role: 'user' | 'assistant', content: string, offset: number) => ({
      id: randomUUID(),
      role,
      content,
      reasoning: null,
      status: 'complete',
      errorKind: null,
      errorMessage: null,
      model: role === 'user' ? null : 'deepseek-v3.2',
      usage: null,
      costUsd: null,
      timings: null,
      createdAt: at - 1000 + offset,
      updatedAt: at - 1000 + offset,
    })
    return {
      id: randomUUID(),
      title: seed.title,
      createdAt: at - 1000,
      updatedAt: at,
      pinned: seed.pinned ?? false,
      overrides: {},
      messages: [message('user', `Question of ${seed.title}`, 0), message('assistant', `Answer of ${seed.title}`, 500)],
    }
  })
  return Buffer.from(
    JSON.stringify({ format: 'holysheep-chat', version: 1, exportedAt: new Date(now).toISOString(), conversations }),
  )
}

/** Imports through Settings, as a user would, and comes back to the chat. */
async function importSeeds(page: Page, seeds: readonly Seed[]) {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
  await importFile(page, { name: 'seed.json', mimeType: 'application/json', buffer: exportOf(seeds) })
  await expect(page.getByRole('status').filter({ hasText: `Imported ${seeds.length} conversation` })).toBeVisible({
    timeout: 20_000,
  })
  await page.getByRole('navigation').getByRole('button', { name: 'Chat', exact: true }).click()
}

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Conversations and search' })
const rows = (page: Page) => page.getByRole('list', { name: 'Conversations' }).getByRole('listitem')
const row = (page: Page, title: string) => page.getByRole('listitem', { name: title, exact: true })
const openButton = (page: Page, title: string) => row(page, title).getByRole('button').first()
const askedIn = (page: Page) => page.getByRole('log').getByRole('article', { name: 'You' }).locator('.text')

test('the list is grouped: Pinned, Today, Yesterday, Previous 7 days, Previous 30 days, then by month', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await importSeeds(page, [
    { title: 'Old but pinned', ageMs: 90 * dayMs, pinned: true },
    { title: 'From this morning', ageMs: 60_000 },
    { title: 'From yesterday', ageMs: dayMs },
    { title: 'Three days ago', ageMs: 3 * dayMs },
    { title: 'Twenty days ago', ageMs: 20 * dayMs },
    { title: 'Seventy-five days ago', ageMs: 75 * dayMs },
  ])
  await expect(rows(page)).toHaveCount(6)
  const month = await page.evaluate(
    (at) => new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' }).format(at),
    Date.now() - 75 * dayMs,
  )
  await expect(sidebar(page).locator('.group-heading')).toHaveText([
    'Pinned',
    'Today',
    'Yesterday',
    'Previous 7 days',
    'Previous 30 days',
    month,
  ])
  // Headings are not list items and not focus stops: Tab goes from one row's actions to the next row.
  await openButton(page, 'Old but pinned').focus()
  await page.keyboard.press('Tab')
  await expect(row(page, 'Old but pinned').getByRole('button', { name: 'More actions' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(openButton(page, 'From this morning')).toBeFocused()
  // A pinned row carries its sign, in its own section.
  await expect(row(page, 'Old but pinned').locator('.pin')).toBeVisible()
})

test.describe('in Vietnamese', () => {
  test.use({ locale: 'vi-VN' })
  test('group headings and months follow the language', async ({ page, app }) => {
    await page.goto(app.url)
    const settings = page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' })
    await settings.click()
    await importFile(
      page,
      {
        name: 'seed.json',
        mimeType: 'application/json',
        buffer: exportOf([
          { title: 'Hôm nay', ageMs: 60_000 },
          { title: 'Cũ', ageMs: 400 * dayMs },
        ]),
      },
      'Nhập…',
    )
    await expect(page.getByRole('status').filter({ hasText: '2' }).first()).toBeVisible({ timeout: 20_000 })
    await page.getByRole('navigation').getByRole('button', { name: 'Trò chuyện', exact: true }).click()
    const month = await page.evaluate(
      (at) => new Intl.DateTimeFormat('vi-VN', { month: 'long', year: 'numeric' }).format(at),
      Date.now() - 400 * dayMs,
    )
    expect(month).toMatch(/tháng/i)
    await expect(page.locator('.group-heading')).toHaveText(['Hôm nay', month])
  })
})

test('item 5: below 900 px the sidebar folds away and opens over the chat; Esc, a click outside or a choice closes it', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await importSeeds(page, [
    { title: 'First', ageMs: 60_000 },
    { title: 'Second', ageMs: 120_000 },
  ])
  await page.setViewportSize({ width: 800, height: 600 })
  const show = page.getByRole('button', { name: 'Show sidebar' })
  await expect(sidebar(page)).toBeHidden()
  // Folded from the start too, though the wide sidebar was never folded.
  await page.reload()
  await expect(show).toBeVisible()
  await expect(sidebar(page)).toBeHidden()
  const composer = page.getByRole('textbox', { name: 'Message' })
  const before = (await composer.boundingBox())!

  await show.click()
  await expect(sidebar(page)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Hide sidebar' })).toHaveAttribute('aria-expanded', 'true')
  // Over the chat, which keeps its width and place.
  expect(await composer.boundingBox()).toEqual(before)
  await page.keyboard.press('Escape')
  await expect(sidebar(page)).toBeHidden()
  await expect(show).toBeFocused()

  await show.click()
  await expect(sidebar(page)).toBeVisible()
  await page.mouse.click(760, 300)
  await expect(sidebar(page)).toBeHidden()

  await page.keyboard.press('Control+b')
  await expect(sidebar(page)).toBeVisible()
  await openButton(page, 'Second').click()
  await expect(sidebar(page)).toBeHidden()
  await expect(askedIn(page)).toHaveText('Question of Second')
  // The open overlay fits the window (the chat header's own width is the header's business).
  await show.click()
  const box = (await sidebar(page).boundingBox())!
  expect(box.x).toBe(0)
  expect(box.width).toBeLessThanOrEqual(800)
  expect(box.height).toBe(600)
})

test('item 5: on a wide window the sidebar folds with its toggle or Ctrl+B, and stays folded after a restart', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(app.url)
  await expect(sidebar(page)).toBeVisible()
  await sidebar(page).getByRole('button', { name: 'Hide sidebar' }).click()
  await expect(sidebar(page)).toBeHidden()
  const show = page.getByRole('button', { name: 'Show sidebar' })
  await expect(show).toBeFocused()
  await expect
    .poll(() => JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')).settings.sidebarCollapsed)
    .toBe(true)

  await page.reload()
  await expect(show).toBeVisible()
  await expect(sidebar(page)).toBeHidden()
  await page.keyboard.press('Control+b')
  await expect(sidebar(page)).toBeVisible()
  await page.reload()
  await expect(sidebar(page)).toBeVisible()
})

test('item 5: a title cut by the sidebar shows in full in a tooltip; a title that fits gets none', async ({
  page,
  app,
}) => {
  const long = 'A very long conversation title about Vietnamese grammar, regular expressions and cats in one'
  await page.goto(app.url)
  await importSeeds(page, [
    { title: 'Short', ageMs: 60_000 },
    { title: long, ageMs: 120_000 },
  ])
  await openButton(page, long).focus()
  await expect(page.getByRole('tooltip')).toHaveText(long)
  await openButton(page, 'Short').focus()
  await expect(page.getByRole('tooltip')).toHaveCount(0)
  await openButton(page, long).hover()
  await expect(page.getByRole('tooltip')).toHaveText(long)
})

test('item 8: renaming with Enter keeps the open conversation open', async ({ page, app }) => {
  await page.goto(app.url)
  await importSeeds(page, [
    { title: 'Open one', ageMs: 60_000 },
    { title: 'Rename me', ageMs: 120_000 },
  ])
  await openButton(page, 'Open one').click()
  await expect(askedIn(page)).toHaveText('Question of Open one')

  await row(page, 'Rename me').hover()
  await row(page, 'Rename me').getByRole('button', { name: 'More actions' }).click()
  await page.getByRole('menuitem', { name: 'Rename' }).click()
  const title = page.getByRole('textbox', { name: 'New title' })
  await expect(title).toBeFocused()
  await title.fill('Renamed')
  await title.press('Enter')
  await expect(row(page, 'Renamed')).toBeVisible()
  await expect(openButton(page, 'Renamed')).toBeFocused()
  await expect(askedIn(page)).toHaveText('Question of Open one')
  await expect(openButton(page, 'Open one')).toHaveAttribute('aria-current', 'page')
  await expect(openButton(page, 'Renamed')).not.toHaveAttribute('aria-current', 'page')
})

test('item 8: Alt+↓ past the visible rows scrolls the list so the opened one stays in sight', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 600 })
  const seeds = Array.from({ length: 30 }, (_, index) => ({
    title: `Chat ${String(index + 1).padStart(2, '0')}`,
    ageMs: (index + 1) * 60_000,
  }))
  await page.goto(app.url)
  await importSeeds(page, seeds)
  await openButton(page, 'Chat 01').click()
  for (let index = 2; index <= 30; index++) {
    await page.keyboard.press('Alt+ArrowDown')
    await expect(askedIn(page)).toHaveText(`Question of Chat ${String(index).padStart(2, '0')}`)
  }
  const current = sidebar(page).locator('.conversation [aria-current="page"]')
  await expect(current).toHaveText('Chat 30')
  await expect(current).toBeInViewport({ ratio: 1 })
  for (let step = 0; step < 29; step++) await page.keyboard.press('Alt+ArrowUp')
  await expect(askedIn(page)).toHaveText('Question of Chat 01')
  await expect(sidebar(page).locator('.conversation [aria-current="page"]')).toBeInViewport({ ratio: 1 })
})

test('item 10: rows keep their height on hover, the search placeholder fits, empty states say what to do', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  // Nothing yet: an empty state, not a bare line.
  await expect(sidebar(page).locator('.ui-empty')).toContainText('No conversations yet.')

  await importSeeds(page, [
    { title: 'Top', ageMs: 60_000 },
    { title: 'Middle', ageMs: 120_000 },
    { title: 'Bottom', ageMs: 180_000 },
  ])
  await page.mouse.move(900, 400)
  const middle = (await row(page, 'Middle').boundingBox())!
  const bottom = (await row(page, 'Bottom').boundingBox())!
  await row(page, 'Middle').hover()
  await expect(row(page, 'Middle').getByRole('button', { name: 'More actions' })).toHaveCSS('opacity', '1')
  expect(await row(page, 'Middle').boundingBox()).toEqual(middle)
  expect(await row(page, 'Bottom').boundingBox()).toEqual(bottom)
  // Away from the row, its More button fades but keeps its place.
  await page.mouse.move(900, 400)
  await expect(row(page, 'Middle').getByRole('button', { name: 'More actions' })).toHaveCSS('opacity', '0')

  // The whole placeholder is seen: its text is no wider than the field's inside.
  const search = page.getByRole('searchbox', { name: 'Search' })
  const fit = await search.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input)
    const context = document.createElement('canvas').getContext('2d')!
    context.font = style.font
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    return { text: context.measureText(input.placeholder).width, room }
  })
  expect(fit.text).toBeLessThanOrEqual(fit.room)

  await search.fill('zzqqxx')
  await expect(sidebar(page).locator('.ui-empty')).toContainText('Nothing found for “zzqqxx”.')
})

test('item 10: search hits are marked with the theme’s mark colours in dark mode', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(app.url)
  await importSeeds(page, [{ title: 'Marked', ageMs: 60_000 }])
  await page.getByRole('searchbox', { name: 'Search' }).fill('Marked')
  const mark = page.getByRole('list', { name: 'Search results' }).locator('mark').first()
  await expect(mark).toBeVisible()
  const colours = await mark.evaluate((element) => {
    const probe = document.createElement('span')
    probe.style.background = 'var(--mark-bg)'
    probe.style.color = 'var(--mark-text)'
    document.body.append(probe)
    const expected = getComputedStyle(probe)
    const result = {
      background: getComputedStyle(element).backgroundColor,
      color: getComputedStyle(element).color,
      expectedBackground: expected.backgroundColor,
      expectedColor: expected.color,
    }
    probe.remove()
    return result
  })
  expect(colours.background).toBe(colours.expectedBackground)
  expect(colours.color).toBe(colours.expectedColor)
  // Dark, not a bright yellow block.
  expect(colours.background).not.toBe('rgb(255, 255, 0)')
})

test('item 10: a conversation shows that it is answering while its answer streams, after a reload too', async ({
  page,
  app,
}) => {
  test.setTimeout(90_000)
  await page.goto(app.url)
  // Five tokens, then the gateway holds the stream open: it runs until Stop.
  const question = '[[tokens=50]] [[stall=5]] an answer that waits'
  await page.getByRole('textbox', { name: 'Message' }).fill(question)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.text')).toContainText('Echo')
  await page.getByRole('button', { name: 'New chat' }).click()
  const answering = row(page, question).getByRole('img', { name: 'Answering…' })
  await expect(answering).toBeVisible()
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=2]] a quick one')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible()
  // Only the streaming one shows it.
  await expect(row(page, '[[tokens=2]] a quick one').getByRole('img', { name: 'Answering…' })).toHaveCount(0)

  // After a reload the sign comes back from the streams main still runs.
  await page.reload()
  await expect(answering).toBeVisible()
  // Gone once the answer ends (stopped here).
  await openButton(page, question).click()
  await page.getByRole('button', { name: 'Stop' }).click()
  await expect(answering).toHaveCount(0)
  await expect(row(page, question)).toBeVisible()
})
