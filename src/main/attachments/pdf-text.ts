/**
 * A PDF's text and page count, read in a worker thread (pdf-worker.ts), one worker per file: main's
 * event loop only waits. The worker is ended if it takes longer than `timeoutMs`, so a PDF built to
 * hang the parser cannot hold a send for ever.
 */
import { Worker } from 'node:worker_threads'
import type { PdfWorkerInput, PdfWorkerMessage } from './pdf-protocol'

export interface PdfWorkerFile {
  file: string | URL
  execArgv?: string[]
}

export interface PdfText {
  pageCount: number
  /** Pages joined, each after a line `--- page N ---`, so the model can cite a page. */
  text: string
}

export type ReadPdf = (bytes: Uint8Array) => Promise<PdfText>

const defaultTimeoutMs = 120_000

export function pdfReader(worker: PdfWorkerFile, timeoutMs = defaultTimeoutMs): ReadPdf {
  return async (bytes) => {
    // A copy of its own is transferred: the caller's bytes may be a view on a shared pool (a Buffer).
    const own = new Uint8Array(bytes.byteLength)
    own.set(bytes)
    const copy = own.buffer
    const input: PdfWorkerInput = { bytes: copy }
    const message = await new Promise<PdfWorkerMessage>((resolve) => {
      let answer: PdfWorkerMessage | null = null
      const thread = new Worker(worker.file, {
        workerData: input,
        transferList: [copy],
        ...(worker.execArgv ? { execArgv: worker.execArgv } : {}),
      })
      const timer = setTimeout(() => {
        answer ??= { type: 'error', message: `Reading the PDF took longer than ${timeoutMs / 1000} s.` }
        void thread.terminate()
      }, timeoutMs)
      thread.on('message', (received: PdfWorkerMessage) => (answer ??= received))
      thread.on('error', (error) => (answer ??= { type: 'error', message: error.message }))
      thread.on('exit', () => {
        clearTimeout(timer)
        resolve(answer ?? { type: 'error', message: 'The PDF reader stopped unexpectedly.' })
      })
    })
    if (message.type === 'error') throw new Error(message.message)
    return {
      pageCount: message.pageCount,
      text: message.pages.map((page, index) => `--- page ${index + 1} ---\n${page}`).join('\n\n'),
    }
  }
}
