import { startFakeGateway } from '../fake-gateway/server'
import { startBrowserMode } from '../support/browser-mode'
import { expect, test } from './fixtures'

test('a key saved for one gateway is not sent to another until it is entered again, and Settings says so', async ({
  page,
  gateway,
}) => {
  const elsewhere = await startFakeGateway({ apiKey: gateway.apiKey, tokenDelayMs: 1 })
  // No HOLYSHEEP_BASE_URL, so the settings decide; both addresses are on 127.0.0.1.
  const app = await startBrowserMode({ baseURL: null })
  const host = (baseURL: string) => new URL(baseURL).host
  try {
    await page.goto(app.url)
    await page.getByLabel('API key').fill(gateway.apiKey)
    await page.getByLabel('Gateway base URL').fill(gateway.baseURL)
    await page.getByRole('button', { name: 'Check and continue' }).click()
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()

    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    const baseURL = page.getByLabel('Base URL', { exact: true })
    await baseURL.fill(elsewhere.baseURL)
    await baseURL.press('Enter')
    const warning = page.getByText(`Your key was saved for ${host(gateway.baseURL)}.`)
    await expect(warning).toContainText(`Enter it again to use it with ${host(elsewhere.baseURL)}`)
    expect(elsewhere.requests).toHaveLength(0)

    await page.getByLabel('API key', { exact: true }).fill(gateway.apiKey)
    await page.getByRole('button', { name: 'Check and save' }).click()
    await expect(warning).toBeHidden()
    await expect(page.getByText('Key saved.')).toBeVisible()
  } finally {
    await app.stop()
    await elsewhere.close()
  }
})
