import { z } from 'zod'
import { ToolCallRecordSchema } from './tool-calls'

/** A tool as a server lists it. */
export const McpToolSchema = z.object({
  name: z.string(),
  description: z.string(),
  inputSchema: z.record(z.string(), z.unknown()),
})

/** Why a server or a call failed: a kind the renderer words, main's English text, the server's stderr. */
export const ToolErrorSchema = z.object({
  kind: z.enum(['server_unavailable', 'server_crashed', 'timeout', 'aborted', 'tool_failed']),
  message: z.string(),
  stderr: z.array(z.string()),
})

export const ServerStatusSchema = z.object({
  serverId: z.string(),
  state: z.enum(['stopped', 'starting', 'running', 'failed']),
  error: ToolErrorSchema.nullable(),
})
export type ServerStatusView = z.infer<typeof ServerStatusSchema>

export const ServerToolsSchema = z.object({
  serverId: z.string(),
  state: z.enum(['stopped', 'starting', 'running', 'failed']),
  tools: z.array(McpToolSchema),
  error: ToolErrorSchema.nullable(),
})
export type ServerTools = z.infer<typeof ServerToolsSchema>

export const ApprovalAnswerSchema = z.enum(['once', 'always', 'deny'])

/** A call waiting for the user: main asks, the renderer answers with `tools:approve`. */
export const PendingApprovalSchema = z.object({
  approvalId: z.string().uuid(),
  conversationId: z.string().nullable(),
  messageId: z.string().nullable(),
  /** A stream of the loop that asks (`chat:stop` with it denies this and ends the loop), also after a reload. */
  loopStreamId: z.string(),
  call: ToolCallRecordSchema,
})
export type PendingApproval = z.infer<typeof PendingApprovalSchema>

/** A tool loop running: its conversation answers until it ends, even while no stream is live. */
export const RunningLoopSchema = z.object({ conversationId: z.string().nullable(), loopStreamId: z.string() })

export const toolChannels = {
  /**
   * Starts the server if needed and lists its tools (turned-off ones included), or says why it cannot.
   * A server whose start failed is not started again unless `retry` (Settings → Tools, Retry).
   */
  'tools:list': {
    request: z.object({ serverId: z.string().max(40), retry: z.boolean().optional() }).strict(),
    response: ServerToolsSchema,
  },
  /** What each configured server is doing now, without starting any: a failed start with its stderr. */
  'tools:status': { request: z.undefined(), response: z.array(ServerStatusSchema) },
  'tools:approve': {
    request: z.object({ approvalId: z.string().uuid(), answer: ApprovalAnswerSchema }).strict(),
    response: z.object({ answered: z.boolean() }),
  },
  /** Approvals still waiting, for a view opened (or reloaded) while one is. None survive a restart. */
  'tools:pending': { request: z.undefined(), response: z.array(PendingApprovalSchema) },
  /** Tool loops still running, for a view opened (or reloaded) during one: it counts as answering. */
  'tools:loops': { request: z.undefined(), response: z.array(RunningLoopSchema) },
} as const

/** A call changed (asked, running, ended), and an approval asked or settled: for the transcript. */
export const ToolEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('tool-call'),
    conversationId: z.string().nullable(),
    messageId: z.string().nullable(),
    /** A stream of the loop the call belongs to: `chat:stop` with it stops the loop and the call. */
    loopStreamId: z.string(),
    call: ToolCallRecordSchema,
  }),
  z.object({ type: z.literal('tool-approval'), approval: PendingApprovalSchema }),
  z.object({ type: z.literal('tool-approval-settled'), approvalId: z.string().uuid() }),
  /** A server could not start, so a question is answered without its tools (once per failed start). */
  z.object({
    type: z.literal('tool-server-failed'),
    serverId: z.string(),
    serverName: z.string(),
    error: ToolErrorSchema,
  }),
  /** A tool loop began (`running`) or ended. */
  z.object({
    type: z.literal('tool-loop'),
    conversationId: z.string().nullable(),
    loopStreamId: z.string(),
    running: z.boolean(),
  }),
])
export type ToolEvent = z.infer<typeof ToolEventSchema>
