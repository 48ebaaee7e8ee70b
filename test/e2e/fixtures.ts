import { test as base } from '@playwright/test'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'

interface Fixtures {
  gateway: FakeGateway
  /** Browser mode with the gateway's key in HOLYSHEEP_API_KEY, as a user with a .env would run it. */
  app: BrowserModeProcess
}

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  gateway: async ({}, use) => {
    const gateway = await startFakeGateway({ tokenDelayMs: 25 })
    await use(gateway)
    await gateway.close()
  },
  app: async ({ gateway }, use) => {
    const app = await startBrowserMode({ baseURL: gateway.baseURL, apiKey: gateway.apiKey })
    await use(app)
    await app.stop()
  },
})

export { expect } from '@playwright/test'
