/**
 * The MCP servers the user configured, through the official SDK's `Client`. Electron-free: the server
 * list is read from settings at each use, so an edit applies to the next call. A server starts on its
 * first use (listing its tools or calling one), restarts after it crashed or its configuration
 * changed, and every server stops with `stopAll` (on quit). A server that failed to start is not
 * started again (each question would wait up to the start timeout for it) until its configuration
 * changes, it is turned off and on, or the user asks to retry (`listTools(id, { retry: true })`). Failures are values with a kind and the
 * server's last stderr lines; env values and headers are never logged.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import { CallToolResultSchema, ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import type { ToolServer } from '../../shared/tool-settings'
import type { Logger } from '../log'
import { cappedFetch, ReplyTooLargeError } from './capped-fetch'
import { maxMessageBytes, SafeStdioTransport } from './stdio-transport'
import { StderrTail } from './stderr-tail'

export interface McpTool {
  name: string
  description: string
  /** The JSON Schema of the tool's arguments, as the server gave it. */
  inputSchema: Record<string, unknown>
}

export type ToolErrorKind = 'server_unavailable' | 'server_crashed' | 'timeout' | 'aborted' | 'tool_failed'

export interface ToolError {
  kind: ToolErrorKind
  message: string
  /** The server's last stderr lines, when it has any. */
  stderr: string[]
}

export type ToolOutcome<T> = { ok: true; value: T } | { ok: false; error: ToolError }

export interface ServerStatus {
  serverId: string
  state: 'stopped' | 'starting' | 'running' | 'failed'
  error: ToolError | null
  stderr: string[]
}

export interface McpManagerOptions {
  servers(): ToolServer[]
  /** The working folder of a stdio server that names none. */
  homeDir: string
  log: Logger
  /** What the app tells servers it is. */
  clientInfo?: { name: string; version: string }
  /** Listing tools or starting may take this long before the server counts as unavailable. */
  startTimeoutMs?: number
}

/** A start that failed, remembered for the configuration it failed with. */
interface StartFailure {
  fingerprint: string
  error: ToolError
  /** Whether a question already told the user (they are told once, not at every question). */
  announced: boolean
}

interface Connection {
  fingerprint: string
  client: Client
  transport: Transport
  ready: Promise<ToolOutcome<McpTool[]>>
  stderr: StderrTail
  started: boolean
  closed: boolean
  /** An HTTP reply went over the size cap, so the connection was ended. */
  overflowed: boolean
  error: ToolError | null
}

export class McpManager {
  private readonly connections = new Map<string, Connection>()
  private readonly failures = new Map<string, StartFailure>()
  /** Set by `stopAll` (quitting): no server starts after it. */
  private stopped = false

  constructor(private readonly options: McpManagerOptions) {}

  /**
   * The server's tools (all of them, turned-off ones included), starting it when needed. A server
   * whose start failed answers that failure again without starting, unless `retry`.
   */
  async listTools(serverId: string, { retry = false }: { retry?: boolean } = {}): Promise<ToolOutcome<McpTool[]>> {
    const server = this.options.servers().find((candidate) => candidate.id === serverId)
    if (!server) return failure('server_unavailable', 'This tool server is not configured.', [])
    if (!server.enabled) return failure('server_unavailable', `The tool server “${server.name}” is turned off.`, [])
    // After quitting began, nothing starts again (a listing still under way would leave a child behind).
    if (this.stopped) return failure('server_unavailable', 'The app is closing.', [])
    const failed = this.failures.get(serverId)
    if (failed && failed.fingerprint === fingerprintOf(server) && !retry) return { ok: false, error: failed.error }
    this.failures.delete(serverId)
    return this.connect(server).ready
  }

  /**
   * Whether the remembered start failure of this server is yet to be told to the user; true once
   * (the first question it spoils), false after and for a server that did not fail.
   */
  announceFailure(serverId: string): boolean {
    const failed = this.failures.get(serverId)
    if (!failed || failed.announced) return false
    failed.announced = true
    return true
  }

  /**
   * Calls one tool. `signal` (Stop) cancels it through MCP cancellation; past `timeoutMs` it is
   * cancelled the same way and answers `timeout`.
   */
  async callTool(
    serverId: string,
    tool: string,
    args: Record<string, unknown>,
    { signal, timeoutMs }: { signal: AbortSignal; timeoutMs: number },
  ): Promise<ToolOutcome<CallToolResult>> {
    const listed = await this.listTools(serverId)
    if (!listed.ok) return listed
    const connection = this.connections.get(serverId)
    if (!connection) return failure('server_unavailable', 'The tool server stopped.', [])
    if (signal.aborted) return failure('aborted', 'The call was stopped.', [])
    try {
      const result = await connection.client.callTool({ name: tool, arguments: args }, CallToolResultSchema, {
        signal,
        timeout: timeoutMs,
      })
      return { ok: true, value: result as CallToolResult }
    } catch (caught) {
      const stderr = connection.stderr.get()
      if (signal.aborted) return failure('aborted', 'The call was stopped.', stderr)
      if (caught instanceof McpError && caught.code === ErrorCode.RequestTimeout)
        return failure(
          'timeout',
          `The tool did not answer within ${Math.round(timeoutMs / 1000)} s, so it was cancelled.`,
          stderr,
        )
      if (connection.transport instanceof SafeStdioTransport && connection.transport.overflowed)
        return failure(
          'tool_failed',
          `The tool server sent a message larger than ${maxMessageBytes / 1024 / 1024} MB, so it was stopped.`,
          stderr,
        )
      if (
        connection.overflowed ||
        caught instanceof ReplyTooLargeError ||
        (caught instanceof Error && caught.cause instanceof ReplyTooLargeError)
      )
        return failure('tool_failed', new ReplyTooLargeError(maxMessageBytes).message, stderr)
      if (connection.closed || (caught instanceof McpError && caught.code === ErrorCode.ConnectionClosed))
        return failure('server_crashed', 'The tool server stopped during the call.', stderr)
      return failure('tool_failed', messageOf(caught), stderr)
    }
  }

