import { z } from 'zod'

/**
 * Attachments: files a question carries (issue 16). Main stores each once, named by its SHA-256,
 * and a message refers to them by that hash. The type is read from the bytes by main, never taken
 * from the name or from what the renderer says.
 */

/** The largest file accepted, before any of it is read (OpenAI's own cap on one image is 20 MB). */
export const maxAttachmentBytes = 10 * 1024 * 1024
/** The most all the files of one question may weigh together. */
export const maxMessageAttachmentBytes = 25 * 1024 * 1024
/** The most files one question may carry. */
export const maxAttachmentsPerMessage = 10
/** A file name is kept for display only (never a path), cut to this many characters. */
export const maxAttachmentNameChars = 200

export const attachmentMimes = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
  'text/plain',
] as const
export const AttachmentMimeSchema = z.enum(attachmentMimes)
export type AttachmentMime = z.infer<typeof AttachmentMimeSchema>

/** A SHA-256 in lower-case hex: the only thing that ever names an attachment's file. */
export const AttachmentIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Not an attachment id.')

/** A stored attachment as the renderer sees it. */
export const AttachmentSchema = z.object({
  id: AttachmentIdSchema,
  name: z.string(),
  mime: AttachmentMimeSchema,
  size: z.number().int().nonnegative(),
  /** Images only, read from their header. */
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  /** PDFs only. */
  pageCount: z.number().int().nonnegative().nullable(),
})
export type Attachment = z.infer<typeof AttachmentSchema>

export function isImageMime(mime: AttachmentMime): boolean {
  return mime.startsWith('image/')
}

/** Why a file was refused; the UI words each in the user's language, naming the file and the limit. */
export const attachmentRefusals = [
  /** Over `maxAttachmentBytes`. */
  'file_too_large',
  /** The question's files together over `maxMessageAttachmentBytes`. */
  'message_too_large',
  /** More than `maxAttachmentsPerMessage` files. */
  'too_many',
  /** SVG: a document that can run script; refused rather than rendered. */
  'svg',
  /** Bytes that are none of the accepted types (whatever the name says). */
  'unsupported_type',
  /** A PDF whose text could not be read. */
  'unreadable_pdf',
  /** An image sent to a model that does not read images. */
  'model_without_vision',
  /** An attachment id that names no stored file. */
  'missing',
] as const
export const AttachmentProblemSchema = z.object({
  reason: z.enum(attachmentRefusals),
  /** The file's (sanitised) name; empty for the question as a whole. */
  name: z.string(),
  /** The limit that was passed, in bytes or files, for the size and count refusals. */
  limit: z.number().int().nonnegative().optional(),
  /** For `model_without_vision`: the model. */
  model: z.string().optional(),
})
export type AttachmentProblem = z.infer<typeof AttachmentProblemSchema>

/** Browser mode's body cap is 16 MB: one file per request, base64, fits under it. */
export const AttachmentAddRequestSchema = z
  .object({
    name: z.string().max(1000),
    /**
     * The file's bytes in base64. Main checks the size they stand for before decoding them (and says
     * which file passed which limit); this bound only stops a payload far past any limit.
     */
    dataBase64: z.string().max(maxAttachmentBytes * 2),
  })
  .strict()
export type AttachmentAddRequest = z.infer<typeof AttachmentAddRequestSchema>

/**
 * A question's files as the renderer names them: ids from `attachments:add` and display names. More
 * than the per-message limit is let through here so main can answer with the limit's own message.
 */
export const AttachmentLinksSchema = z
  .array(z.object({ id: AttachmentIdSchema, name: z.string().max(1000) }).strict())
  .max(maxAttachmentsPerMessage * 10)

/** Whose published rule counts an image's tokens for a model: its maker's, read from the model id. */
export function imageTokenRule(modelId: string | null | undefined): 'openai' | 'anthropic' | 'gemini' {
  const id = (modelId ?? '').toLowerCase()
  if (id.includes('claude')) return 'anthropic'
  if (id.includes('gemini')) return 'gemini'
  return 'openai'
}

/**
 * An image's input tokens by its model's provider's published rule, for when the gateway reports
 * none (and for the estimate shown before sending). Without a model, OpenAI's rule.
 * - OpenAI (high detail, GPT-4o / GPT-4.1): fit in 2048×2048, scale the shortest side to at most
 *   768, count 512-px tiles: 85 tokens plus 170 a tile.
 * - Anthropic: scaled to fit a 1568-px long edge and about 1.2 megapixels, then width × height / 750.
 * - Gemini: 258 tokens when both sides are at most 384 px, else 258 for each 768×768 tile.
 */
export function estimateImageTokens(width: number, height: number, modelId?: string | null): number {
  const rule = imageTokenRule(modelId)
  if (rule === 'anthropic') {
    // Its table of sizes kept as they are (1092×1092, 784×1568, …) ends near 1.2 MP, about 1,600 tokens.
    const scale = Math.min(1, 1568 / Math.max(width, height), Math.sqrt(1_200_000 / (width * height)))
    return Math.ceil((Math.round(width * scale) * Math.round(height * scale)) / 750)
  }
  if (rule === 'gemini') {
    if (width <= 384 && height <= 384) return 258
    return 258 * Math.ceil(width / 768) * Math.ceil(height / 768)
  }
  let w = width
  let h = height
  const fit = Math.min(1, 2048 / Math.max(w, h))
  w *= fit
  h *= fit
  const shortest = Math.min(1, 768 / Math.min(w, h))
  w *= shortest
  h *= shortest
  return 85 + 170 * Math.ceil(w / 512) * Math.ceil(h / 512)
}

/** About four characters a token, as the app estimates text elsewhere. */
export function estimateTextTokens(characters: number): number {
  return Math.ceil(characters / 4)
}

/** `attachments:add` answers the stored file and what it will cost in the prompt, estimated. */
export const AttachmentAddedSchema = AttachmentSchema.extend({ estimatedTokens: z.number().int().nonnegative() })
export type AttachmentAdded = z.infer<typeof AttachmentAddedSchema>

/** `attachments:read`: a stored file's bytes for display (the renderer makes a blob: URL of them). */
export const AttachmentReadRequestSchema = z.object({ id: AttachmentIdSchema }).strict()
export const AttachmentBytesSchema = z.object({ mime: AttachmentMimeSchema, dataBase64: z.string() })
