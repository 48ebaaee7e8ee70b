import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { startBrowserMode } from '../support/browser-mode'
import { expect, test } from './fixtures'

const sections = [
  'Key and gateway',
  'Model and parameters',
  'Presets',
  'Prices and currency',
  'History and backups',
  'Appearance and language',
  'Advanced',
]

/** Settings by its shortcut (the frame around it, sidebar or top bar, is another helper's). */
async function openSettings(page: Page) {
  // The shortcut works once the app has started: press it until Settings is there.
  await expect(async () => {
    await page.keyboard.press('Control+,')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Settings|Cài đặt/, { timeout: 1_000 })
  }).toPass()
}

const storedSettings = (dataDir: string) =>
  (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { settings: Record<string, unknown> }).settings

/** Every element between the page's heading and the document that scrolls, and every scroller inside the page. */
function scrollers(page: Page) {
  return page.getByRole('heading', { level: 1 }).evaluate((heading) => {
    const scrolls = (element: Element) => {
      const style = getComputedStyle(element)
      return /(auto|scroll)/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1
    }
    const outer: string[] = []
    for (let node = heading.parentElement; node; node = node.parentElement)
      if (scrolls(node)) outer.push(node.className || node.tagName)
    // The page's own content: everything under the nearest scroller.
    let page: Element | null = heading.parentElement
    while (page && !scrolls(page)) page = page.parentElement
    const inner = page ? [...page.querySelectorAll('*')].filter(scrolls).map((el) => el.className || el.tagName) : []
    return { outer, inner }
  })
}

for (const viewport of [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
]) {
  test(`Settings scrolls once at ${viewport.width}×${viewport.height}, and its section list reaches every section`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize(viewport)
    await page.goto(app.url)
    await openSettings(page)
    // One scroller (the page), no scroll box inside it.
    expect(await scrollers(page)).toEqual({ outer: [expect.any(String)], inner: [] })

    const wide = viewport.width >= 1280
    for (const name of [...sections].reverse()) {
      if (wide) {
        await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name }).click()
      } else {
        await page.getByRole('combobox', { name: 'Go to section' }).click()
        await page.getByRole('option', { name }).click()
      }
      const heading = page.getByRole('heading', { name, level: 2 })
      await expect(heading).toBeInViewport()
      await expect(heading).toBeFocused()
    }
    // Narrow pages show the select, wide ones the list, never both.
    await expect(page.getByRole('navigation', { name: 'Settings sections' })).toBeVisible({ visible: wide })
    await expect(page.getByRole('combobox', { name: 'Go to section' })).toBeVisible({ visible: !wide })
    // Every section, its last control included, is reached by scrolling the page alone.
    for (const name of sections) {
      const section = page.getByRole('region', { name, exact: true })
      await section.getByRole('heading', { name }).scrollIntoViewIfNeeded()
      await expect(section.getByRole('heading', { name })).toBeInViewport()
    }
    await page.getByRole('switch', { name: 'Check for updates automatically' }).scrollIntoViewIfNeeded()
    await expect(page.getByRole('switch', { name: 'Check for updates automatically' })).toBeInViewport()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
}

test('a change is saved as it is made, says "Saved" once, and survives a reload; leaving the page keeps it', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await openSettings(page)
  const temperature = page.getByLabel('Temperature (0–2)')
  await temperature.fill('0.4')
  await temperature.press('Tab')
  const toasts = page.getByRole('region', { name: /Notifications/ })
  await expect(toasts.getByText('Saved', { exact: true })).toHaveCount(1)
  await expect(toasts).toContainText('Temperature (0–2)')
  await expect.poll(() => storedSettings(app.dataDir).temperature).toBe(0.4)

  // A second change replaces the toast instead of stacking another.
  const topP = page.getByLabel('Top P (0–1)')
  await topP.fill('0.8')
  await topP.press('Enter')
  await expect(toasts).toContainText('Top P (0–1)')
  await expect(toasts.getByText('Saved', { exact: true })).toHaveCount(1)
  await expect.poll(() => storedSettings(app.dataDir).topP).toBe(0.8)

  // Typed, then straight to a new chat: the change is not lost.
  await page.getByLabel('Max tokens', { exact: true }).fill('900')
  await page.getByRole('button', { name: 'New chat' }).first().click()
  await expect.poll(() => storedSettings(app.dataDir).maxTokens).toBe(900)

  await page.reload()
  await openSettings(page)
  await expect(page.getByLabel('Temperature (0–2)')).toHaveValue('0.4')
  await expect(page.getByLabel('Top P (0–1)')).toHaveValue('0.8')
  await expect(page.getByLabel('Max tokens', { exact: true })).toHaveValue('900')
})

