/**
 * Attachments as main keeps them: a file given by the renderer is checked (its size before its bytes
 * are decoded, then its type from the bytes), written once to the attachments folder under its
 * SHA-256, and recorded in the history; a question then names it by that hash. Files no message uses
 * any more go after the start-up purge, so a deleted message's files survive its Undo window.
 */
import {
  maxAttachmentBytes,
  maxAttachmentsPerMessage,
  maxMessageAttachmentBytes,
  estimateImageTokens,
  estimateTextTokens,
  isImageMime,
  type Attachment,
  type AttachmentAdded,
  type AttachmentMime,
  type AttachmentAddRequest,
  type AttachmentProblem,
} from '../../shared/attachments'
import { fail, ok, type AppError, type Result } from '../../shared/errors'
import type { AttachmentSource } from '../chat/attachment-parts'
import type { HistoryApi } from '../history/history-api'
import type { Logger } from '../log'
import type { AttachmentFiles } from './attachment-files'
import { sanitizeAttachmentName } from './attachment-name'
import type { ReadPdf } from './pdf-text'
import { sniffType } from './sniff-type'

export interface AttachmentStoreOptions {
  files: AttachmentFiles
  history: HistoryApi
  readPdf: ReadPdf
  log: Logger
}

/** A question's files as it names them: a stored file's id, under the name it is attached with. */
export interface AttachmentLink {
  id: string
  name: string
}

export class AttachmentStore {
  /** The clean-up or the restore running now (settled, never rejected): each waits for the one before. */
  private exclusive: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: AttachmentStoreOptions) {}

  /**
   * Runs `work` (a restore) once the clean-up in progress has settled, and starts no clean-up until
   * it has: a clean-up picks the unused files from the history open when it starts, so one running
   * across a restore would delete files the restored history uses.
   */
  whileNoCleanUp<T>(work: () => Promise<T>): Promise<T> {
    const run = this.exclusive.then(work)
    this.exclusive = run.catch(() => {})
    return run
  }

  get files(): AttachmentFiles {
    return this.options.files
  }

  /** Checks, stores and records one file; the same bytes again are stored once. */
  async add(request: AttachmentAddRequest): Promise<Result<AttachmentAdded>> {
    const name = sanitizeAttachmentName(request.name)
    // The size the base64 stands for, known before a byte of it is decoded.
    const padding = request.dataBase64.endsWith('==') ? 2 : request.dataBase64.endsWith('=') ? 1 : 0
    const size = Math.max(0, Math.floor((request.dataBase64.length * 3) / 4) - padding)
    if (size > maxAttachmentBytes)
      return refused(
        { reason: 'file_too_large', name, limit: maxAttachmentBytes },
        `${name} is larger than ${bytesInEnglish(maxAttachmentBytes)}, the most one file may weigh.`,
      )
    const bytes = Buffer.from(request.dataBase64, 'base64')
    const sniffed = sniffType(bytes)
    if (sniffed.kind === 'svg')
      return refused({ reason: 'svg', name }, `${name} is an SVG drawing, which the app does not open.`)
    if (sniffed.kind === 'unsupported')
      return refused({ reason: 'unsupported_type', name }, `${name} is not an image, a PDF or a text file.`)
    let pdf: { pageCount: number; text: string } | null = null
    if (sniffed.mime === 'application/pdf') {
      try {
        pdf = await this.options.readPdf(bytes)
      } catch (error) {
        this.options.log.warn(`the text of an attached PDF could not be read`, error)
        return refused({ reason: 'unreadable_pdf', name }, `The text of ${name} could not be read.`)
      }
    }
    const id = await this.options.files.write(bytes)
    const stored = this.options.history.addAttachment({
      id,
      mime: sniffed.mime,
      size: bytes.length,
      name,
      width: sniffed.width,
      height: sniffed.height,
      pageCount: pdf?.pageCount ?? null,
      extractedText: pdf?.text ?? null,
    })
    const estimatedTokens = isImageMime(stored.mime)
      ? estimateImageTokens(stored.width ?? 512, stored.height ?? 512)
      : estimateTextTokens(pdf ? pdf.text.length : bytes.length)
    return ok({ ...stored, estimatedTokens })
  }

  /** A stored file's bytes for display; only a hash names it (the schema checked it), so only this folder is read. */
  async read(id: string): Promise<Result<{ mime: AttachmentMime; dataBase64: string }>> {
    const stored = this.options.history.getAttachment(id)
    if (!stored) return fail('not_found', 'This attachment is no longer stored.')
    try {
      return ok({ mime: stored.mime, dataBase64: (await this.options.files.read(id)).toString('base64') })
    } catch {
      return fail('not_found', 'This attachment is no longer stored.')
    }
  }

  /**
   * The files a question names, checked against the per-message limits and looked up (each must be
   * stored); in the order given, under the names given (sanitised again: they come from the renderer).
   */
  resolve(links: readonly AttachmentLink[]): Result<Attachment[]> {
    if (links.length > maxAttachmentsPerMessage)
      return refused(
        { reason: 'too_many', name: '', limit: maxAttachmentsPerMessage },
        `One message can carry ${maxAttachmentsPerMessage} files at most.`,
      )
    const found: Attachment[] = []
    for (const link of links) {
      const name = sanitizeAttachmentName(link.name)
      const stored = this.options.history.getAttachment(link.id)
      if (!stored) return refused({ reason: 'missing', name }, `${name} is no longer stored; attach it again.`)
      found.push({ ...stored, name })
    }
    const total = found.reduce((sum, attachment) => sum + attachment.size, 0)
    if (total > maxMessageAttachmentBytes)
      return refused(
        { reason: 'message_too_large', name: '', limit: maxMessageAttachmentBytes },
        `The files of one message may weigh ${bytesInEnglish(maxMessageAttachmentBytes)} together at most.`,
      )
    return ok(found)
  }

  /** What a request is built from: the files' bytes and PDFs' extracted text. */
  get source(): AttachmentSource {
    return {
      bytes: (id) => this.options.files.readSync(id),
      pdfText: (id) => this.options.history.attachmentText(id),
    }
  }

  /**
   * After the start-up purge: the rows and files of attachments no message uses, then any file in
   * the folder without a row (a crash between the write and the row) and unfinished temp files; only
   * what is older than `before` (the start), so a file the user attaches meanwhile is not taken.
   */
  cleanUp(before: number = Date.now()): Promise<number> {
    return this.whileNoCleanUp(() => this.removeUnused(before))
  }

  private async removeUnused(before: number): Promise<number> {
    const { history, files } = this.options
    let removed = 0
    for (const id of history.removeUnusedAttachments(before)) {
      await files.remove(id)
      removed += 1
    }
    return removed + (await files.sweep((id) => history.hasAttachment(id), before))
  }
}

export function refused(problem: AttachmentProblem, message: string): { ok: false; error: AppError } {
  return { ok: false, error: { kind: 'attachment_refused', message, attachment: problem } }
}

function bytesInEnglish(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}
