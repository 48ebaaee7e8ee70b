/**
 * Mermaid diagrams (issue 17) through the real parts: the fake gateway streams an answer of eight
 * ```mermaid fences over real HTTP and SSE, browser mode serves the real built frame page, real
 * Chromium draws each finished fence in the one sandboxed frame and the app shows the SVG as an <img>.
 * The app's own document keeps its policy: no CSP violation there, and nothing hostile runs.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { mermaidSources } from '../fake-gateway/rich-samples'
import { expect, test } from './fixtures'
import { ask, pwned, violations, watchViolations } from './page-watch'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

const clipboard = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  )

test('a streamed answer draws its diagrams as images, shows a broken one as source with the parser message, toggles the source and copies it', async ({
  page,
  app,
}) => {
  await watchViolations(page)
  const framePages: string[] = []
  page.on('request', (request) => {
    if (/mermaid-frame|MermaidBlock/.test(request.url())) framePages.push(new URL(request.url()).pathname)
  })
  await page.goto(app.url)
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()
  // Nothing of mermaid before the first diagram: no frame, no request for its page or the drawing's code.
  await expect(page.locator('iframe')).toHaveCount(0)
  expect(framePages).toEqual([])

  const answer = await ask(page, '[[mermaid]] [[delay=1]] diagrams please')
  const text = answer.locator('.text')
  const images = text.locator('img.md-diagram-image')
  // Six kinds drawn, and the hostile one (a flowchart too); the broken one is not an image.
  await expect(images).toHaveCount(7)
  await expect(text.getByRole('img', { name: 'Diagram (flowchart)' })).toHaveCount(2)
  for (const name of ['sequence', 'pie chart', 'class', 'state', 'Gantt'])
    await expect(text.getByRole('img', { name: `Diagram (${name})` })).toHaveCount(1)
  for (const image of await images.all()) {
    // Decoded as an SVG image of a real size (a malformed SVG would fail to decode), from a data: URL.
    expect(await image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;/)
    await image.scrollIntoViewIfNeeded()
    expect(
      await image.evaluate((element: HTMLImageElement) => element.decode().then(() => element.naturalWidth)),
    ).toBeGreaterThan(0)
  }
  // One frame for all of them, sandboxed to an opaque origin; no drawing entered the app's document.
  await expect(page.locator('iframe')).toHaveCount(1)
  await expect(page.locator('iframe.md-diagram-frame')).toHaveAttribute('sandbox', 'allow-scripts')
  expect(framePages.filter((path) => path === '/mermaid-frame.html')).toHaveLength(1)
  expect(framePages.filter((path) => path.includes('MermaidBlock'))).toHaveLength(1)
  await expect(text.locator('svg g, foreignObject, script')).toHaveCount(0)

  // The broken diagram: its source, marked, with the parser's message.
  const broken = text.locator('.code-block').filter({ has: page.locator('.md-diagram-error') })
  await expect(broken).toHaveCount(1)
  await expect(broken.locator('.md-diagram-error')).toContainText('This diagram could not be drawn')
  await expect(broken.locator('.md-diagram-message')).toContainText('Parse error on line')
  await expect(broken.locator('pre code')).toContainText('--> -->')

  // Show source swaps the first drawing for its code, and back; Copy copies the source either way.
  const first = text.locator('.code-block').first()
  await first.getByRole('button', { name: 'Show source' }).click()
  await expect(first.locator('pre code')).toContainText('A[Question] --> B{Clear?}')
  await expect(first.locator('img')).toHaveCount(0)
  await first.getByRole('button', { name: 'Show diagram' }).click()
  await expect(first.getByRole('img', { name: 'Diagram (flowchart)' })).toBeVisible()
  await first.getByRole('button', { name: 'Copy mermaid code' }).click()
  // Axe runs while Copy says "Copied" too: its name then says so as well (label-in-name).
  await expect(first.getByRole('button', { name: 'Copied', exact: true })).toBeVisible()
  await expect.poll(() => clipboard(page)).toBe(mermaidSources.flowchart)
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => [v.id, v.nodes.map((node) => node.target.join(' '))])).toEqual([])

  // The hostile diagram ran nothing, anywhere the app can see, and the app's policy refused nothing.
  expect(await pwned(page)).toBeNull()
  expect(await violations(page)).toEqual([])
})

test('diagrams follow the theme: switching to dark draws them again in the dark theme', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(app.url)
  const answer = await ask(page, '[[mermaid]] [[delay=0]] diagrams please')
  const image = answer.getByRole('img', { name: 'Diagram (sequence)' })
  await expect(image).toBeVisible()
  const light = await image.getAttribute('src')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(image).not.toHaveAttribute('src', light ?? '')
  await expect(image).toBeVisible()
  expect(decodeURIComponent((await image.getAttribute('src')) ?? '')).not.toBe(decodeURIComponent(light ?? ''))
})
