import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { startBrowserMode } from '../support/browser-mode'
import { expect, test } from './fixtures'

/** axe-core in the installed Chromium: no serious or critical violation, named so a failure says what and where. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }))
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in the ${theme} theme: chat, history, settings, usage, shortcuts`, async ({
    page,
    app,
  }) => {
    await page.emulateMedia({ colorScheme: theme })
    await page.goto(app.url)
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)

    // Chat, with a markdown answer (code, table, task list, link) and a question.
    await page.getByRole('textbox', { name: 'Message' }).fill('[[markdown]] [[delay=0]] everything')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible({ timeout: 15_000 })
    expect(await seriousViolations(page)).toEqual([])

    // The conversation's own settings panel.
    await page.getByRole('button', { name: 'Prompt and parameters' }).click()
    await expect(page.getByRole('heading', { name: 'Settings for this conversation' })).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    // A modal dialog: closed before the rest of the page is reached again.
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Settings for this conversation' })).toBeHidden()

    // History: the sidebar with search results.
    await page.getByRole('searchbox', { name: 'Search' }).fill('everything')
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('button').first()).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('searchbox', { name: 'Search' }).fill('')

    // Settings.
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])

    // Usage, with today's answer in its chart and table.
    await page.getByRole('navigation').getByRole('button', { name: 'Usage' }).click()
    await expect(page.getByRole('heading', { name: 'Usage', level: 1 })).toBeVisible()
    await expect(page.getByRole('row', { name: /GPT-4\.1/ })).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])

    // The shortcuts panel.
    await page.keyboard.press('Control+/')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on the first-run screen in the ${theme} theme`, async ({
    page,
    gateway,
  }) => {
    const app = await startBrowserMode({ baseURL: gateway.baseURL })
    try {
      await page.emulateMedia({ colorScheme: theme })
      await page.goto(app.url)
      await expect(page.getByRole('heading', { name: 'Welcome to HolySheep Chat' })).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
      await page.getByLabel('API key').fill('sk-wrong-key-0123456789')
      await page.getByRole('button', { name: 'Check and continue' }).click()
      await expect(page.getByRole('alert')).toContainText('The gateway refused this key')
      expect(await seriousViolations(page)).toEqual([])
    } finally {
      await app.stop()
    }
  })
}
