/** What main sends the PDF worker and what it answers. */
export interface PdfWorkerInput {
  /** The PDF's bytes, transferred (not copied) to the worker. */
  bytes: ArrayBuffer
}

export type PdfWorkerMessage = { type: 'done'; pageCount: number; pages: string[] } | { type: 'error'; message: string }
