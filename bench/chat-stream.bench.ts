/**
 * Main-process CPU per 1,000 deltas: the whole ChatService path (SDK chunk → coalescing → event
 * serialisation as IPC/SSE does it) against the bare SDK iterating the same local stream, side by
 * side in one run, alternating rounds so both see the same machine state.
 *
 * The fake gateway runs in a child process so its CPU is not counted.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import OpenAI from 'openai'
import { ChatService } from '../src/main/chat/chat-service'
import { createLogger } from '../src/main/log'

const deltas = 20_000
const rounds = 7
const message = `[[tokens=${deltas}]] benchmark`

const gatewayProcess = spawn(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, '../test/fake-gateway/cli.ts')],
  {
    env: { ...process.env, FAKE_GATEWAY_PORT: '0', FAKE_GATEWAY_DELAY_MS: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
)
const baseURL = await new Promise<string>((resolve) => {
  let output = ''
  gatewayProcess.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    const match = /on (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(output)
    if (match) resolve(match[1]!)
  })
})
const apiKey = 'sk-fake-holysheep-key'

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

async function bareSdk(): Promise<{ cpu: number; events: number; chars: number }> {
  const start = process.cpuUsage()
  const client = new OpenAI({ apiKey, baseURL, maxRetries: 0 })
  const stream = await client.chat.completions.create({
    model: 'gpt-4.1',
    messages: [{ role: 'user', content: message }],
    stream: true,
    stream_options: { include_usage: true },
  })
  let chars = 0
  for await (const chunk of stream) chars += chunk.choices[0]?.delta?.content?.length ?? 0
  return { cpu: cpuMs(start), events: 0, chars }
}

async function chatService(): Promise<{ cpu: number; events: number; chars: number }> {
  let events = 0
  let serialisedBytes = 0
  const service = new ChatService({
    connection: () => ({ apiKey, baseURL }),
    defaults: () => ({ model: 'gpt-4.1', temperature: null, maxTokens: null, systemPrompt: '' }),
    // What both transports do with an event: structured clone (IPC) or JSON (SSE). JSON is the dearer.
    emit: (event) => {
      events++
      serialisedBytes += JSON.stringify(event).length
    },
    log: createLogger({ level: 'error' }),
    maxRetries: 0,
  })
  const start = process.cpuUsage()
  const started = service.send({ messages: [{ role: 'user', content: message }] })
  if (!started.ok) throw new Error(started.error.message)
  const outcome = await started.value.finished
  if (serialisedBytes === 0) throw new Error('nothing was serialised')
  return { cpu: cpuMs(start), events, chars: outcome.text.length }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

try {
  await bareSdk() // warm-up: JIT and connection pool for both paths
  await chatService()
  const bare: number[] = []
  const full: number[] = []
  let events = 0
  for (let round = 0; round < rounds; round++) {
    const a = await bareSdk()
    const b = await chatService()
    if (a.chars !== b.chars) throw new Error(`text differs: ${a.chars} vs ${b.chars} characters`)
    bare.push(a.cpu)
    full.push(b.cpu)
    events = b.events
  }
  const perThousand = (ms: number) => (ms / deltas) * 1000
  const bareMs = perThousand(median(bare))
  const fullMs = perThousand(median(full))
  console.log(`\nChat stream path, ${deltas} deltas per run, median of ${rounds} alternating runs`)
  console.table([
    { path: 'bare openai SDK iterating the stream', 'CPU ms / 1,000 deltas': bareMs.toFixed(2) },
    { path: 'ChatService (coalesce + serialise)', 'CPU ms / 1,000 deltas': fullMs.toFixed(2), events: events },
  ])
  console.log(`ratio ChatService / bare SDK: ${(fullMs / bareMs).toFixed(2)}× (goal ≤ 1.5×)`)
} finally {
  gatewayProcess.kill()
}
