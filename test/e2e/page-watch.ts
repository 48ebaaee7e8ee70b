import { expect, type Page } from '@playwright/test'

/** Before any app script: every CSP violation, and a flag hostile code would set. */
export async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(globalThis as unknown as { __violations: string[] }).__violations = seen
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sample} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      )
    })
  })
}

export const violations = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations)
export const pwned = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned ?? null)

/** Sends `text` and waits for the whole answer (its meta line appears once it is done). */
export async function ask(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text)
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' }).last()
  await expect(answer.locator('.meta')).toBeVisible()
  return answer
}
