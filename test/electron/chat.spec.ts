import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { startFakeGateway } from '../fake-gateway/server'

test('the desktop app streams an answer, and Stop keeps the partial text', async () => {
  const gateway = await startFakeGateway({ tokenDelayMs: 25 })
  const app = await electron.launch({
    args: [join(import.meta.dirname, '../../out/main/index.js')],
    env: {
      ...process.env,
      HOLYSHEEP_BASE_URL: gateway.baseURL,
      HOLYSHEEP_API_KEY: gateway.apiKey,
      HOLYSHEEP_DATA_DIR: mkdtempSync(join(tmpdir(), 'holysheep-electron-')),
    },
  })
  try {
    const window = await app.firstWindow()
    // The renderer has the bridge and nothing of Node.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    await window.getByRole('textbox', { name: 'Message' }).fill('[[tokens=40]] Xin chào')
    await window.getByRole('button', { name: 'Send' }).click()
    await expect(window.getByRole('log').getByRole('article', { name: 'Assistant' }).locator('.meta')).toContainText(
      '40 tokens',
    )

    await window.getByRole('textbox', { name: 'Message' }).fill('[[tokens=2000]] long')
    await window.keyboard.press('Enter')
    const answer = window.getByRole('log').getByRole('article', { name: 'Assistant' }).last()
    await expect(answer.locator('.text')).toContainText('Echo:')
    await window.getByRole('button', { name: 'Stop' }).click()
    await expect(answer).toContainText('Stopped. The text received so far is kept.')
  } finally {
    await app.close()
    await gateway.close()
  }
})
