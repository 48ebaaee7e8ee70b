import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { startBrowserMode } from '../support/browser-mode'

/** Settings by its shortcut, once the app has started. */
async function openSettings(page: Page) {
  await expect(async () => {
    await page.keyboard.press('Control+,')
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible({ timeout: 1_000 })
  }).toPass()
}

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
  await openSettings(page)
  const toasts = page.getByRole('region', { name: /Notifications/ })
  // Each field is saved when it is left.
  const fill = async (label: string, value: string) => {
    const field = page.getByLabel(label, { exact: true })
    await field.fill(value)
    await field.press('Tab')
    await expect(toasts).toContainText(label)
  }
  await fill('Temperature (0–2)', '0.3')
  await fill('Top P (0–1)', '0.9')
  await fill('End an answer when nothing arrives for (seconds)', '90')
  await fill('Answers streaming at once', '2')
  await fill('End an answer that takes longer than (seconds)', '600')
  await fill('Longest answer kept (characters)', '500000')
  await fill('Proxy', 'http://127.0.0.1:3128')
  const advanced = page.getByRole('region', { name: 'Advanced' })
  await expect(advanced).toContainText('In use: http://127.0.0.1:3128')

  // A bad value is refused beside its field, in words, and nothing changes.
  const streams = page.getByLabel('Answers streaming at once')
  await streams.fill('0')
  await streams.press('Tab')
  await expect(streams).toHaveAccessibleDescription(/Enter a number of at least 1\./)
  await expect(page.locator('body')).not.toContainText('maxConcurrentStreams')

  const prices = page.getByRole('region', { name: 'Prices and currency' })
  await prices.getByLabel('Input $/M gpt-4.1').fill('2.5')
  await prices.getByLabel('Input $/M gpt-4.1').press('Tab')
  await expect(toasts).toContainText('Prices and currency')
  await prices.getByRole('combobox', { name: 'Currency (code)' }).click()
  await page.getByRole('option', { name: /^USD/ }).click()
  await expect(toasts).toContainText('Currency (code)')

  const presets = page.getByRole('region', { name: 'Presets' })
  await presets.getByRole('button', { name: 'New preset' }).click()
  const editor = page.getByRole('dialog', { name: 'New preset' })
  await editor.getByLabel('Name', { exact: true }).fill('Tóm tắt')
  await editor.getByLabel('System prompt').fill('Tóm tắt thật ngắn.')
  await editor.getByRole('button', { name: 'Save preset' }).click()
  await expect(editor).toBeHidden()
  await presets.getByRole('button', { name: 'Delete Code reviewer' }).click()
  await expect(toasts).toContainText('Deleted the preset “Code reviewer”.')

  await page.reload()
  await openSettings(page)
  await expect(page.getByLabel('Temperature (0–2)')).toHaveValue('0.3')
  await expect(page.getByLabel('Answers streaming at once')).toHaveValue('2')
  await expect(page.getByLabel('End an answer that takes longer than (seconds)')).toHaveValue('600')
  await expect(page.getByLabel('Longest answer kept (characters)')).toHaveValue('500000')
  await expect(prices.getByLabel('Input $/M gpt-4.1')).toHaveValue('2.5')
  await expect(prices.getByRole('combobox', { name: 'Currency (code)' })).toContainText('USD')
  await expect(presets.locator('.preset-name')).toHaveText([
    'Trợ lý tiếng Việt',
    'Translator (English ⇄ Vietnamese)',
    'Tóm tắt',
  ])
})

test('the auto-update switch is saved, and browser mode says it applies to the desktop app', async ({ page, app }) => {
  await page.goto(app.url)
  await openSettings(page)
  const advanced = page.getByRole('region', { name: 'Advanced' })
  const autoUpdate = advanced.getByRole('switch', { name: 'Check for updates automatically' })
  await expect(autoUpdate).toBeChecked()
  // Browser mode never updates itself (no updater is attached), and says so.
  await expect(advanced).toContainText('Applies to the installed desktop app; this copy does not update itself.')
  // A switch is saved as it is flipped.
  await autoUpdate.click()
  await expect(page.getByRole('region', { name: /Notifications/ })).toContainText('Saved')
  // No update banner in browser mode.
  await expect(page.getByRole('button', { name: 'Restart to update' })).toHaveCount(0)

  await page.reload()
  await openSettings(page)
  await expect(autoUpdate).not.toBeChecked()
})