test.describe('in Vietnamese', () => {
  test.use({ locale: 'vi-VN' })

  test('two wrong fields show two errors at once, each beside its field, and nothing is saved', async ({
    page,
    app,
  }) => {
    await page.goto(app.url)
    await openSettings(page)
    const temperature = page.getByLabel('Nhiệt độ (0–2)')
    const topP = page.getByLabel('Top P (0–1)')
    await temperature.fill('5')
    await temperature.press('Tab')
    await topP.fill('3')
    await topP.press('Tab')
    await expect(temperature).toHaveAttribute('aria-invalid', 'true')
    await expect(temperature).toHaveAccessibleDescription(/Hãy nhập một số không lớn hơn 2\./)
    await expect(topP).toHaveAccessibleDescription(/Hãy nhập một số không lớn hơn 1\./)
    const model = page.getByRole('region', { name: 'Mô hình và tham số' })
    await expect(model.getByRole('alert')).toHaveText([
      'Hãy nhập một số không lớn hơn 2.',
      'Hãy nhập một số không lớn hơn 1.',
    ])
    // No developer English anywhere on the page.
    await expect(page.locator('body')).not.toContainText(/Too big|Invalid request|temperature/)
    expect(storedSettings(app.dataDir).temperature ?? null).toBeNull()

    // Leaving Settings and coming back keeps what was typed, with its error.
    await page.getByRole('button', { name: 'Trò chuyện mới', exact: true }).first().click()
    await openSettings(page)
    await expect(page.getByLabel('Nhiệt độ (0–2)')).toHaveValue('5')
    await expect(page.getByLabel('Nhiệt độ (0–2)')).toHaveAccessibleDescription(/không lớn hơn 2/)
  })
})

test('a key saved in Settings is checked with the gateway; a wrong one is refused beside the field, or saved unchecked', async ({
  page,
  gateway,
}) => {
  const app = await startBrowserMode({ baseURL: gateway.baseURL })
  try {
    await page.goto(app.url)
    await page.getByRole('button', { name: 'Skip for now' }).click()
    await openSettings(page)
    const key = page.getByLabel('API key', { exact: true })
    const status = page.getByRole('region', { name: 'Key and gateway' }).getByRole('status').first()
    await expect(status).toContainText('No key is set.')

    await key.fill('sk-wrong-key-0123456789')
    await page.getByRole('button', { name: 'Check and save' }).click()
    await expect(key).toHaveAccessibleDescription(/The gateway refused this key/)
    expect(gateway.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/models' })
    // Nothing was saved.
    await expect(status).toContainText('No key is set.')
    await expect(key).toHaveValue('sk-wrong-key-0123456789')

    // Offline, or sure of it: saved without the check.
    await page.getByRole('button', { name: 'Save without checking' }).click()
    await expect(page.getByText('Key saved.')).toBeVisible()
    await expect(status).toContainText('A key is saved.')
    await expect(key).toHaveValue('')

    // The right key, checked, works for the next message.
    await key.fill(gateway.apiKey)
    await page.getByRole('button', { name: 'Check and save' }).click()
    await expect(page.getByText('Key saved.')).toBeVisible()
    await page.getByRole('button', { name: 'New chat' }).first().click()
    await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=3]] hi')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toContainText(
      '3 tokens',
    )
  } finally {
    await app.stop()
  }
})

test('the key field shows and hides what is typed', async ({ page, app }) => {
  await page.goto(app.url)
  await openSettings(page)
  const key = page.getByLabel('API key', { exact: true })
  await key.fill('sk-typed-0123456789')
  await expect(key).toHaveAttribute('type', 'password')
  await page.getByRole('button', { name: 'Show the key' }).click()
  await expect(key).toHaveAttribute('type', 'text')
  await expect(page.getByRole('button', { name: 'Hide the key' })).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('button', { name: 'Hide the key' }).click()
  await expect(key).toHaveAttribute('type', 'password')
})
