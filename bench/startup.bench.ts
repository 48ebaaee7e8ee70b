/**
 * Renderer start-up (issue 14): from navigation to the first interactive chat view (the composer is
 * enabled and the newest conversation's title is in the sidebar) in real Chromium, with a history of
 * 10,000 conversations, served by browser mode as a user runs it. Also the JavaScript loaded before
 * the first contentful paint and by the time the view is interactive (decoded bytes, from resource timing).
 *
 * Side by side in one run: this checkout's build (`out/`, built by `npm run build`) and the app as it
 * was before issue 14 (commit `baselineCommit`, checked out and built in a temporary git worktree),
 * each against its own copy of the same generated history. Without git history (a shallow clone)
 * the baseline is skipped and said so.
 *
 * Alone: `npm run build && PATH=node_modules/node/bin:$PATH npx tsx bench/startup.bench.ts`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { HistoryStore } from '../src/main/history/history-store'
import { createLogger } from '../src/main/log'
import { startBrowserMode } from '../test/support/browser-mode'
import { makeBundle, TextGenerator } from './history-data'
import { chromiumPath } from '../scripts/browser-finder.mjs'

/** Main before issue 14's design system: the figures this round must not exceed. */
const baselineCommit = '61ae51c'
const conversations = 10_000
const runs = 5
const repoRoot = join(import.meta.dirname, '..')

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

/** A data folder with `conversations` short conversations (4 messages each); returns the newest title. */
function generateHistory(dataDir: string): string {
  const text = new TextGenerator(7)
  const { store } = HistoryStore.open({ path: join(dataDir, 'history.sqlite'), log: createLogger({ level: 'warn' }) })
  let start = Date.UTC(2026, 0, 1)
  let newestTitle = ''
  const bundles = []
  for (let index = 0; index < conversations; index++) {
    newestTitle = `Conversation ${index + 1}: ${text.text(3)}`
    bundles.push(makeBundle(text, 4, start, newestTitle))
    start += 600_000
  }
  store.importBundles(bundles)
  store.close()
  return newestTitle
}

/** Builds the baseline commit's app in a temporary worktree (sharing this checkout's node_modules). */
function buildBaseline(): { dir: string; webEntry: string } | null {
  try {
    execFileSync('git', ['cat-file', '-e', `${baselineCommit}^{commit}`], { cwd: repoRoot, stdio: 'ignore' })
  } catch {
    return null
  }
  const dir = mkdtempSync(join(tmpdir(), 'startup-baseline-'))
  execFileSync('git', ['worktree', 'add', '--detach', dir, baselineCommit], { cwd: repoRoot, stdio: 'ignore' })
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'))
  execFileSync(join(repoRoot, 'node_modules/.bin/electron-vite'), ['build'], { cwd: dir, stdio: 'ignore' })
  return { dir, webEntry: join(dir, 'out/main/web.js') }
}

interface StartupFigures {
  interactiveMs: number
  firstPaintMs: number
  jsBeforePaint: number
  jsAtInteractive: number
}

/** One cold start in a fresh browser context (empty cache): times and script bytes from the page itself. */
async function measureOnce(browser: Browser, url: string, newestTitle: string): Promise<StartupFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  // Before any app script: watch for the interactive chat view, and note the first paint.
  await page.addInitScript((title: string) => {
    const marks = { interactive: 0, firstPaint: 0 }
    ;(window as unknown as { __startup: typeof marks }).__startup = marks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entry.name === 'first-contentful-paint' && !marks.firstPaint) marks.firstPaint = entry.startTime
    }).observe({ type: 'paint', buffered: true })
    // Checked every 5 ms (requestAnimationFrame callbacks queued before the document exists are lost).
    const timer = setInterval(() => {
      const composer = document.querySelector('textarea')
      if (composer && !composer.disabled && document.body?.innerText.includes(title)) {
        marks.interactive = performance.now()
        clearInterval(timer)
      }
    }, 5)
  }, newestTitle)
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __startup: { interactive: number } }).__startup.interactive)
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const figures = await page.evaluate(() => {
    const marks = (window as unknown as { __startup: { interactive: number; firstPaint: number } }).__startup
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) =>
      new URL(entry.name).pathname.endsWith('.js'),
    )
    const paint = marks.firstPaint || marks.interactive
    return {
      interactiveMs: marks.interactive,
      firstPaintMs: marks.firstPaint,
      jsBeforePaint: scripts.filter((e) => e.responseEnd <= paint).reduce((sum, e) => sum + e.decodedBodySize, 0),
      jsAtInteractive: scripts
        .filter((e) => e.responseEnd <= marks.interactive)
        .reduce((sum, e) => sum + e.decodedBodySize, 0),
    }
  })
  await context.close()
  return figures
}

async function measureApp(browser: Browser, webEntry: string | undefined): Promise<StartupFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'startup-bench-'))
  try {
    const newestTitle = generateHistory(dataDir)
    // No gateway is needed to start; an address on this machine that nothing answers keeps it offline.
    const app = await startBrowserMode({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-bench', dataDir, webEntry })
    try {
      await measureOnce(browser, app.url, newestTitle) // warm the server's caches, not the browser's
      const samples: StartupFigures[] = []
      for (let run = 0; run < runs; run++) samples.push(await measureOnce(browser, app.url, newestTitle))
      return {
        interactiveMs: median(samples.map((sample) => sample.interactiveMs)),
        firstPaintMs: median(samples.map((sample) => sample.firstPaintMs)),
        jsBeforePaint: median(samples.map((sample) => sample.jsBeforePaint)),
        jsAtInteractive: median(samples.map((sample) => sample.jsAtInteractive)),
      }
    } finally {
      await app.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function runStartupBench(): Promise<void> {
  if (!existsSync(join(repoRoot, 'out/main/web.js'))) throw new Error('run `npm run build` first')
  console.log(`\nStart-up: building the baseline (${baselineCommit}, before issue 14)…`)
  const baseline = buildBaseline()
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  })
  try {
    const current = await measureApp(browser, undefined)
    const before = baseline ? await measureApp(browser, baseline.webEntry) : null
    const row = (name: string, figures: StartupFigures) => ({
      build: name,
      'interactive ms (median)': figures.interactiveMs.toFixed(0),
      'first contentful paint ms': figures.firstPaintMs.toFixed(0),
      'JS before first contentful paint': kb(figures.jsBeforePaint),
      'JS at interactive': kb(figures.jsAtInteractive),
    })
    console.log(
      `\nRenderer start-up in Chromium, ${conversations.toLocaleString('en')} conversations, median of ${runs} cold starts`,
    )
    console.table(before ? [row('before issue 14', before), row('this build', current)] : [row('this build', current)])
    if (before) {
      console.log(
        `interactive, this build / before: ${(current.interactiveMs / before.interactiveMs).toFixed(2)}× (goal ≤ 1×)`,
      )
      console.log(
        `JS before first contentful paint, this build / before: ${(current.jsBeforePaint / before.jsBeforePaint).toFixed(2)}× (goal ≤ 1×)`,
      )
    } else console.log(`baseline skipped: commit ${baselineCommit} is not in this clone's history`)
  } finally {
    await browser.close()
    if (baseline) {
      execFileSync('git', ['worktree', 'remove', '--force', baseline.dir], { cwd: repoRoot, stdio: 'ignore' })
      rmSync(baseline.dir, { recursive: true, force: true })
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runStartupBench()
