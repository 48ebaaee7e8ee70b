import { expect, test } from './fixtures'
import { startBrowserMode } from '../support/browser-mode'

test('first run: a wrong key is refused with a clear message, the right one is checked, saved and used', async ({
  page,
  gateway,
}) => {
  const app = await startBrowserMode({ baseURL: gateway.baseURL })
  try {
    await page.goto(app.url)
    await expect(page.getByRole('heading', { name: 'Welcome to HolySheep Chat' })).toBeVisible()
    // It says how the key will be kept before it is typed (browser mode: plain text).
    await expect(page.getByText('stored in plain text')).toBeVisible()

    await page.getByLabel('API key').fill('sk-wrong-key-0123456789')
    await page.getByRole('button', { name: 'Check and continue' }).click()
    await expect(page.getByRole('alert')).toContainText('The gateway refused this key')
    expect(gateway.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/models' })

    await page.getByLabel('API key').fill(gateway.apiKey)
    await page.getByRole('button', { name: 'Check and continue' }).click()
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()
    await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=5]] hi')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toContainText(
      '5 tokens',
    )
    expect(await page.content()).not.toContain(gateway.apiKey)
  } finally {
    await app.stop()
  }
  expect(app.output()).not.toContain('sk-wrong-key-0123456789')
})

test('first run: a wrong base URL and an unreachable gateway each say so; the right one is saved', async ({
  page,
  gateway,
}) => {
  // No HOLYSHEEP_BASE_URL, so the screen's base URL field decides; every address typed is on 127.0.0.1.
  const app = await startBrowserMode({ baseURL: null })
  try {
    await page.goto(app.url)
    const baseURL = page.getByLabel('Gateway base URL')
    await expect(baseURL).toHaveValue('https://api.holysheep.ai/v1')
    await page.getByLabel('API key').fill(gateway.apiKey)

    await baseURL.fill(gateway.baseURL.replace(/\/v1$/, '/nothing-here'))
    await page.getByRole('button', { name: 'Check and continue' }).click()
    await expect(page.getByRole('alert')).toContainText('Check the address')

    await baseURL.fill('http://127.0.0.1:9/v1')
    await page.getByRole('button', { name: 'Check and continue' }).click()
    await expect(page.getByRole('alert')).toContainText('Could not reach the gateway')

    await baseURL.fill(gateway.baseURL)
    await page.getByRole('button', { name: 'Check and continue' }).click()
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()
    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    await expect(page.getByText(`In use: ${gateway.baseURL}`)).toBeVisible()
  } finally {
    await app.stop()
  }
})

test('first run: skip opens the app without a key, to browse history offline', async ({ page, gateway }) => {
  const app = await startBrowserMode({ baseURL: gateway.baseURL })
  try {
    await page.goto(app.url)
    await page.getByRole('button', { name: 'Skip for now' }).click()
    await expect(page.getByRole('button', { name: 'New chat', exact: true })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'No API key is set yet' })).toBeVisible()
  } finally {
    await app.stop()
  }
})
