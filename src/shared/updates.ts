import { z } from 'zod'

/** A downloaded update waiting for the user to restart. */
export const ReadyUpdateSchema = z.object({ version: z.string().max(100) })

/**
 * What the app knows about updating itself, for a view that opens (or reloads) after the
 * `update` event was sent.
 */
export const UpdateStatusSchema = z.object({
  /** Whether this build updates itself: only the packaged desktop app does (never browser mode or development). */
  supported: z.boolean(),
  /** The update offered to the user, or null. Offered only while no answer is streaming. */
  ready: ReadyUpdateSchema.nullable(),
})
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>

/** Main tells every view that an update has downloaded and can be installed by restarting. */
export const UpdateEventSchema = z.object({ type: z.literal('update'), ready: ReadyUpdateSchema })
export type UpdateEvent = z.infer<typeof UpdateEventSchema>

export const InstallUpdateResponseSchema = z.object({ restarting: z.literal(true) })
