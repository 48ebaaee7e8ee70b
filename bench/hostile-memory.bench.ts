/**
 * Main's memory against hostile gateways (issue 19, items 3 and 4): the peak RSS of a process that
 * plays main (ChatService through the real SDK, every event serialised as browser mode's SSE does)
 * while the fake gateway (in its own process) sends one SSE line that never ends, or 64 KB deltas
 * forever, and the RSS after Stop and a GC. Each case runs in a fresh child process, so peaks do not
 * mix. A case not ended by the app is stopped after `maxSeconds`.
 *
 * Side by side: this tree, and with BENCH_BASELINE_SRC=<a src folder of an older commit> that commit's
 * ChatService too (for the figures before the caps: `git archive <commit> src | tar -x -C <dir>`, with
 * <dir> inside this checkout so its imports resolve).
 *
 *   npx tsx bench/hostile-memory.bench.ts
 */
import { spawn } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type * as ChatServiceModule from '../src/main/chat/chat-service'
import type * as LogModule from '../src/main/log'
import { startGatewayProcess } from './support/gateway-process'

const maxSeconds = 15
const cases = [
  { name: 'endless SSE line', content: '[[endless-line=1]] go' },
  { name: '64 KB deltas forever', content: '[[big-deltas=65536]] go' },
]
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

interface Figures {
  peakRss: number
  rssAfter: number
  seconds: number
  ending: string
  chars: number
}

async function child(srcRoot: string, baseURL: string, apiKey: string, content: string): Promise<Figures> {
  const { ChatService } = (await import(
    pathToFileURL(`${srcRoot}/main/chat/chat-service.ts`).href
  )) as typeof ChatServiceModule
  const { createLogger } = (await import(pathToFileURL(`${srcRoot}/main/log.ts`).href)) as typeof LogModule
  let peakRss = process.memoryUsage.rss()
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20)
  let serialised = 0
  const chat = new ChatService({
    connection: () => ({ apiKey, baseURL }),
    defaults: () => ({ model: 'gpt-4.1', temperature: null, maxTokens: null, systemPrompt: '' }),
    emit: (event) => (serialised += JSON.stringify(event).length),
    log: createLogger({ level: 'error' }),
    maxRetries: 0,
  })
  const started = Date.now()
  const sent = chat.send({ messages: [{ role: 'user', content }] })
  if (!sent.ok) throw new Error(sent.error.message)
  const timer = setTimeout(() => chat.stop(sent.value.streamId), maxSeconds * 1000)
  // The outcome (with the text) lives only in this function, as history lets go of it once stored;
  // whatever is still held after the GC below is the stream's.
  const { seconds, ending, chars } = await (async () => {
    const outcome = await sent.value.finished
    clearTimeout(timer)
    return {
      seconds: (Date.now() - started) / 1000,
      ending: outcome.error ? outcome.error.kind : outcome.status,
      chars: outcome.text.length,
    }
  })()
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
  clearInterval(sampler)
  await new Promise((resolve) => setTimeout(resolve, 500))
  ;(globalThis as { gc?: () => void }).gc?.()
  await new Promise((resolve) => setTimeout(resolve, 200))
  return { peakRss, rssAfter: process.memoryUsage.rss(), seconds, ending, chars }
}

async function runChild(srcRoot: string, baseURL: string, apiKey: string, content: string): Promise<Figures> {
  const self = fileURLToPath(import.meta.url)
  const processChild = spawn(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', self, 'child', srcRoot, baseURL, apiKey, content],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let output = ''
  processChild.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await new Promise((resolve) => processChild.once('exit', resolve))
  return JSON.parse(output.trim().split('\n').at(-1)!) as Figures
}

/** For `npm run bench`: this tree's figures (and the baseline's, when BENCH_BASELINE_SRC names one). */
export async function runHostileMemoryBench(): Promise<void> {
  await main()
}

if (process.argv[2] === 'child') {
  const [, , , srcRoot, baseURL, apiKey, content] = process.argv
  const figures = await child(srcRoot!, baseURL!, apiKey!, content!)
  process.stdout.write(`${JSON.stringify(figures)}\n`)
  process.exit(0)
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main()
}

async function main(): Promise<void> {
  const gateway = await startGatewayProcess()
  const trees = [
    ...(process.env.BENCH_BASELINE_SRC ? [{ label: 'baseline', src: process.env.BENCH_BASELINE_SRC }] : []),
    { label: 'this tree', src: fileURLToPath(new URL('../src', import.meta.url)) },
  ]
  const rows: string[][] = []
  try {
    for (const { name, content } of cases)
      for (const tree of trees) {
        const figures = await runChild(tree.src, gateway.baseURL, gateway.apiKey, content)
        rows.push([
          name,
          tree.label,
          mb(figures.peakRss),
          mb(figures.rssAfter),
          `${figures.seconds.toFixed(1)} s`,
          figures.ending,
          String(figures.chars),
        ])
      }
  } finally {
    gateway.stop()
  }
  const header = ['case', 'code', 'peak RSS', 'RSS after end + GC', 'time to end', 'ended as', 'answer chars']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')
  process.stdout.write(`\nMain's memory against hostile gateways (stopped after ${maxSeconds} s if not ended)\n`)
  process.stdout.write(`${line(header)}\n${rows.map(line).join('\n')}\n`)
}
