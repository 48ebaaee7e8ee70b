// `npm test` runs this before the UI tests: it finds the Chromium they drive, or installs one
// (see browser-finder.mjs for the order), and stops with one plain message when it cannot.
import { provisionBrowser, systemDeps } from './browser-finder.mjs'

try {
  provisionBrowser(systemDeps())
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
