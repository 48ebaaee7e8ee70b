import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { startBrowserMode } from '../support/browser-mode'
import { defaultToolSettings } from '../../src/shared/tool-settings'
import { browserModeClient } from '../support/browser-mode-client'
import { repoRoot, stdioTestServer, testServerScript } from '../support/mcp-servers'
import { expect, test } from './fixtures'

async function openSettings(page: Page) {
  await expect(async () => {
    await page.keyboard.press('Control+,')
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible({ timeout: 1_000 })
  }).toPass()
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

test('add the test MCP server in Settings, approve a call, see its card and the answer, and again after a restart', async ({
  page,
  gateway,
}) => {
  test.setTimeout(90_000)
  const dataDir = mkdtempSync(join(tmpdir(), 'holysheep-e2e-'))
  // The user who starts browser mode allows tool servers that run a command (see tool-command-flag.ts).
  const options = { baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir, allowToolCommands: true }
  let app = await startBrowserMode(options)
  try {
    await page.goto(app.url)
    await openSettings(page)
    const section = page.getByRole('region', { name: 'Tools' })
    await section.getByRole('switch', { name: 'Tools on in new conversations' }).click()
    const steps = section.getByLabel('Tool steps per answer', { exact: true })
    await steps.fill('0')
    await steps.press('Tab')
    await expect(section.getByRole('alert')).toHaveText('Enter a whole number from 1 to 100.')
    await steps.fill('3')
    await steps.press('Tab')
    await expect(section.getByRole('alert')).toHaveCount(0)
    await section.getByLabel('Name', { exact: true }).fill('Test tools')
    await section.getByLabel('Command', { exact: true }).fill(process.execPath)
    await section.getByLabel('Arguments', { exact: true }).fill(testServerScript)
    await section.getByLabel('Working folder', { exact: true }).fill(repoRoot)
    await section.getByRole('button', { name: 'Add server' }).click()
    await expect(section.getByRole('switch', { name: /Test tools/ })).toBeChecked()
    await section.getByRole('button', { name: 'Show tools' }).click()
    await expect(section.getByRole('list', { name: 'Tools of Test tools' })).toContainText('Says the text back.')
    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Chat', exact: true }).click()
    // The id main gave the server names its tools for the model (`<id>__echo`).
    const file = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as {
      settings: { tools: { servers: Array<{ id: string }>; stepLimit: number } }
    }
    expect(file.settings.tools.stepLimit).toBe(3)
    const serverId = file.settings.tools.servers[0]!.id
    await page.getByRole('textbox', { name: 'Message' }).fill(`Nói lại [[call=${serverId}__echo:{"text":"xin chào"}]]`)
    await page.keyboard.press('Enter')
    const approval = page.getByRole('group', { name: 'Approve the call to echo' })
    await expect(approval).toContainText('Let the model run echo on Test tools?')
    // The prompt does not take the focus: the composer keeps it, so an Enter typed there cannot
    // approve a call the user never read.
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused()
    await expect(approval.getByRole('button', { name: 'Allow once' })).not.toBeFocused()
    expect(await seriousViolations(page)).toEqual([])
    // Allowing from the keyboard: focus the button, then Enter.
    await approval.getByRole('button', { name: 'Allow once' }).focus()
    await page.keyboard.press('Enter')
    const answer = page.getByText(/Tool results: \[call_\d+_0\] \(14 chars\) echo: xin chào/)
    await expect(answer).toBeVisible({ timeout: 20_000 })
    const card = page.locator('details.tool-call').filter({ hasText: 'echo' })
    await expect(card).toContainText('Done')
    await card.locator('summary').click()
    await expect(card).toContainText('echo: xin chào')
    await expect(card).toContainText('"text": "xin chào"')
    expect(await seriousViolations(page)).toEqual([])

    await app.stop()
    app = await startBrowserMode(options)
    await page.goto(app.url)
    await page
      .getByRole('button', { name: /Nói lại/ })
      .first()
      .click()
    await expect(page.getByText(/Tool results: \[call_\d+_0\]/)).toBeVisible()
    await expect(page.locator('details.tool-call').filter({ hasText: 'echo' })).toContainText('Done')
  } finally {
    await app.stop()
  }
})

test('a tool loop answers while it waits for approval or runs a call: Stop shows, Esc and Stop end it, also after a reload', async ({
  page,
  gateway,
}) => {
  test.setTimeout(90_000)
  const app = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: gateway.apiKey, allowToolCommands: true })
  try {
    await browserModeClient(app).invoke('settings:set', {
      tools: { ...defaultToolSettings, servers: [stdioTestServer()], enabledByDefault: true },
    })
    await page.goto(app.url)
    const composer = page.locator('.composer-actions')
    const message = page.getByRole('textbox', { name: 'Message' })
    await message.fill('Chậm [[call=test-stdio__slow:{"ms":60000}]]')
    await page.keyboard.press('Enter')
    const approval = page.getByRole('group', { name: 'Approve the call to slow' })
    await expect(approval).toBeVisible({ timeout: 20_000 })
    // No stream is live now, yet the conversation is answering: Stop instead of Send.
    await expect(composer.getByRole('button', { name: 'Stop' })).toBeVisible()
    await expect(composer.getByRole('button', { name: 'Send' })).toHaveCount(0)

    // A reload re-attaches the approval and the loop: still answering.
    await page.reload()
    await expect(approval).toBeVisible({ timeout: 20_000 })
    await expect(composer.getByRole('button', { name: 'Stop' })).toBeVisible()
    // Esc denies the waiting call and ends the loop; the answer reads stopped.
    await message.focus()
    await page.keyboard.press('Escape')
    await expect(approval).toHaveCount(0)
    const card = page.locator('details.tool-call').filter({ hasText: 'slow' })
    await expect(card).toContainText('Cancelled')
    await expect(composer.getByRole('button', { name: 'Send' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible()

    // Allowed, the call runs (60 s): Stop in the composer cancels it and ends the loop.
    await message.fill('Lại chậm [[call=test-stdio__slow:{"ms":60000}]]')
    await page.keyboard.press('Enter')
    await approval.getByRole('button', { name: 'Allow once' }).click()
    const running = page.locator('details.tool-call').filter({ hasText: 'Running' })
    await expect(running).toBeVisible({ timeout: 20_000 })
    await composer.getByRole('button', { name: 'Stop' }).click()
    await expect(page.locator('details.tool-call').filter({ hasText: 'Cancelled' })).toHaveCount(2)
    await expect(composer.getByRole('button', { name: 'Send' })).toBeVisible()
    // Only the two questions reached the gateway: nothing went on after either Stop.
    expect(gateway.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(2)
  } finally {
    await app.stop()
  }
})

test('without HOLYSHEEP_ALLOW_TOOL_COMMANDS, browser mode refuses a new stdio server: said beside Add, the form kept, nothing saved', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await openSettings(page)
  const section = page.getByRole('region', { name: 'Tools' })
  await section.getByLabel('Name', { exact: true }).fill('Test tools')
  await section.getByLabel('Command', { exact: true }).fill(process.execPath)
  await section.getByLabel('Arguments', { exact: true }).fill(testServerScript)
  await section.getByRole('button', { name: 'Add server' }).click()
  await expect(section.getByRole('alert')).toContainText('Not saved: the tool server’s command was not allowed.')
  await expect(section.getByLabel('Command', { exact: true })).toHaveValue(process.execPath)
  await expect(section.getByText('No server yet. Add one below.')).toBeVisible()
  const settings = await browserModeClient(app).invoke<{ settings: { tools: { servers: unknown[] } } }>(
    'settings:get',
    undefined,
  )
  expect(settings.settings.tools.servers).toEqual([])
  expect(app.output()).toContain('Refused the tool server “Test tools”')
})

test('a server that cannot start: the question is answered without it, the user told once, Settings shows why with Retry', async ({
  page,
  gateway,
}) => {
  test.setTimeout(90_000)
  const app = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: gateway.apiKey, allowToolCommands: true })
  try {
    const broken = stdioTestServer({
      id: 'broken',
      name: 'Broken tools',
      args: ['-e', 'console.error("cannot open config.toml"); process.exit(1)'],
    })
    await browserModeClient(app).invoke('settings:set', {
      tools: { ...defaultToolSettings, servers: [stdioTestServer(), broken], enabledByDefault: true },
    })
    await page.goto(app.url)
    const message = page.getByRole('textbox', { name: 'Message' })
    const notice = page.getByText('The tool server “Broken tools” could not start', { exact: true })
    await message.fill('Một')
    await page.keyboard.press('Enter')
    await expect(notice).toBeVisible({ timeout: 20_000 })
    await expect(page.getByText(/Echo: “Một”/)).toBeVisible({ timeout: 20_000 })
    await page.getByRole('button', { name: 'Dismiss' }).click()
    await expect(notice).toHaveCount(0)
    // The first answer has ended (its text shows while it still streams).
    await expect(page.locator('.composer-actions').getByRole('button', { name: 'Send' })).toBeVisible()
    await message.fill('Hai')
    await page.keyboard.press('Enter')
    await expect(page.getByText(/Echo: “Hai”/)).toBeVisible({ timeout: 20_000 })
    // Told once: the second question, answered without it too, brings no second notice.
    await expect(notice).toHaveCount(0)

    await openSettings(page)
    const section = page.getByRole('region', { name: 'Tools' })
    await expect(section.getByRole('alert')).toContainText('cannot open config.toml')
    await section.getByRole('button', { name: 'Retry' }).click()
    await expect(section.getByRole('alert')).toContainText('cannot open config.toml')
    expect(await seriousViolations(page)).toEqual([])
  } finally {
    await app.stop()
  }
})
