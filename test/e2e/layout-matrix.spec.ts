import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * Issue 14's layout promise, at every window size the issue names, in both themes and both
 * languages: the page never scrolls sideways, every control of the chat, Settings and Usage views
 * can be brought into the window (by scrolling, as a user would) and then lies wholly inside it,
 * and axe finds no serious or critical violation.
 */
const sizes = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const
const names = {
  en: { settings: 'Settings', usage: 'Usage' },
  vi: { settings: 'Cài đặt', usage: 'Sử dụng' },
} as const

async function setPreferences(page: Page, patch: Record<string, unknown>) {
  const ok = await page.evaluate(async (body) => {
    const response = await fetch('/api/invoke/settings%3Aset', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    return ((await response.json()) as { ok: boolean }).ok
  }, patch)
  expect(ok).toBe(true)
}

/** What is wrong with the layout now: sideways scroll, and controls that cannot be brought inside the window. */
async function layoutProblems(page: Page) {
  return page.evaluate(async () => {
    const problems: string[] = []
    const root = document.documentElement
    if (root.scrollWidth > window.innerWidth + 1)
      problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${window.innerWidth}`)
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        'button, a[href], input:not([type=hidden]), select, textarea, [role=combobox], [role=switch], [role=tab]',
      ),
    ].filter((element) => element.checkVisibility({ visibilityProperty: true, opacityProperty: false }))
    for (const element of controls) {
      // A list that virtualises or a code block may scroll on its own; the control must still fit the window.
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      await new Promise((resolve) => requestAnimationFrame(resolve))
      const box = element.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      const inside =
        box.left >= -1 && box.top >= -1 && box.right <= window.innerWidth + 1 && box.bottom <= window.innerHeight + 1
      if (!inside) {
        const name =
          element.getAttribute('aria-label') ??
          element.textContent?.trim().slice(0, 40) ??
          element.tagName.toLowerCase()
        problems.push(
          `${element.tagName.toLowerCase()} "${name}" is outside the window at ${Math.round(box.left)},${Math.round(box.top)} ` +
            `(${Math.round(box.width)}×${Math.round(box.height)})`,
        )
      }
    }
    return problems
  })
}

/** Clicks a view in the sidebar's foot, unfolding the sidebar first on a narrow window. */
async function openFromSidebar(page: Page, name: string) {
  const item = page.getByRole('navigation').getByRole('button', { name, exact: true })
  if (!(await item.isVisible())) await page.getByRole('button', { name: /^(Show sidebar|Hiện thanh bên)$/ }).click()
  await item.click()
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }))
}

for (const size of sizes) {
  test(`${size.width}×${size.height}: no sideways scroll, every control reachable, axe clean, light and dark, en and vi`, async ({
    page,
    app,
  }) => {
    test.setTimeout(240_000)
    await page.setViewportSize(size)
    await page.goto(app.url)
    // A conversation with a wide answer (a table, a long code line, a task list) to lay out.
    const composer = page.locator('textarea').first()
    await composer.fill(
      `[[markdown]] [[delay=0]] a conversation with a rather long title to see how it is cut ${'x'.repeat(40)}`,
    )
    await composer.press('Enter')
    await expect(page.locator('.meta').first()).toBeVisible({ timeout: 20_000 })

    for (const language of ['en', 'vi'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await setPreferences(page, { language, theme })
        await page.reload()
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
        await expect(page.locator('html')).toHaveAttribute('lang', language)
        const where = `${size.width}×${size.height} ${theme} ${language}`
        const label = names[language]

        // The chat view, with the conversation open (a reload reopens it; on a narrow window the sidebar is folded).
        await expect(
          page.getByRole('heading', { level: 1, name: /a conversation with a rather long title/ }),
        ).toBeVisible()
        await expect(page.locator('.meta').first()).toBeVisible()
        expect(await layoutProblems(page), `chat, ${where}`).toEqual([])
        expect(await seriousViolations(page), `chat, ${where}`).toEqual([])

        await openFromSidebar(page, label.settings)
        await expect(page.getByRole('heading', { name: label.settings, level: 1 })).toBeVisible()
        expect(await layoutProblems(page), `settings, ${where}`).toEqual([])
        expect(await seriousViolations(page), `settings, ${where}`).toEqual([])

        await openFromSidebar(page, label.usage)
        await expect(page.getByRole('heading', { name: label.usage, level: 1 })).toBeVisible()
        expect(await layoutProblems(page), `usage, ${where}`).toEqual([])
        expect(await seriousViolations(page), `usage, ${where}`).toEqual([])
      }
    }
  })
}
