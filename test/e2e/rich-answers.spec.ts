/**
 * Math and footnotes (issue 17) through the real parts: the fake gateway streams the answer over real
 * HTTP and SSE, browser mode stores it, real Chromium draws it under the app's real CSP (MathML, so no
 * style attribute is needed). Hostile formulas run nothing: a global flag they would set stays unset,
 * and the page reports no CSP violation (nothing even tried to run or style itself).
 */
import AxeBuilder from '@axe-core/playwright'
import { mathSample } from '../fake-gateway/rich-samples'
import { expect, test } from './fixtures'
import { ask, pwned, violations, watchViolations } from './page-watch'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('a streamed answer draws inline and display math, keeps prices as text, marks a broken formula and copies the LaTeX', async ({
  page,
  app,
}) => {
  await watchViolations(page)
  await page.goto(app.url)
  const answer = await ask(page, '[[math]] [[delay=2]] math please')
  const text = answer.locator('.text')
  await expect(text.locator('math')).toHaveCount(5)
  await expect(text.locator('math[display=block]')).toHaveCount(3)
  await expect(text.locator('math annotation').first()).toHaveText('a^2 + b^2 = c^2')
  await expect(text.locator('math annotation').nth(2)).toHaveText('\\int_0^1 x\\,dx = \\frac{1}{2}')
  await expect(text.getByText('Giá: $5 and $10, hoặc từ $5-$10 mỗi tháng.')).toBeVisible()
  await expect(text.locator('.md-math-error')).toHaveText('$\\frac{1$')
  // The footnote: a superscript link to its definition at the end.
  await text.locator('sup.md-footnote-ref a').click()
  await expect(text.locator('.md-footnote')).toBeFocused()
  // A display formula wider than the answer scrolls inside itself; the answer does not widen.
  const wide = text.locator('.md-math--display').nth(2)
  expect(await wide.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
  expect(await text.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
  // Copy copies the answer's source: the LaTeX, not the drawing.
  await answer.getByRole('button', { name: 'Copy message' }).click()
  await expect
    .poll(() =>
      page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      ),
    )
    .toBe(mathSample)
  expect(await violations(page)).toEqual([])

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => [v.id, v.nodes.map((node) => node.target.join(' '))])).toEqual([])
})

test('hostile formulas run nothing, link nowhere and style nothing, also after a reload', async ({ page, app }) => {
  await watchViolations(page)
  await page.goto(app.url)
  const answer = await ask(page, '[[hostile-math]] [[delay=1]] hostile math')
  const text = answer.locator('.text')
  await expect(text.locator('math').first()).toBeVisible()
  const check = async () => {
    expect(await pwned(page)).toBeNull()
    expect(await violations(page)).toEqual([])
    await expect(text.locator('a, script, img, svg[onload], [style], [onerror], #y, .x')).toHaveCount(0)
    await expect(text).toContainText('<script>window.__pwned=3</script>')
  }
  await check()
  await page.reload()
  await page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('listitem', { name: /hostile math/ })
    .getByRole('button')
    .first()
    .click()
  await expect(text.locator('math').first()).toBeVisible()
  await check()
})

test('an HTML block previews in a sealed frame: its scripts run there, reach nothing of the app, its storage or the network; Esc closes', async ({
  page,
  app,
}) => {
  await watchViolations(page)
  await page.goto(app.url)
  const answer = await ask(page, '[[preview]] [[delay=1]] preview please')
  await answer.getByRole('button', { name: 'Preview' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Preview of the HTML code' })
  await expect(dialog).toBeVisible()
  const frame = dialog.frameLocator('iframe[title="Preview"]')
  await expect(frame.locator('#title')).toHaveText('Hello from the preview')
  await expect(frame.locator('#script')).toHaveText('ran')
  await expect(frame.locator('#onerror')).toHaveText('ran')
  await expect(frame.locator('#storage')).toHaveText('blocked')
  await expect(frame.locator('#parent')).toHaveText('blocked')
  await expect(frame.locator('#network')).toHaveText('blocked')
  expect(await pwned(page)).toBeNull()
  // Esc from inside the frame closes the dialog too.
  await frame.locator('#title').click()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await answer.getByRole('button', { name: 'Preview' }).nth(1).click()
  const svg = page.getByRole('dialog', { name: 'Preview of the SVG code' })
  await expect(svg.frameLocator('iframe[title="Preview"]').locator('#dot')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(svg).toBeHidden()
  expect(await pwned(page)).toBeNull()
  // The app's own document saw no script or network violation: the refusals happened inside the frame.
  // (Any Radix dialog's scroll lock inserts a <style> element, which the app's policy refuses: not the preview.)
  expect((await violations(page)).filter((violation) => !violation.startsWith('style-src-elem inline '))).toEqual([])
})
