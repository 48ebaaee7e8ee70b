/**
 * The streaming path in main, measured side by side in one run:
 *
 * 1. CPU per 1,000 deltas: the bare openai SDK iterating a local stream; ChatService (coalescing and
 *    JSON serialisation of each event, as browser mode's SSE does); and the whole core (the same plus
 *    ConversationChat writing the answer to a real SQLite file as it streams). Alternating rounds,
 *    so every path sees the same machine state. Goal: whole path ≤ 1.5× the bare SDK.
 * 2. At ~2,000 deltas/s: delta events per second and the gap between bytes arriving from the socket
 *    and the event that carries them (goal: about one event per 16 ms frame, no backlog).
 * 3. Heap after garbage collection before and after 1,000 streams through the whole core (a third
 *    stopped mid-answer, a third failing). Goal: < 5 MB growth.
 *
 * The fake gateway runs in a child process so its CPU is not counted.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import OpenAI from 'openai'
import { ChatService } from '../src/main/chat/chat-service'
import { createLogger } from '../src/main/log'
import { startBenchCore } from './support/bench-core'
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process'

const deltas = 20_000
const rounds = 7
const fastMessage = `[[tokens=${deltas}]] benchmark`

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!

async function bareSdk(gateway: GatewayProcess): Promise<{ cpu: number; chars: number }> {
  const start = process.cpuUsage()
  const client = new OpenAI({ apiKey: gateway.apiKey, baseURL: gateway.baseURL, maxRetries: 0 })
  const stream = await client.chat.completions.create({
    model: 'gpt-4.1',
    messages: [{ role: 'user', content: fastMessage }],
    stream: true,
    stream_options: { include_usage: true },
  })
  let chars = 0
  for await (const chunk of stream) chars += chunk.choices[0]?.delta?.content?.length ?? 0
  return { cpu: cpuMs(start), chars }
}

function chatServiceRunner(gateway: GatewayProcess) {
  let serialisedBytes = 0
  const service = new ChatService({
    connection: () => gateway,
    defaults: () => ({ model: 'gpt-4.1', temperature: null, maxTokens: null, systemPrompt: '' }),
    emit: (event) => (serialisedBytes += JSON.stringify(event).length),
    log: createLogger({ level: 'error' }),
    maxRetries: 0,
  })
  return async (): Promise<{ cpu: number; chars: number }> => {
    const start = process.cpuUsage()
    const started = service.send({ messages: [{ role: 'user', content: fastMessage }] })
    if (!started.ok) throw new Error(started.error.message)
    const outcome = await started.value.finished
    if (serialisedBytes === 0) throw new Error('nothing was serialised')
    return { cpu: cpuMs(start), chars: outcome.text.length }
  }
}

async function cpuPerThousandDeltas(gateway: GatewayProcess) {
  const bench = startBenchCore(gateway)
  const viaService = chatServiceRunner(gateway)
  const wholePath = async () => {
    const start = process.cpuUsage()
    const outcome = await bench.ask(fastMessage)
    return { cpu: cpuMs(start), chars: outcome.text.length }
  }
  try {
    // Warm-up: JIT, connection pools, the database's first pages.
    await bareSdk(gateway)
    await viaService()
    await wholePath()
    const cpu = { bare: [] as number[], service: [] as number[], whole: [] as number[] }
    for (let round = 0; round < rounds; round++) {
      const a = await bareSdk(gateway)
      const b = await viaService()
      const c = await wholePath()
      if (a.chars !== b.chars || a.chars !== c.chars)
        throw new Error(`text differs: ${a.chars}, ${b.chars}, ${c.chars} characters`)
      cpu.bare.push(a.cpu)
      cpu.service.push(b.cpu)
      cpu.whole.push(c.cpu)
    }
    const perThousand = (values: number[]) => (median(values) / deltas) * 1000
    const bare = perThousand(cpu.bare)
    console.log(`\n1. Main-process CPU, ${deltas} deltas per run, median of ${rounds} alternating runs`)
    console.table([
      { path: 'bare openai SDK iterating the stream', 'CPU ms / 1,000 deltas': bare.toFixed(2), ratio: '1.00×' },
      ...(
        [
          ['ChatService: coalesce + serialise', cpu.service],
          ['whole path: + SQLite persistence (core)', cpu.whole],
        ] as const
      ).map(([path, values]) => ({
        path,
        'CPU ms / 1,000 deltas': perThousand(values).toFixed(2),
        ratio: `${(perThousand(values) / bare).toFixed(2)}×`,
      })),
    ])
    console.log(`goal: whole path ≤ 1.5× the bare SDK`)
  } finally {
    await bench.close()
  }
}

/** Wraps fetch so every chunk of response bytes is time-stamped as it arrives from the socket. */
function timedFetch(onBytes: (at: number) => void): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init)
    if (!response.body) return response
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          onBytes(performance.now())
          controller.enqueue(chunk)
        },
      }),
    )
    return new Response(body, { status: response.status, headers: response.headers })
  }
}

