/**
 * kill -9 during a Compare, in real Chromium: browser mode is killed with SIGKILL while three models
 * stream side by side. Started again on the same data folder, the conversation holds all three
 * answers as sibling versions, each with the text it had (saved every 250 ms), marked interrupted.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'

let gateway: FakeGateway
const running: BrowserModeProcess[] = []
test.beforeEach(async () => {
  gateway = await startFakeGateway({ tokenDelayMs: 40 })
})
test.afterEach(async () => {
  for (const app of running.splice(0)) await app.stop()
  await gateway.close()
})

test('kill -9 during a compare keeps every partial answer, each a version marked interrupted', async ({ browser }) => {
  // Two starts of browser mode and a kill in one test.
  test.slow()
  const dataDir = mkdtempSync(join(tmpdir(), 'holysheep-compare-kill-'))
  const options = { baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir }
  const first = await startBrowserMode(options)
  running.push(first)
  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  await page.goto(first.url)
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 20_000 })
  await page.getByRole('button', { name: 'Compare models' }).click()
  const picker = page.getByRole('group', { name: 'Send the next question to these models' })
  const names = ['GPT-4.1', 'Claude Sonnet 4.5', 'DeepSeek V3.2']
  for (const name of names) await picker.getByRole('checkbox', { name }).check()
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=600]] [[claude-sonnet-4.5:delay=60]] Kể chuyện')
  await page.getByRole('button', { name: 'Send' }).click()

  const columns = page.getByRole('region', { name: 'Compared answers' })
  // Every column shows 120 characters or more when the plug is pulled: at 4 characters a token and
  // 40–60 ms a token, its stream has run for well over a second. Main saves every 250 ms, so each stored
  // answer holds 40 characters or more even when the machine is loaded and the slow column's save timer
  // fires late (with 60 shown, a save 300 ms late left 39 on CI).
  for (const name of names) await expect(columns.getByRole('article', { name })).toContainText(/\S{3}.{120}/)
  first.child.kill('SIGKILL')
  await new Promise((resolve) => first.child.once('exit', resolve))

  const second = await startBrowserMode(options)
  running.push(second)
  const fresh = await context.newPage()
  await fresh.goto(second.url)
  await fresh.getByRole('complementary', { name: 'Conversations and search' }).getByRole('listitem').first().click()
  const answer = fresh.getByRole('log').getByRole('article', { name: 'Assistant' })
  const versions = answer.getByRole('group', { name: 'Versions' })
  await expect(versions).toContainText('3 / 3')
  const seen = new Set<string>()
  for (let index = 0; index < 3; index++) {
    await expect(answer).toContainText('The app closed before this answer finished.')
    await expect(answer.locator('.text')).toHaveText(/\S{3}.{40}/)
    seen.add((await answer.getAttribute('data-message-id'))!)
    if (index < 2) {
      await versions.getByRole('button', { name: 'Previous version' }).click()
      await expect(versions).toContainText(`${2 - index} / 3`)
    }
  }
  expect(seen.size).toBe(3)
  await context.close()
})
