import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const toastRegion = (page: Page) => page.getByRole('region', { name: /Notifications/ })

test('export results come as toasts that never stack beyond three, and each one can be dismissed', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=3]] export me')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toBeVisible()

  const exported = toastRegion(page).getByRole('listitem').filter({ hasText: 'Exported 1 conversation.' })
  for (let count = 1; count <= 5; count++) {
    await page.getByRole('button', { name: count % 2 ? 'Export as Markdown' : 'Export as JSON' }).click()
    await expect(exported).toHaveCount(Math.min(count, 3))
  }
  // A download waiting in browser mode stays until it is taken or dismissed.
  await expect(exported.getByRole('link', { name: 'Download' })).toHaveCount(3)

  for (let left = 3; left > 0; left--) {
    await exported.first().getByRole('button', { name: 'Dismiss' }).click()
    await expect(exported).toHaveCount(left - 1)
  }
})
