/**
 * Attachments in real Chromium: paste an image (a large one, downscaled in the page before it is
 * sent), drop a PDF, see their thumbnail and chip with the token estimate, send, see the answer;
 * the fake gateway received the image part and the document block. In the transcript the image
 * opens in a dialog that Esc closes; an SVG is refused inline. axe stays at 0 serious/critical.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { pdfBytes, pngBytes } from '../support/file-bytes'
import { expect, test } from './fixtures'
import { importFile } from './import-file'

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

/** Fires a paste (on the message box) or a drop (on the composer) carrying one file, as the browser does. */
async function giveFile(page: Page, how: 'paste' | 'drop', name: string, type: string, bytes: Buffer) {
  const target = how === 'paste' ? page.getByRole('textbox', { name: 'Message' }) : page.locator('form.composer')
  await target.evaluate(
    (element, { how, name, type, base64 }) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([data], name, { type }))
      const init = { bubbles: true, cancelable: true }
      element.dispatchEvent(
        how === 'paste'
          ? new ClipboardEvent('paste', { ...init, clipboardData: transfer })
          : new DragEvent('drop', { ...init, dataTransfer: transfer }),
      )
    },
    { how, name, type, base64: bytes.toString('base64') },
  )
}

test('paste an image, drop a PDF, send them, and open the image from the transcript', async ({
  page,
  app,
  gateway,
}) => {
  await page.goto(app.url)
  // 3,000 px wide: downscaled to 2,048 in the page before it is sent.
  await giveFile(page, 'paste', 'ảnh chụp.png', 'image/png', pngBytes(3000, 600, 5))
  await giveFile(page, 'drop', 'báo cáo.pdf', 'application/pdf', pdfBytes(['Doanh thu tang', 'Chi phi giam']))
  const tray = page.locator('form.composer').getByRole('list', { name: 'Attachments' })
  await expect(tray.getByRole('listitem')).toHaveCount(2)
  await expect(tray.getByRole('listitem').nth(0).locator('img')).toBeVisible()
  await expect(tray.getByRole('listitem').nth(1)).toContainText('báo cáo.pdf')
  await expect(tray.getByRole('listitem').nth(1)).toContainText('2 pages')
  await expect(page.getByText(/Attachments: about [\d,]+ tokens/)).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])

  await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=6]] Xem giúp tôi')
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' })
  await expect(answer).toContainText('Echo', { timeout: 20_000 })
  await expect(tray).toHaveCount(0)

  const parts = gateway.requests.find((request) => request.parts)!.parts![0]!
  expect(parts.map((part) => part.type)).toEqual(['text', 'text', 'image_url'])
  expect(parts[0]).toMatchObject({ text: expect.stringContaining('<document name="báo cáo.pdf"') })
  expect(parts[0]).toMatchObject({ text: expect.stringContaining('Doanh thu tang') })
  const image = parts[2] as { mime: string; bytes: Buffer }
  expect(image.mime).toBe('image/png')
  // The PNG's IHDR: width and height after the 16-byte signature and chunk header.
  expect([image.bytes.readUInt32BE(16), image.bytes.readUInt32BE(20)]).toEqual([2048, 410])

  const question = page.getByRole('log').getByRole('article', { name: 'You' })
  await question.getByRole('button', { name: 'Open ảnh chụp.png' }).click()
  const viewer = page.getByRole('dialog', { name: 'ảnh chụp.png' })
  await expect(viewer.locator('img')).toBeVisible()
  await expect(viewer).toContainText('2,048 × 410')
  expect(await seriousViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(viewer).toHaveCount(0)
  await expect(question.getByRole('button', { name: 'Open báo cáo.pdf' })).toBeVisible()
})

test('an SVG is refused inline, named, and nothing is sent', async ({ page, app, gateway }) => {
  await page.goto(app.url)
  await giveFile(page, 'paste', 'logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))
  await expect(page.getByRole('alert')).toContainText('“logo.svg” is an SVG drawing')
  await page.getByRole('button', { name: 'Remove logo.svg' }).click()
  await expect(page.getByRole('list', { name: 'Attachments' })).toHaveCount(0)
  expect(gateway.requests.filter((request) => request.path.endsWith('/chat/completions'))).toEqual([])
})

test.describe('in the dark theme at 800×600', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 800, height: 600 } })

  test('axe finds nothing serious on the composer with files, one refused, nor on the viewer', async ({
    page,
    app,
  }) => {
    await page.goto(app.url)
    await giveFile(page, 'paste', 'màn hình.png', 'image/png', pngBytes(1200, 900, 2))
    await giveFile(page, 'drop', 'ghi chú.md', 'text/markdown', Buffer.from('# Ghi chú\n- một\n- hai\n'))
    await giveFile(page, 'paste', 'logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))
    const tray = page.locator('form.composer').getByRole('list', { name: 'Attachments' })
    await expect(tray.getByRole('listitem')).toHaveCount(3)
    await expect(tray.getByRole('listitem').nth(0).locator('img')).toBeVisible()
    await expect(page.getByRole('alert')).toContainText('logo.svg')
    await expect(page.getByText(/Attachments: about [\d,]+ tokens/)).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Remove logo.svg' }).click()
    await page.getByRole('textbox', { name: 'Message' }).fill('[[tokens=4]] Xem ảnh')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByRole('log').getByRole('article', { name: 'Assistant' })).toContainText('Echo', {
      timeout: 20_000,
    })
    const question = page.getByRole('log').getByRole('article', { name: 'You' })
    await question.getByRole('button', { name: 'Open màn hình.png' }).click()
    const viewer = page.getByRole('dialog', { name: 'màn hình.png' })
    await expect(viewer.locator('img')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await expect(viewer).toHaveCount(0)
  })
})

/** ChatGPT's conversations.json with one question that had two files (names only, no bytes). */
function chatGptFileWithAttachments(): Buffer {
  return Buffer.from(
    JSON.stringify([
      {
        title: 'Ảnh từ ChatGPT',
        create_time: 1730000000,
        mapping: {
          root: { id: 'root', message: null, parent: null, children: ['q'] },
          q: {
            id: 'q',
            parent: 'root',
            children: [],
            message: {
              author: { role: 'user' },
              create_time: 1730000001,
              content: { content_type: 'text', parts: ['Đây là gì?'] },
              metadata: { attachments: [{ name: 'mèo.jpg' }, { name: 'báo cáo.pdf' }] },
            },
          },
        },
      },
    ]),
  )
}

test('a ChatGPT import names in its summary the attachments it could not bring', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  await importFile(page, {
    name: 'conversations.json',
    mimeType: 'application/json',
    buffer: chatGptFileWithAttachments(),
  })
  const summary = page.getByRole('status').filter({ hasText: 'Imported 1 conversation (1 message).' })
  await expect(summary).toContainText('2 attachments were not imported')
  await expect(summary).toContainText('mèo.jpg, báo cáo.pdf')
  expect(await seriousViolations(page)).toEqual([])
})
