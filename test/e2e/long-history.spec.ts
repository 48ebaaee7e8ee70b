import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { importFile } from './import-file'

// Copy is checked by reading the clipboard back.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

const messageCount = 10_000
const rareWord = 'zebracorn'

/** Our JSON export of one conversation with 10,000 messages of varied heights; message 3 holds a rare word. */
function longExport(): Buffer {
  return Buffer.from(JSON.stringify(exportFile([conversation('Ten thousand messages', messageCount)])))
}

const start = Date.UTC(2026, 0, 1)

function conversation(title: string, count: number) {
  const messages = Array.from({ length: count }, (_, index) => {
    const number = index + 1
    const lines = number % 7 === 0 ? '\nwith a second line\nand a third' : ''
    return {
      id: randomUUID(),
      role: index % 2 === 0 ? 'user' : 'assistant',
      content: `Message #${number}.${number === 3 ? ` The ${rareWord} is here.` : ''}${lines}`,
      reasoning: null,
      status: 'complete',
      errorKind: null,
      errorMessage: null,
      model: index % 2 === 0 ? null : 'deepseek-v3.2',
      usage: null,
      costUsd: null,
      timings: null,
      createdAt: start + index * 1000,
      updatedAt: start + index * 1000,
    }
  })
  return {
    id: randomUUID(),
    title,
    createdAt: start,
    updatedAt: start + count * 1000,
    pinned: false,
    overrides: {},
    messages,
  }
}

function exportFile(conversations: ReturnType<typeof conversation>[]) {
  return { format: 'holysheep-chat', version: 1, exportedAt: new Date(start).toISOString(), conversations }
}

const article = (page: Page, number: number) =>
  page
    .getByRole('log')
    .getByRole('article')
    .filter({ hasText: `Message #${number}.` })

test('10,000 messages: a screenful in the DOM, older pages load in place, a search hit at the start is found', async ({
  page,
  app,
}) => {
  // Importing 10,000 messages first takes a few seconds of its own on a busy machine.
  test.setTimeout(90_000)
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  await importFile(page, {
    name: 'long.json',
    mimeType: 'application/json',
    buffer: longExport(),
  })
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 conversation (10,000 messages).' })).toBeVisible({
    timeout: 20_000,
  })
  await page.getByRole('button', { name: 'Chat', exact: true }).click()
  await page.getByRole('listitem', { name: 'Ten thousand messages' }).getByRole('button').first().click()

  // Opens at the end, with only the rows near the viewport in the DOM.
  const log = page.getByRole('log', { name: 'Conversation' })
  await expect(article(page, messageCount)).toBeInViewport()
  expect(await log.getByRole('article').count()).toBeLessThan(60)

  // At the top of the newest page, the page before it loads and the view stays on the same message.
  await log.evaluate((element) => (element.scrollTop = 0))
  const firstLoaded = messageCount - 99
  await expect(article(page, firstLoaded - 1)).toBeAttached()
  await expect(article(page, firstLoaded)).toBeInViewport()
  expect(await log.getByRole('article').count()).toBeLessThan(60)

  // A hit at the very start: older pages load until it is there, and it is shown highlighted.
  await page.getByRole('searchbox', { name: 'Search' }).fill(rareWord)
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click()
  const hit = article(page, 3)
  await expect(hit).toBeInViewport({ timeout: 15_000 })
  await expect(hit).toHaveClass(/highlighted/)
  expect(await log.getByRole('article').count()).toBeLessThan(60)

  // The same hit again, after scrolling away from it, goes back to it.
  await log.evaluate((element) => (element.scrollTop = element.scrollHeight / 2))
  await expect(hit).not.toBeAttached()
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click()
  await expect(hit).toBeInViewport()

  // Sending from up there brings the view down to the new answer and follows it.
  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=30]] Back to the end')
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = log.getByRole('article', { name: 'Assistant' }).last()
  await expect(answer.locator('.meta')).toBeInViewport({ timeout: 15_000 })
})

test('a big import shows its progress, and Cancel leaves nothing behind', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  const big = exportFile(Array.from({ length: 100 }, (_, index) => conversation(`Imported ${index + 1}`, 200)))
  await importFile(page, {
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(big)),
  })
  // The job is one toast, updated in place: its progress, then its result.
  const toasts = page.getByRole('region', { name: /Notifications/ }).getByRole('listitem')
  const job = toasts.filter({ has: page.getByRole('progressbar', { name: 'Importing' }) })
  await expect(job).toBeVisible()
  await expect(job).toContainText(/ of /)
  await job.getByRole('button', { name: 'Cancel' }).click()
  await expect(toasts.filter({ hasText: 'Import cancelled; nothing was imported.' })).toBeVisible()
  await page.getByRole('button', { name: 'Chat', exact: true }).click()
  await expect(page.getByText('No conversations yet.')).toBeVisible()
})

test('a message too long for one page comes cut, says so, and Show more reads on', async ({ page, app }) => {
  test.setTimeout(90_000)
  // An import can bring a message of any size; this one is 2.5 million characters of plain text.
  const long = conversation('One very long message', 2)
  const words = 'Một đoạn văn rất dài. '
  long.messages[0]!.content = words.repeat(Math.ceil(2_500_000 / words.length)).slice(0, 2_500_000)
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  await importFile(page, {
    name: 'long-message.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exportFile([long]))),
  })
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 conversation (2 messages).' })).toBeVisible({
    timeout: 20_000,
  })
  await page.getByRole('button', { name: 'Chat', exact: true }).click()
  await page.getByRole('listitem', { name: 'One very long message' }).getByRole('button').first().click()

  const question = page.getByRole('log').getByRole('article', { name: 'You' })
  // Only the note is read (the text itself is megabytes); drawing 2 million characters takes a while.
  const note = question.locator('.note')
  await expect(note).toContainText('showing the first 1,000,000 of 2,500,000 characters')
  // Copy copies the whole message, read from main, not the part shown.
  const clipboard = () =>
    page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    )
  await question.getByRole('button', { name: 'Copy message' }).click()
  await expect.poll(async () => (await clipboard()).length, { timeout: 20_000 }).toBe(2_500_000)
  expect((await clipboard()) === long.messages[0]!.content).toBe(true)
  // Too long to send edited: Edit says so instead of opening on the first million characters.
  const edit = question.getByRole('button', { name: 'Edit' })
  await expect(edit).toBeDisabled()
  await expect(edit).toHaveAccessibleDescription(
    'Too long to edit here: a message sent can have at most 1,000,000 characters.',
  )
  await note.getByRole('button', { name: 'Show more' }).click()
  await expect(note).toContainText('showing the first 2,000,000 of 2,500,000 characters', { timeout: 20_000 })
  await note.getByRole('button', { name: 'Show more' }).click()
  await expect(note).toHaveCount(0, { timeout: 20_000 })
  const shown = await question.locator('.text').evaluate((element) => element.textContent?.length ?? 0)
  expect(shown).toBe(2_500_000)
  await expect(edit).toBeDisabled()
})
