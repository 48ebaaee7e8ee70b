/**
 * Browser mode's server dies mid-answer (issue 14, item 6c): the tab says the connection is gone,
 * the answer ends as interrupted with its text kept (no Stop left that reaches no one), and the tab
 * comes back by itself once the server runs again and re-reads what happened meanwhile.
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

test('a server killed mid-answer: the tab says so, ends the answer, and re-attaches when the server is back', async ({
  browser,
}) => {
  // Two starts of browser mode, a kill and a reconnection in one test.
  test.slow()
  const dataDir = mkdtempSync(join(tmpdir(), 'holysheep-lost-'))
  const options = { baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir }
  const first = await startBrowserMode(options)
  running.push(first)
  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  await page.goto(first.url)
  // A first load on a busy machine can take more than the default 5 s.
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 20_000 })
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=600]] Kể một câu chuyện thật dài')
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  // 120 characters: the echo's first two tokens are already ~37 (the question is one token), so 40
  // could be on screen 120 ms in, before main's first 250 ms save, and the kill then rightly kept
  // nothing. At 120 the answer has streamed for over half a second: two saves at least.
  await expect(answer.locator('.text')).toHaveText(/.{120}/)
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Connection to HolySheep Chat lost' })).toHaveCount(0)
  // The sidebar shows the conversation answering.
  const answering = page
    .getByRole('complementary', { name: 'Conversations and search' })
    .getByRole('img', { name: 'Answering…' })
  await expect(answering).toHaveCount(1)

  first.child.kill('SIGKILL')
  await new Promise((resolve) => first.child.once('exit', resolve))

  await expect(
    page.getByRole('status').filter({ hasText: 'Connection to HolySheep Chat lost, reconnecting…' }),
  ).toBeVisible()
  await expect(answer).toContainText('The connection to HolySheep Chat was lost while this answer arrived.')
  await expect(answer).toHaveAttribute('aria-busy', 'false')
  // The text that had arrived stays, and stops growing; nothing is left to Stop.
  const kept = await answer.locator('.text').innerText()
  expect(kept.length).toBeGreaterThan(20)
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible()
  await expect(answer.locator('.text')).toHaveText(kept)
  // Nor does the sidebar still say it answers: no event from the dead server would ever end that.
  await expect(answering).toHaveCount(0)

  // Started again on the same port: a new token, so this tab's cookie is refused, and it says what to do.
  const second = await startBrowserMode({ ...options, port: Number(new URL(first.url).port) })
  running.push(second)
  await expect(
    page.getByRole('status').filter({ hasText: 'Open the newest address printed in the terminal' }),
  ).toBeVisible()

  // The new address opened in another tab gives the browser the new cookie: the old tab comes back
  // by itself and re-reads the conversation, whose answer the restart stored as interrupted.
  const fresh = await context.newPage()
  await fresh.goto(second.url)
  await expect(page.locator('.ui-toast').getByText('Connected to HolySheep Chat again.')).toBeVisible({
    timeout: 15_000,
  })
  await expect(
    page.getByRole('status').filter({ hasText: /Connection to HolySheep Chat lost|newest address/ }),
  ).toHaveCount(0)
  await expect(answer).toContainText('The app closed before this answer finished.')
  await expect(answering).toHaveCount(0)
  await expect(answer.locator('.text')).toContainText(kept.slice(0, 20))

  // And the tab works again: a new answer streams in it.
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=5]] again')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' })).toHaveCount(2)
  await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' }).nth(1).locator('.meta')).toBeVisible()
  await context.close()
})
