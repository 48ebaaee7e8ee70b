import { z } from 'zod'

/**
 * Tool (MCP) settings. Servers start only from what is written here: a stdio server is a command with
 * an argument list (spawned without a shell) and the environment the user gave it; an HTTP server is a
 * URL and headers. Env values and headers may hold the user's secrets for that server: they are stored
 * like the other settings and never logged.
 */
const NameValueSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\s=:]+$/, 'A name has no spaces, "=" or ":".'),
  value: z.string().max(10_000),
})

const ServerBase = {
  /** Stable id, chosen by main when the server is added; what approvals and tool names refer to. */
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .describe('server id'),
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  /** Tools of this server the user turned off: not offered to the model. */
  disabledTools: z.array(z.string().max(200)).max(1000),
}

export const StdioServerSchema = z.object({
  ...ServerBase,
  transport: z.literal('stdio'),
  command: z.string().trim().min(1).max(4096),
  args: z.array(z.string().max(10_000)).max(200),
  env: z.array(NameValueSchema).max(200),
  /** The working folder; null for the user's home folder. */
  cwd: z.string().max(4096).nullable(),
})

export const HttpServerSchema = z.object({
  ...ServerBase,
  transport: z.literal('http'),
  url: z.url({ protocol: /^https?$/ }).max(2048),
  headers: z.array(NameValueSchema).max(100),
})

export const ToolServerSchema = z.discriminatedUnion('transport', [StdioServerSchema, HttpServerSchema])
export type ToolServer = z.infer<typeof ToolServerSchema>
export type StdioServer = z.infer<typeof StdioServerSchema>
export type HttpServer = z.infer<typeof HttpServerSchema>

/** A tool the user allowed always: remembered per server and tool, revocable in Settings. */
export const AllowedToolSchema = z.object({ serverId: z.string().max(40), tool: z.string().max(200) })
export type AllowedTool = z.infer<typeof AllowedToolSchema>

export const ToolSettingsSchema = z.object({
  servers: z.array(ToolServerSchema).max(50),
  /** Tools are on for a conversation unless its own switch says otherwise. */
  enabledByDefault: z.boolean(),
  /** Model answers in one turn that may ask for tools before the loop stops. */
  stepLimit: z.number().int().min(1).max(100),
  /** A tool call still running after this long is cancelled and the model told so. */
  callTimeoutMs: z.number().int().min(1_000).max(3_600_000),
  alwaysAllowed: z.array(AllowedToolSchema).max(1000),
})
export type ToolSettings = z.infer<typeof ToolSettingsSchema>

export const defaultToolSettings: ToolSettings = {
  servers: [],
  enabledByDefault: false,
  stepLimit: 10,
  callTimeoutMs: 60_000,
  alwaysAllowed: [],
}
