/**
 * Renderer bench: a 100,000-character markdown answer (prose, lists, tables, code) streamed at 2,000
 * deltas/s into the app's real markdown components in real Chromium, incremental (block splitter,
 * finished blocks memoised) against naive (the whole message through react-markdown on every delta),
 * side by side in one run. The bench page (bench/renderer/) is built with Vite and served on 127.0.0.1.
 *
 * Figures: frame work (render + commit + layout of one frame, ms) p50/p95 and the interval between
 * frames p95, over the frames while the answer is near 1k, 10k and 100k characters; and the time to
 * render one delta (median of single deltas) at those lengths. The same for an answer that is one long
 * code block, one dense with math, and one with ten Mermaid diagrams (drawn in the sandboxed frame, as in
 * the app, while the answer streams).
 *
 * Then the hostile answers of issue 19 (test/fake-gateway/hostile.ts, the sizes), each drawn
 * whole as a reopened conversation and streamed in 32 KB a frame: time to usable, worst frame, heap peak.
 */
import react from '@vitejs/plugin-react'
import { createServer } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium, type Page } from 'playwright-core'
import sirv from 'sirv'
import { build } from 'vite'
import { hostileKinds } from '../test/fake-gateway/hostile'
import type { BenchWindow, Content, Frame, Mode } from './renderer-bench-types'
import { chromiumPath } from '../scripts/browser-finder.mjs'
import { mermaidFramePage, mermaidFramePlugin } from '../scripts/mermaid-frame-page'

const totalChars = 100_000
const deltasPerSecond = 2_000
const checkpoints = [1_000, 10_000, 100_000]
/** Which frames count as "at" a checkpoint: by the characters on screen after the frame. */
const windows: Record<number, [number, number]> = {
  1_000: [0, 2_000],
  10_000: [5_000, 15_000],
  100_000: [90_000, 100_001],
}

const quantile = (values: number[], q: number) => {
  if (!values.length) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}
const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(2))

export async function runRendererBench(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'renderer-bench-'))
  await build({
    root: join(import.meta.dirname, 'renderer'),
    base: './',
    // The diagram frame's page beside the bench page, as beside the app's.
    plugins: [react(), mermaidFramePlugin(mermaidFramePage(join(import.meta.dirname, '..')))],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
  const serve = sirv(outDir)
  const server = createServer((request, response) => serve(request, response))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 800 } })
    await page.goto(`http://127.0.0.1:${port}/index.html`)
    await page.waitForFunction(() => 'rendererBench' in globalThis)
    const perDelta = (mode: Mode, content: Content, at: number, samples: number) =>
      page.evaluate(
        ([m, c, total, a, n]) => (globalThis as unknown as BenchWindow).rendererBench.perDelta(m, c, total, a, n),
        [mode, content, totalChars, at, samples] as const,
      )
    const stream = (mode: Mode, content: Content) =>
      page.evaluate(
        ([m, c, total, rate]) => (globalThis as unknown as BenchWindow).rendererBench.stream(m, c, total, rate),
        [mode, content, totalChars, deltasPerSecond] as const,
      )

    // Warm-up: JIT and grammars for both paths.
    await perDelta('incremental', 'mixed', 10_000, 20)
    await perDelta('naive', 'mixed', 10_000, 20)

    // `tsx bench/renderer-stream.bench.ts math compare` measures those parts only.
    const parts = process.argv.slice(2)
    const only = parts.filter((arg): arg is Content => ['mixed', 'code', 'math', 'diagrams'].includes(arg))
    for (const content of parts.length ? only : (['mixed', 'code', 'math', 'diagrams'] as const)) {
      const rows: Record<string, string | number>[] = []
      const delta: Record<Mode, Record<number, number>> = { incremental: {}, naive: {} }
      const frameP95: Record<Mode, Record<number, number>> = { incremental: {}, naive: {} }
      const drawn: Partial<Record<Mode, ReturnType<BenchWindow['rendererBench']['drawnDiagrams']>>> = {}
      for (const mode of ['incremental', 'naive'] as const) {
        for (const at of checkpoints)
          delta[mode][at] = quantile(await perDelta(mode, content, at, mode === 'naive' && at > 10_000 ? 20 : 60), 0.5)
        const frames: Frame[] = await stream(mode, content)
        if (content === 'diagrams')
          drawn[mode] = await page.evaluate(() => (globalThis as unknown as BenchWindow).rendererBench.drawnDiagrams())
        for (const at of checkpoints) {
          const [from, to] = windows[at]!
          const near = frames.filter((frame) => frame.chars >= from && frame.chars < to)
          const work = near.map((frame) => frame.work)
          frameP95[mode][at] = quantile(work, 0.95)
          rows.push({
            renderer: mode,
            chars: at.toLocaleString('en'),
            frames: near.length,
            'deltas/frame': (near.reduce((sum, frame) => sum + frame.deltas, 0) / Math.max(1, near.length)).toFixed(1),
            'frame work p50 ms': ms(quantile(work, 0.5)),
            'frame work p95 ms': ms(frameP95[mode][at]),
            'frame interval p95 ms': ms(
              quantile(
                near.map((frame) => frame.interval),
                0.95,
              ),
            ),
            'one delta ms (median)': ms(delta[mode][at]!),
          })
        }
      }
      const what =
        content === 'mixed'
          ? 'markdown answer (prose, lists, tables, code)'
          : content === 'code'
            ? 'answer that is one long code block'
            : content === 'math'
              ? 'answer dense with math (a formula every ~300 characters; naive: remark-math + rehype-katex)'
              : 'markdown answer with ten Mermaid diagrams (drawn in the sandboxed frame while it streams)'
      console.log(
        `\nRenderer: ${totalChars.toLocaleString('en')}-character ${what} at ${deltasPerSecond.toLocaleString('en')} deltas/s in Chromium`,
      )
      console.table(rows)
      const growth = delta.incremental[100_000]! / delta.incremental[1_000]!
      const speedup = delta.naive[100_000]! / delta.incremental[100_000]!
      const worstFrame = Math.max(...checkpoints.map((at) => frameP95.incremental[at]!))
      console.log(`incremental frame work p95, worst window: ${ms(worstFrame)} ms (goal ≤ 16.7 ms)`)
      console.log(`incremental one delta at 100k / at 1k: ${growth.toFixed(2)}× (goal ≤ 2×)`)
      console.log(`naive / incremental, one delta at 100k: ${speedup.toFixed(1)}× (goal ≥ 10×)`)
      for (const mode of content === 'diagrams' ? (['incremental', 'naive'] as const) : []) {
        const { atEnd, all, allAfterMs } = drawn[mode]!
        console.log(
          `${mode}: diagrams drawn as images when the stream ended ${atEnd} of 10, all ${all} ${ms(allAfterMs)} ms after`,
        )
      }
    }
    if (!parts.length || parts.includes('compare')) await compareBench(page)
    if (!parts.length) await hostileBench(page)
  } finally {
    await browser.close()
    server.close()
    await rm(outDir, { recursive: true, force: true })
  }
}