async function latencyAtTwoThousandPerSecond(gateway: GatewayProcess) {
  // The oldest bytes not yet carried by an event: the gap is measured from them.
  let waitingSince: number | null = null
  const bench = startBenchCore(
    gateway,
    timedFetch((at) => (waitingSince ??= at)),
  )
  const gaps: number[] = []
  const eventTimes: number[] = []
  bench.onEvent = (event) => {
    if (event.type !== 'delta') return
    const now = performance.now()
    eventTimes.push(now)
    if (waitingSince !== null) gaps.push(now - waitingSince)
    waitingSince = null
  }
  try {
    await bench.ask('[[tokens=200]] [[delay=1]] [[per-tick=2]] warm-up')
    gaps.length = 0
    eventTimes.length = 0
    const tokens = 6000
    const outcome = await bench.ask(`[[tokens=${tokens}]] [[delay=1]] [[per-tick=2]] Tiếng Việt 🐑 pace`)
    if (outcome.status !== 'complete') throw new Error(`the paced stream ended ${outcome.status}`)
    const seconds = (eventTimes.at(-1)! - eventTimes[0]!) / 1000
    console.log(`\n2. ${tokens} tokens paced at ~2,000 deltas/s through the whole core`)
    console.table([
      {
        'deltas/s from the model': Math.round(tokens / seconds),
        'delta events/s': Math.round(eventTimes.length / seconds),
        'events for the stream': eventTimes.length,
        'gap p50 ms': percentile(gaps, 0.5).toFixed(1),
        'gap p99 ms': percentile(gaps, 0.99).toFixed(1),
        'worst gap ms': Math.max(...gaps).toFixed(1),
      },
    ])
    console.log('gap: from the first bytes of a batch arriving from the socket to the event that carries them')
  } finally {
    await bench.close()
  }
}

async function heapAcrossThousandStreams(gateway: GatewayProcess) {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const settle = async () => {
    for (let pass = 0; pass < 4; pass++) {
      gc()
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  const bench = startBenchCore(gateway)
  const statuses: Record<string, number> = {}
  const batch = async (from: number, size: number) => {
    const asked = []
    for (let index = from; index < from + size; index++) {
      const kind = index % 3
      const content =
        kind === 0
          ? '[[tokens=8]] ok'
          : kind === 1
            ? '[[tokens=400]] [[delay=5]] stop me'
            : '[[tokens=20]] [[drop=3]] break'
      asked.push(bench.ask(content, { stopAfterFirstDelta: kind === 1 }))
    }
    for (const outcome of await Promise.all(asked)) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1
  }
  try {
    // Concurrency is capped at 4 answers, as in the app.
    for (let from = 0; from < 30; from += 3) await batch(from, 3)
    for (const status of Object.keys(statuses)) delete statuses[status]
    await new Promise((resolve) => setTimeout(resolve, 4_500))
    await settle()
    const before = process.memoryUsage().heapUsed
    const started = performance.now()
    for (let from = 30; from < 1030; from += 3) await batch(from, Math.min(3, 1030 - from))
    const elapsed = (performance.now() - started) / 1000
    // Idle keep-alive sockets close after undici's 4 s; what is left after that was left by a stream.
    await new Promise((resolve) => setTimeout(resolve, 4_500))
    await settle()
    const after = process.memoryUsage().heapUsed
    const resources = process.getActiveResourcesInfo().filter((name) => name !== 'TTYWrap')
    console.log(
      `\n3. 1,000 streams through the whole core in ${elapsed.toFixed(1)} s (⅓ complete, ⅓ stopped, ⅓ broken mid-answer)`,
    )
    console.table([
      {
        'heap before MB': (before / 1_048_576).toFixed(2),
        'heap after MB': (after / 1_048_576).toFixed(2),
        'growth MB': ((after - before) / 1_048_576).toFixed(2),
        outcomes: Object.entries(statuses)
          .map(([status, count]) => `${count} ${status}`)
          .join(', '),
        'streams open': bench.core.chat.activeStreamCount,
        'handles left': resources.join(', '),
      },
    ])
    console.log('goal: growth < 5 MB')
  } finally {
    await bench.close()
  }
}

const gateway = await startGatewayProcess()
try {
  await cpuPerThousandDeltas(gateway)
  await latencyAtTwoThousandPerSecond(gateway)
  await heapAcrossThousandStreams(gateway)
} finally {
  gateway.stop()
}
