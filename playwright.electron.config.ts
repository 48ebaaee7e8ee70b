import { defineConfig } from '@playwright/test'

/**
 * The desktop app itself, through Playwright's `_electron`. Needs the Electron binary, which is
 * downloaded on first use from outside the npm registry, so it is not part of `npm test`:
 * run `npm run test:electron` on a machine with internet access.
 */
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  forbidOnly: true,
  timeout: 60_000,
  reporter: [['list']],
})
