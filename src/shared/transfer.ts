/**
 * Export and import jobs: long-running work in a worker thread that reports progress as events and
 * can be cancelled. Shared by the contract, main and the renderer.
 */
import { z } from 'zod'
import { AppErrorSchema } from './errors'

export const ExportFormatSchema = z.enum(['markdown', 'json'])
export type ExportFormat = z.infer<typeof ExportFormatSchema>

/** The UI's language, for a Markdown export's headings and dates (the JSON export has none). */
export const ExportLanguageSchema = z.enum(['en', 'vi'])
export type ExportLanguage = z.infer<typeof ExportLanguageSchema>

/** Files we can import: our own JSON export, or ChatGPT's `conversations.json`. */
export const ImportFormatSchema = z.enum(['holysheep-json', 'chatgpt'])
export type ImportFormat = z.infer<typeof ImportFormatSchema>

export const JobIdSchema = z.string().uuid()

/** How many names of attachments left behind an import's summary lists (the count says the rest). */
export const maxNotImportedNames = 10

export const JobEventSchema = z.object({
  type: z.literal('job'),
  jobId: JobIdSchema,
  kind: z.enum(['export', 'import']),
  phase: z.enum(['running', 'done', 'error', 'cancelled']),
  /** `done` of `total` units; total is null while unknown. */
  progress: z.object({
    done: z.number().nonnegative(),
    total: z.number().nonnegative().nullable(),
    unit: z.enum(['bytes', 'conversations']),
  }),
  /** On `done`: what was written or imported. */
  result: z
    .object({
      conversations: z.number().int().nonnegative(),
      messages: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      /** Export: where the file went (desktop) or the download path (browser mode). */
      location: z.string().nullable(),
      /** Import: which format the file was detected as. */
      format: ImportFormatSchema.nullable(),
      /**
       * Import: attachments the file names but could not bring (ChatGPT's conversations.json has no
       * bytes): how many, and the first names (each message also says which it lost).
       */
      attachmentsNotImported: z
        .object({
          count: z.number().int().nonnegative(),
          names: z.array(z.string()).max(maxNotImportedNames),
        })
        .optional(),
    })
    .nullable(),
  /** On `error`: what is wrong, naming the place in a bad file (for example `conversations[3].messages[7].role`). */
  error: AppErrorSchema.nullable(),
})
export type JobEvent = z.infer<typeof JobEventSchema>
