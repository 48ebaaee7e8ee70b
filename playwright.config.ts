import { defineConfig } from '@playwright/test'
import { chromiumPath } from './scripts/browser-finder.mjs'

/**
 * UI tests in Debian's Chromium against browser mode (the built app served by `out/main/web.js`).
 * The browser is found (or installed) by scripts/browser-finder.mjs; `npm run test:e2e` provisions it first.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  // On CI one more try, so a browser hiccup on a loaded machine (a page detached mid-reload, seen once in
  // 127) does not sink a whole run; a test that passes only on its retry is listed as flaky in the
  // output, to be fixed, and a test that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  timeout: 45_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      // The sandbox cannot start as root (CI); background networking would try the closed internet.
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
})
