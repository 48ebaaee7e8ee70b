import { z } from 'zod'

/** Where a tool call is: asked for, running, or ended one way or another. */
export const ToolCallStatusSchema = z.enum(['awaiting_approval', 'running', 'done', 'failed', 'denied', 'cancelled'])
export type ToolCallStatus = z.infer<typeof ToolCallStatusSchema>

/**
 * One tool call of an answer, as the transcript shows it and history stores it (a part of the
 * assistant message that asked for it). `result` is the text the model received: untrusted, capped,
 * shown as text or markdown through the safe renderer, never as HTML.
 */
export const ToolCallRecordSchema = z.object({
  id: z.string().max(200),
  functionName: z.string().max(200),
  serverId: z.string().max(40).nullable(),
  serverName: z.string().max(100).nullable(),
  tool: z.string().max(200),
  arguments: z.string().max(1_000_000),
  status: ToolCallStatusSchema,
  result: z.string().max(200_000).nullable(),
  isError: z.boolean(),
  stderr: z.array(z.string().max(500)).max(20),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
})
export type ToolCallRecord = z.infer<typeof ToolCallRecordSchema>

/** What the model is told for a call that never finished because the app closed. */
export const interruptedCallText = 'The call was interrupted (the app closed) and did not finish.'
