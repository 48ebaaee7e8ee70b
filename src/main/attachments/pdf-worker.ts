/**
 * The PDF worker thread (bundled to out/main/pdf-worker.js): reads a PDF's text with unpdf (pdf.js
 * built for servers, no native dependency, no canvas). A 300-page PDF takes seconds of parsing, which
 * must not happen on main's event loop (IPC, streams) nor in the renderer.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { extractText, getDocumentProxy } from 'unpdf'
import type { PdfWorkerInput, PdfWorkerMessage } from './pdf-protocol'

const input = workerData as PdfWorkerInput

async function run(): Promise<PdfWorkerMessage> {
  try {
    const document = await getDocumentProxy(new Uint8Array(input.bytes))
    try {
      const { totalPages, text } = await extractText(document, { mergePages: false })
      return { type: 'done', pageCount: totalPages, pages: text }
    } finally {
      await document.destroy()
    }
  } catch (error) {
    return { type: 'error', message: error instanceof Error ? error.message : String(error) }
  }
}

void run().then((message) => parentPort!.postMessage(message))
