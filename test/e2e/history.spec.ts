import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { planReply } from '../fake-gateway/reply'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'
import { importFile } from './import-file'
import { expect, test } from './fixtures'

const chatgptSample = join(import.meta.dirname, '../fixtures/chatgpt-conversations.json')

async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text)
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' }).last()
  await expect(answer.locator('.meta')).toBeVisible({ timeout: 15_000 })
}

const conversationList = (page: Page) => page.getByRole('list', { name: 'Conversations' })
/** Export and import results arrive as toasts, in the one notifications region (its name is translated). */
const toasts = (page: Page) => page.getByRole('region', { name: /Notifications|Thông báo/ }).getByRole('listitem')

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

test('two conversations survive a restart, open with their text, and search finds the first', async ({
  page,
  app,
  gateway,
}) => {
  await page.goto(app.url)
  await send(page, '[[tokens=6]] Tôi muốn học tiếng Việt về con trâu')
  await page.getByRole('button', { name: 'New chat' }).click()
  await expect(page.getByRole('log').getByRole('article')).toHaveCount(0)
  await send(page, '[[tokens=6]] Second chat about regex')

  await app.stop()
  const again = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir: app.dataDir })
  try {
    await page.goto(again.url)
    const items = conversationList(page).getByRole('listitem')
    await expect(items).toHaveCount(2)
    // Newest first.
    await expect(items.nth(0)).toHaveAccessibleName('[[tokens=6]] Second chat about regex')
    await expect(items.nth(1)).toHaveAccessibleName('[[tokens=6]] Tôi muốn học tiếng Việt về con trâu')

    await items.nth(1).getByRole('button').first().click()
    const log = page.getByRole('log')
    await expect(log.getByRole('article', { name: 'You' }).locator('.text')).toHaveText(
      '[[tokens=6]] Tôi muốn học tiếng Việt về con trâu',
    )
    const firstAnswer = planReply('[[tokens=6]] Tôi muốn học tiếng Việt về con trâu', null).tokens.join('').trim()
    await expect(log.getByRole('article', { name: 'Assistant' }).locator('.text')).toHaveText(firstAnswer)
    await conversationList(page).getByRole('listitem').nth(0).getByRole('button').first().click()
    await expect(log.getByRole('article', { name: 'You' }).locator('.text')).toHaveText(
      '[[tokens=6]] Second chat about regex',
    )

    // Without diacritics, and the hit opens the first conversation at its message.
    await page.getByRole('searchbox', { name: 'Search' }).fill('con trau')
    const hit = page.getByRole('list', { name: 'Search results' }).getByRole('button').first()
    await expect(hit.locator('mark').first()).toHaveText(/con/i)
    await expect(hit).toContainText('Tôi muốn học tiếng Việt')
    await hit.click()
    await expect(log.getByRole('article', { name: 'You' }).locator('.text')).toHaveText(
      '[[tokens=6]] Tôi muốn học tiếng Việt về con trâu',
    )
    await expect(log.locator('.message.highlighted')).toBeVisible()

    // Escape clears the search and brings the list back, with the open conversation marked.
    await page.getByRole('searchbox', { name: 'Search' }).press('Escape')
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('')
    await expect(items.nth(1).getByRole('button').first()).toHaveAttribute('aria-current', 'page')
    await expect(items.nth(0).getByRole('button').first()).not.toHaveAttribute('aria-current', 'page')
  } finally {
    await again.stop()
  }
})