/** Each compared answer's length: a long answer, as four models write for a hard question. */
const compareChars = 20_000

/** Issue 15: Compare with 2 and 4 models streaming at 2,000 deltas/s each into the real columns. */
async function compareBench(page: Page): Promise<void> {
  const rows: Record<string, string | number>[] = []
  let worst = 0
  for (const models of [1, 2, 4]) {
    const frames = await page.evaluate(
      ([m, c, rate]) => (globalThis as unknown as BenchWindow).rendererBench.compare(m, c, rate),
      [models, compareChars, deltasPerSecond] as const,
    )
    const work = frames.map((frame) => frame.work)
    if (models === 4) worst = quantile(work, 0.95)
    rows.push({
      models,
      frames: frames.length,
      'deltas/frame': (frames.reduce((sum, frame) => sum + frame.deltas, 0) / Math.max(1, frames.length)).toFixed(1),
      'frame work p50 ms': ms(quantile(work, 0.5)),
      'frame work p95 ms': ms(quantile(work, 0.95)),
      'frame interval p95 ms': ms(
        quantile(
          frames.map((frame) => frame.interval),
          0.95,
        ),
      ),
    })
  }
  console.log(
    `\nCompare (issue 15): answers of ${compareChars.toLocaleString('en')} characters each, ${deltasPerSecond.toLocaleString('en')} deltas/s per model, into the real columns in Chromium`,
  )
  console.table(rows)
  console.log(`4 models, frame work p95: ${ms(worst)} ms (goal ≤ 16.7 ms)`)
}

/** Characters a frame when a hostile answer streams in (a fast gateway, coalesced per frame by main). */
const hostilePerFrame = 32_768

/**
 * The same shapes just inside the formatting bounds (format-limits.ts), so still formatted: the most a
 * block can cost. Sizes as hostile.ts counts them (repeats, characters, rows or depth).
 */
const atTheBounds: Record<string, number> = {
  'nested-quotes': 24,
  'deep-lists': 24,
  'indented-lists': 24,
  emphasis: 600,
  'long-word': 10_000,
  'long-code': 100_000,
  'big-table': 14,
}

async function hostileBench(page: Page): Promise<void> {
  const rows: Record<string, string | number>[] = []
  let worst = 0
  const runs = [
    ...Object.keys(hostileKinds).map((kind) => ({ kind, size: undefined as number | undefined })),
    ...Object.entries(atTheBounds).map(([kind, size]) => ({ kind, size })),
  ]
  for (const { kind, size } of runs) {
    for (const how of ['reopen', 'stream'] as const) {
      const run = await page.evaluate(
        ([k, h, n, s]) => (globalThis as unknown as BenchWindow).rendererBench.hostile(k, h, n, s),
        [kind, how, hostilePerFrame, size] as const,
      )
      if (size === undefined) worst = Math.max(worst, run.worstFrameMs)
      rows.push({
        payload: size === undefined ? kind : `${kind} at the bound (${size.toLocaleString('en')})`,
        drawn: how,
        frames: run.frames,
        'time to usable ms': ms(run.usableMs),
        'worst frame ms': ms(run.worstFrameMs),
        'heap peak MB': run.heapPeakMb.toFixed(0),
      })
    }
  }
  console.log('\nRenderer: hostile answers (issue 19) through the real markdown components in Chromium')
  console.table(rows)
  console.log(`worst frame over the issue's hostile answers: ${ms(worst)} ms (goal: usable within about 1 s)`)
}

if (process.argv[1] === import.meta.filename) await runRendererBench()
