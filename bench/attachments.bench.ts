/**
 * Attachments (issue 16), main's side, through the real core: a 12-megapixel photo as the renderer
 * sends it after downscaling (2,048 × 1,536 PNG) and the same photo kept original (4,000 × 3,000,
 * `keepOriginalImages`): `attachments:add` (type from the bytes, SHA-256, atomic write), then
 * `chat:send` until the SDK's request leaves main (the fetch call for /chat/completions, its body
 * built with the base64 image), and main's memory peak (RSS above the start, sampled every 2 ms).
 * Then a 300-page PDF: time to its text and page count in the worker, and main's event-loop delay
 * meanwhile (p95/max), which shows the parsing is off main's loop. The gateway runs in a child
 * process. Then the page's side, in real Chromium against browser mode (attachments-page.bench.ts):
 * time to thumbnail, to the request at the gateway, main's memory, and frame work while a PDF is read.
 *
 * Alone: `npm run build && PATH=node_modules/node/bin:$PATH npx tsx bench/attachments.bench.ts`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { pdfReader } from '../src/main/attachments/pdf-text'
import type { Attachment } from '../src/shared/attachments'
import type { ChatSendResponse } from '../src/shared/chat'
import { pdfBytes, pngBytes } from '../test/support/file-bytes'
import { pdfWorkerFromSource } from '../test/support/test-core'
import { runAttachmentsPageBench } from './attachments-page.bench'
import { startBenchCore } from './support/bench-core'
import { startGatewayProcess } from './support/gateway-process'

const runs = 5
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`

export async function runAttachmentsBench(): Promise<void> {
  const gateway = await startGatewayProcess()
  let requestLeftAt = 0
  const timedFetch: typeof fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).endsWith('/chat/completions'))
      requestLeftAt ||= performance.now()
    return fetch(input, init)
  }
  const bench = startBenchCore(gateway, timedFetch)
  const rows: string[][] = []
  try {
    for (const [label, width, height] of [
      ['12 MP photo, downscaled to 2,048 px (default)', 2048, 1536],
      ['12 MP photo, kept original', 4000, 3000],
    ] as const) {
      const photo = pngBytes(width, height, 11)
      const dataBase64 = photo.toString('base64')
      const adds: number[] = []
      const leaves: number[] = []
      const peaks: number[] = []
      for (let run = 0; run < runs; run++) {
        const bytes = Buffer.from(photo)
        bytes[bytes.length - 13] = run // a different file each run (in the IEND CRC), so nothing is de-duplicated
        const base = process.memoryUsage().rss
        let peak = base
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2)
        const started = performance.now()
        const added = await bench.core.dispatch('attachments:add', {
          name: 'photo.png',
          dataBase64: run === 0 ? dataBase64 : bytes.toString('base64'),
        })
        const addedAt = performance.now()
        if (!added.ok) throw new Error(added.error.message)
        const image = added.value as Attachment
        requestLeftAt = 0
        const sent = await bench.core.dispatch('chat:send', {
          conversationId: null,
          content: '[[tokens=3]] Mô tả ảnh',
          attachments: [{ id: image.id, name: image.name }],
        })
        if (!sent.ok || !(sent.value as ChatSendResponse).streamId) throw new Error('the send did not start')
        while (requestLeftAt === 0) await new Promise((resolve) => setTimeout(resolve, 1))
        clearInterval(sampler)
        peak = Math.max(peak, process.memoryUsage().rss)
        adds.push(addedAt - started)
        leaves.push(requestLeftAt - addedAt)
        peaks.push(peak - base)
        await bench.core.chat.stopAll()
      }
      rows.push([
        label,
        mb(photo.length),
        `${median(adds).toFixed(1)} ms`,
        `${median(leaves).toFixed(1)} ms`,
        `${mb(Math.max(...peaks))}`,
      ])
    }
    console.log('\nAttachments: an image through main (median of 5; memory: worst run)')
    console.table(
      rows.map(([what, size, add, leave, memory]) => ({
        what,
        'file size': size,
        'attachments:add': add,
        'send → request leaves main': leave,
        'main RSS peak above start': memory,
      })),
    )

    const pages = Array.from({ length: 300 }, (_, page) => `Trang ${page + 1} doanh thu chi phi ket qua quy`)
    const pdf = pdfBytes(pages)
    const read = pdfReader({ file: pdfWorkerFromSource.file, execArgv: pdfWorkerFromSource.execArgv })
    const times: number[] = []
    let p95 = 0
    let max = 0
    let pageCount = 0
    for (let run = 0; run < 3; run++) {
      const delay = monitorEventLoopDelay({ resolution: 1 })
      delay.enable()
      const started = performance.now()
      const text = await read(pdf)
      times.push(performance.now() - started)
      delay.disable()
      pageCount = text.pageCount
      p95 = Math.max(p95, delay.percentile(95) / 1e6)
      max = Math.max(max, delay.max / 1e6)
    }
    console.log('\nAttachments: a 300-page PDF read in the worker (median of 3)')
    console.table([
      {
        'file size': mb(pdf.length),
        pages: pageCount,
        'time to text': `${median(times).toFixed(0)} ms`,
        "main's event-loop delay p95": `${p95.toFixed(1)} ms`,
        "main's event-loop delay max": `${max.toFixed(1)} ms`,
      },
    ])
  } finally {
    await bench.close()
    gateway.stop()
  }
  await runAttachmentsPageBench()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runAttachmentsBench()