test('rename, pin to the top, delete with Undo', async ({ page, app }) => {
  await page.goto(app.url)
  await send(page, '[[tokens=3]] first')
  await page.keyboard.press('Control+n')
  await send(page, '[[tokens=3]] second')
  const items = conversationList(page).getByRole('listitem')
  await expect(items.nth(0)).toHaveAccessibleName('[[tokens=3]] second')

  await items.nth(1).hover()
  await items.nth(1).getByRole('button', { name: 'More actions' }).click()
  await page.getByRole('menuitem', { name: 'Rename' }).click()
  const title = page.getByRole('textbox', { name: 'New title' })
  await title.fill('Not this one')
  await title.press('Escape')
  await expect(title).not.toBeAttached()
  await expect(items.nth(1)).toHaveAccessibleName('[[tokens=3]] first')
  await expect(items.nth(1).getByRole('button').first()).toBeFocused()

  await items.nth(1).hover()
  await items.nth(1).getByRole('button', { name: 'More actions' }).click()
  await page.getByRole('menuitem', { name: 'Rename' }).click()
  await title.fill('Đổi tên rồi')
  await title.press('Enter')
  await expect(items.nth(1)).toHaveAccessibleName('Đổi tên rồi')

  await items.nth(1).hover()
  await items.nth(1).getByRole('button', { name: 'More actions' }).click()
  await page.getByRole('menuitem', { name: 'Pin' }).click()
  await expect(items.nth(0)).toHaveAccessibleName('Đổi tên rồi')
  await items.nth(0).getByRole('button', { name: 'More actions' }).click()
  await expect(page.getByRole('menuitem', { name: 'Unpin' })).toBeVisible()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  await expect(items).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(items).toHaveCount(2)
  await expect(items.nth(0)).toHaveAccessibleName('Đổi tên rồi')

  // By keyboard alone: the row's More follows its title in the tab order, its menu opens on Enter,
  // and Undo takes the focus.
  await items.nth(1).getByRole('button').first().focus()
  await page.keyboard.press('Tab')
  await expect(items.nth(1).getByRole('button', { name: 'More actions' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitem', { name: 'Pin' })).toBeFocused()
  await page.keyboard.press('End')
  await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(items).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(items).toHaveCount(2)
})

test('a reload during an answer re-attaches and the answer completes', async ({ page, app }) => {
  await page.goto(app.url)
  const question = '[[tokens=120]] [[delay=25]] A long answer please'
  await page.getByRole('textbox', { name: 'Message' }).fill(question)
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect
    .poll(async () =>
      (await answer.locator('.text').count()) ? (await answer.locator('.text').innerText()).length : 0,
    )
    .toBeGreaterThan(40)

  await page.reload()
  await conversationList(page).getByRole('listitem').first().getByRole('button').first().click()
  const expected = planReply(question, null).tokens.join('').trim()
  await expect(answer.locator('.text')).toHaveText(expected, { timeout: 15_000 })
  await expect(answer.locator('.meta')).toBeVisible()
})

test('offline: history still lists, opens and searches; a send fails with Retry and keeps the message', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await send(page, '[[tokens=4]] lưu trữ ngoại tuyến')
  await app.stop()
  const offline: BrowserModeProcess = await startBrowserMode({
    baseURL: `http://127.0.0.1:${await closedPort()}/v1`,
    apiKey: 'sk-fake-holysheep-key',
    dataDir: app.dataDir,
  })
  try {
    await page.goto(offline.url)
    await conversationList(page).getByRole('listitem').first().getByRole('button').first().click()
    const log = page.getByRole('log')
    await expect(log.getByRole('article', { name: 'You' }).locator('.text')).toHaveText(
      '[[tokens=4]] lưu trữ ngoại tuyến',
    )
    await page.getByRole('searchbox', { name: 'Search' }).fill('ngoai tuyen')
    await expect(page.getByRole('list', { name: 'Search results' }).locator('mark').first()).toBeVisible()
    await page.getByRole('searchbox', { name: 'Search' }).fill('')

    await page.getByRole('textbox', { name: 'Message' }).fill('Bạn còn đó không?')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(log.getByRole('alert')).toContainText('Could not reach the gateway', { timeout: 20_000 })
    await expect(log.getByRole('article', { name: 'You' }).last().locator('.text')).toHaveText('Bạn còn đó không?')
    await expect(log.getByRole('button', { name: 'Try again' })).toBeVisible()
  } finally {
    await offline.stop()
  }
})

test('export a conversation as Markdown, import a ChatGPT export, refuse a broken file', async ({ page, app }) => {
  await page.goto(app.url)
  await send(page, '[[tokens=4]] xuất ra Markdown')
  await page.getByRole('button', { name: 'Export as Markdown' }).click()
  const download = page.getByRole('link', { name: 'Download' })
  await expect(download).toBeVisible()
  const href = await download.getAttribute('href')
  expect(href).toMatch(/^\/api\/download\/holysheep-.+\.md$/)
  const markdown = await page.evaluate(async (url) => (await fetch(url)).text(), href!)
  expect(markdown).toContain('# [[tokens=4]] xuất ra Markdown')
  expect(markdown).toContain('### You\n\n[[tokens=4]] xuất ra Markdown')

  await page.getByRole('button', { name: 'Settings' }).click()
  // The sample grows with the importer (branches, hidden and tool messages): follow its size, not a fixed count.
  const sample = JSON.parse(readFileSync(chatgptSample, 'utf8')) as { title: string }[]
  await importFile(page, chatgptSample)
  await expect(
    toasts(page).filter({ hasText: new RegExp(`Imported ${sample.length} conversations \\(\\d+ messages\\)\\.`) }),
  ).toBeVisible()
  for (const { title } of sample)
    await expect(conversationList(page).getByRole('listitem', { name: title, exact: true })).toBeVisible()

  const broken = JSON.parse(readFileSync(chatgptSample, 'utf8'))
  broken[0].mapping['c1-a2'].parent = 'missing-node'
  await importFile(page, {
    name: 'conversations.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  })
  await expect(toasts(page).filter({ hasText: 'Import failed' })).toContainText(
    '[0].mapping["c1-a2"].parent points to "missing-node"',
  )
  await expect(conversationList(page).getByRole('listitem')).toHaveCount(1 + sample.length)
})

test('a history file that is not a database is kept aside, and the user is told where', async ({ page, gateway }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'holysheep-e2e-'))
  writeFileSync(join(dataDir, 'history.sqlite'), 'this is not a SQLite database, just text '.repeat(200))
  const app = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir })
  try {
    await page.goto(app.url)
    const notice = page.getByRole('alert').filter({ hasText: 'Your history file could not be opened.' })
    await expect(notice).toContainText(`It was kept at ${dataDir}`)
    await expect(notice).toContainText('and a new one was started.')
    // The fresh history works.
    await send(page, '[[tokens=3]] a fresh start')
    await expect(conversationList(page).getByRole('listitem')).toHaveCount(1)
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await expect(notice).not.toBeAttached()
  } finally {
    await app.stop()
  }
})

