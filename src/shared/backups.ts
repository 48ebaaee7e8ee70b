import { z } from 'zod'

/** A backup's name in its folder, e.g. `daily-2026-12-01T193000123Z`: letters, digits and dashes only. */
export const BackupIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'Not a backup name.')

/** One copy of the history in the backups folder, as Settings → History lists it. */
export const BackupInfoSchema = z.object({
  id: BackupIdSchema,
  /**
   * `daily`: the rolling set of the daily run (`backupsToKeep` of them); `manual`: "Back up now", kept
   * by their own small limit so clicks never push out older days; `pre-migration`: taken before an
   * update changed the schema.
   */
  kind: z.enum(['daily', 'manual', 'pre-migration']),
  createdAt: z.number(),
  bytes: z.number().int().nonnegative(),
  /** Conversations (not deleted) and their messages in the copy. */
  conversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
})
export type BackupInfo = z.infer<typeof BackupInfoSchema>

export const BackupListSchema = z.object({
  backups: z.array(BackupInfoSchema),
  /** Where the backups are, for the user to find them. */
  folder: z.string(),
})
export type BackupList = z.infer<typeof BackupListSchema>

export const RestoreResultSchema = z.object({
  /** Where the database in use before the restore was kept. */
  keptAt: z.string(),
})
