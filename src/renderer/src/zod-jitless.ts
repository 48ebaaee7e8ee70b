import { config } from 'zod'

/**
 * zod probes whether it may compile validators with `Function('')`; the app's CSP forbids eval, so
 * the probe only fails, and Chromium reports a CSP violation each time. Jitless skips the probe (and
 * any eval). Imported first by main.tsx, before any schema runs.
 */
config({ jitless: true })