test.describe('a Vietnamese browser importing', () => {
  test.use({ locale: 'vi-VN' })

  test('is told in Vietnamese that a ZIP or a UTF-16 file is not UTF-8 JSON, and nothing is imported', async ({
    page,
    app,
  }) => {
    await page.goto(app.url)
    // The token went into a cookie on the way in (a small page sets it and moves on to /): the address
    // bar and history never keep it.
    await expect.poll(() => new URL(page.url()).search).toBe('')
    await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click()
    await importFile(
      page,
      {
        name: 'chatgpt-export.zip',
        mimeType: 'application/zip',
        buffer: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(60)]),
      },
      'Nhập…',
    )
    await expect(toasts(page).filter({ hasText: 'Nhập thất bại' })).toContainText(
      'Đây là tệp nén ZIP, không phải tệp JSON.',
    )
    await importFile(
      page,
      {
        name: 'conversations.json',
        mimeType: 'application/json',
        buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(chatgptSample, 'utf8'), 'utf16le')]),
      },
      'Nhập…',
    )
    await expect(toasts(page).filter({ hasText: 'UTF-16' })).toContainText(
      'Tệp này là văn bản UTF-16. Hãy lưu lại dưới dạng JSON mã hóa UTF-8, rồi nhập lại.',
    )
    await expect(page.getByRole('list', { name: 'Các cuộc trò chuyện' }).getByRole('listitem')).toHaveCount(0)
  })
})
