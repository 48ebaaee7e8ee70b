import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { startBrowserMode } from '../support/browser-mode'

test('a settings file that fails the schema is kept aside, the defaults are used, and the user is told', async ({
  page,
  gateway,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'holysheep-e2e-'))
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify({ schemaVersion: 4, settings: { defaultModel: 'gpt-4.1', theme: 'neon' } }),
  )
  const app = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir })
  try {
    await page.goto(app.url)
    const kept = readdirSync(dataDir).find((name) => name.startsWith('settings.corrupt-'))
    expect(kept).toBeDefined()
    await expect(page.getByRole('alert')).toContainText(`Your settings file could not be read. It was kept at`)
    await expect(page.getByRole('alert')).toContainText(kept!)
  } finally {
    await app.stop()
  }
})

test('answer parameters, streaming limits, proxy, prices and presets are saved and survive a reload', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const preferences = page.locator('form.preferences')
  await preferences.getByLabel('Temperature (0–2)').fill('0.3')
  await preferences.getByLabel('Top P (0–1)').fill('0.9')
  await preferences.getByLabel('End an answer when nothing arrives for (seconds)').fill('90')
  await preferences.getByLabel('Answers streaming at once').fill('2')
  await preferences.getByLabel('End an answer that takes longer than (seconds)').fill('600')
  await preferences.getByLabel('Longest answer kept (characters)').fill('500000')
  await preferences.getByLabel('Proxy').fill('http://127.0.0.1:3128')
  await preferences.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(preferences.getByRole('status')).toHaveText('Saved. It applies from the next answer.')
  await expect(preferences).toContainText('In use: http://127.0.0.1:3128')

  // A bad value is refused with the field named, and nothing changes.
  await preferences.getByLabel('Answers streaming at once').fill('0')
  await preferences.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(preferences.getByRole('alert')).toContainText('maxConcurrentStreams')

  const prices = page.locator('form.prices')
  await prices.getByLabel('Input $/M gpt-4.1').fill('2.5')
  await prices.getByLabel('Currency (code)').fill('usd')
  await prices.getByLabel(/Payment rate/).fill('1')
  await prices.getByRole('button', { name: 'Save prices' }).click()
  await expect(prices.getByRole('status')).toContainText('Prices saved')

  const presets = page.locator('section.presets')
  await presets.getByRole('button', { name: 'New preset' }).click()
  await presets.getByLabel('Name', { exact: true }).fill('Tóm tắt')
  await presets.getByLabel('System prompt').fill('Tóm tắt thật ngắn.')
  await presets.getByRole('button', { name: 'Save preset' }).click()
  await presets.getByRole('button', { name: 'Delete Code reviewer' }).click()
  await expect(presets.getByRole('status')).toHaveText('Deleted the preset “Code reviewer”.')

  await page.reload()
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await expect(preferences.getByLabel('Temperature (0–2)')).toHaveValue('0.3')
  await expect(preferences.getByLabel('Answers streaming at once')).toHaveValue('2')
  await expect(preferences.getByLabel('End an answer that takes longer than (seconds)')).toHaveValue('600')
  await expect(preferences.getByLabel('Longest answer kept (characters)')).toHaveValue('500000')
  await expect(prices.getByLabel('Input $/M gpt-4.1')).toHaveValue('2.5')
  await expect(prices.getByLabel('Currency (code)')).toHaveValue('USD')
  await expect(presets.locator('.preset-name')).toHaveText([
    'Trợ lý tiếng Việt',
    'Translator (English ⇄ Vietnamese)',
    'Tóm tắt',
  ])
})

test('the auto-update switch is saved, and browser mode says it applies to the desktop app', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const preferences = page.locator('form.preferences')
  const autoUpdate = preferences.getByRole('switch', { name: 'Check for updates automatically' })
  await expect(autoUpdate).toBeChecked()
  // Browser mode never updates itself (no updater is attached), and says so.
  await expect(preferences).toContainText('Applies to the installed desktop app; this copy does not update itself.')
  await autoUpdate.uncheck()
  await preferences.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(preferences.getByRole('status')).toHaveText('Saved. It applies from the next answer.')
  // No update banner in browser mode.
  await expect(page.getByRole('button', { name: 'Restart to update' })).toHaveCount(0)

  await page.reload()
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await expect(autoUpdate).not.toBeChecked()
})