  status(serverId: string): ServerStatus {
    const failed = this.failures.get(serverId)
    if (failed) return { serverId, state: 'failed', error: failed.error, stderr: failed.error.stderr }
    const connection = this.connections.get(serverId)
    if (!connection) return { serverId, state: 'stopped', error: null, stderr: [] }
    const state = connection.error
      ? 'failed'
      : connection.closed
        ? 'stopped'
        : connection.started
          ? 'running'
          : 'starting'
    return { serverId, state, error: connection.error, stderr: connection.stderr.get() }
  }

  /** Stops every server (on quit), waiting for each to close. */
  async stopAll(): Promise<void> {
    this.stopped = true
    const connections = [...this.connections.values()]
    this.connections.clear()
    await Promise.allSettled(connections.map((connection) => close(connection)))
  }

  /** Stops servers no longer configured or turned off (after a settings change). */
  async prune(): Promise<void> {
    const wanted = new Map(this.options.servers().map((server) => [server.id, server]))
    // Turned off (to be turned on again) or changed: the next use tries again.
    for (const [id, failed] of this.failures) {
      const server = wanted.get(id)
      if (!server || !server.enabled || fingerprintOf(server) !== failed.fingerprint) this.failures.delete(id)
    }
    for (const [id, connection] of this.connections) {
      const server = wanted.get(id)
      if (!server || !server.enabled || fingerprintOf(server) !== connection.fingerprint) {
        this.connections.delete(id)
        await close(connection)
      }
    }
  }

  private connect(server: ToolServer): Connection {
    const fingerprint = fingerprintOf(server)
    const existing = this.connections.get(server.id)
    if (existing && existing.fingerprint === fingerprint && !existing.closed && !existing.error) return existing
    if (existing) void close(existing)
    const stderr = new StderrTail()
    // A reply cut by the cap ends this connection: a call waiting on an event stream would wait forever.
    let connectionOf: Connection | null = null
    const tooLarge = () => {
      if (!connectionOf) return
      connectionOf.overflowed = true
      void close(connectionOf)
    }
    const transport: Transport =
      server.transport === 'stdio'
        ? new SafeStdioTransport(server, (text) => stderr.push(text), this.options.homeDir)
        : new StreamableHTTPClientTransport(new URL(server.url), {
            requestInit: { headers: Object.fromEntries(server.headers.map(({ name, value }) => [name, value])) },
            fetch: cappedFetch(maxMessageBytes, fetch, tooLarge),
          })
    const client = new Client(this.options.clientInfo ?? { name: 'HolySheep Chat', version: '1' }, { capabilities: {} })
    const connection: Connection = {
      fingerprint,
      client,
      transport,
      stderr,
      started: false,
      closed: false,
      overflowed: false,
      error: null,
      ready: Promise.resolve({ ok: true, value: [] }),
    }
    connectionOf = connection
    client.onclose = () => {
      connection.closed = true
    }
    this.connections.set(server.id, connection)
    connection.ready = this.start(server, connection)
    return connection
  }

  private async start(server: ToolServer, connection: Connection): Promise<ToolOutcome<McpTool[]>> {
    const timeout = this.options.startTimeoutMs ?? 30_000
    try {
      await connection.client.connect(connection.transport, { timeout })
      const tools: McpTool[] = []
      let cursor: string | undefined
      do {
        const page = await connection.client.listTools(cursor ? { cursor } : {}, { timeout })
        for (const tool of page.tools)
          tools.push({ name: tool.name, description: tool.description ?? '', inputSchema: tool.inputSchema })
        cursor = page.nextCursor
      } while (cursor && tools.length < 10_000)
      connection.started = true
      this.options.log.info(`tool server ${server.id} started (${server.transport}, ${tools.length} tools)`)
      return { ok: true, value: tools }
    } catch (caught) {
      // Only the server's id and the error's text: its command line, env and headers may hold secrets.
      this.options.log.warn(`tool server ${server.id} failed to start`, messageOf(caught))
      const error: ToolError = {
        kind: 'server_unavailable',
        message: `The tool server “${server.name}” could not start: ${messageOf(caught)}`,
        stderr: connection.stderr.get(),
      }
      connection.error = error
      // Remembered only while this connection is the server's (not one replaced by a newer start).
      if (this.connections.get(server.id) === connection && !this.stopped)
        this.failures.set(server.id, { fingerprint: connection.fingerprint, error, announced: false })
      void close(connection)
      return { ok: false, error }
    }
  }
}

function failure(kind: ToolErrorKind, message: string, stderr: string[]): { ok: false; error: ToolError } {
  return { ok: false, error: { kind, message, stderr } }
}

function messageOf(caught: unknown): string {
  return (caught instanceof Error ? caught.message : String(caught)).slice(0, 2000)
}

function fingerprintOf(server: ToolServer): string {
  const { name: _name, enabled: _enabled, disabledTools: _disabled, ...launch } = server
  return JSON.stringify(launch)
}

async function close(connection: Connection): Promise<void> {
  connection.closed = true
  try {
    await connection.client.close()
  } catch {
    // Already gone: nothing more to stop.
  }
}
