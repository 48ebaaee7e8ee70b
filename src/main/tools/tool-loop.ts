/**
 * The tool loop: offer the enabled tools, let the model answer, and while it asks for calls, ask the
 * user about each one, run the allowed ones (in parallel, each with the call timeout), send the results
 * back and let the model go on, up to the step limit. Electron-free and storage-free: what it adds to
 * the conversation goes to `onStep`, what the user sees goes to `emit`, and approvals are asked of
 * `approve` (the renderer answers through the contract). Stop (`signal`) ends the stream, cancels a
 * running call (MCP cancellation) and ends the loop.
 */
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions'
import { ok, type AppError, type Result } from '../../shared/errors'
import type { ToolCallRecord, ToolCallStatus } from '../../shared/tool-calls'
import type { ToolSettings } from '../../shared/tool-settings'
import type { ChatService, ServiceRequest, StreamOutcome, StreamTarget } from '../chat/chat-service'
import type { Logger } from '../log'
import type { McpManager, McpTool, ToolError } from './mcp-manager'
import type { AssembledToolCall } from './tool-call-assembler'
import { capped, defaultMaxResultChars, toolResultText } from './tool-result-text'

export type Approval = 'once' | 'always' | 'deny'

/** One tool the model may call, under the function name it is offered as. */
export interface OfferedTool {
  functionName: string
  serverId: string
  serverName: string
  tool: McpTool
}

export type { ToolCallRecord, ToolCallStatus }

export interface ToolLoopStep {
  /** The answer that asked for the calls. */
  answer: StreamOutcome
  calls: ToolCallRecord[]
}

export interface ToolLoopOutcome {
  status: 'complete' | 'stopped' | 'error'
  /** Every answer streamed, the final one last. */
  answers: StreamOutcome[]
  calls: ToolCallRecord[]
  /** The messages the loop added after the request's own, in order (for the next request or history). */
  added: ChatCompletionMessageParam[]
  error: AppError | null
  /** Where each answer streamed, the first one's target first. */
  stepTargets: StreamTarget[]
}

/** What a caller (history) does at each step of one turn. */
export interface TurnHooks {
  /** Where the answer after a step's results streams; the same target when not given. */
  nextTarget?(previous: StreamTarget): StreamTarget
  /** The step's calls after any of them changed (asked, running, ended): history writes them at once. */
  onCalls?(target: StreamTarget, calls: ToolCallRecord[], changed: ToolCallRecord): void
  /** A later step's answer could not start (busy, key removed): history finishes `target` with it. */
  onRefused?(target: StreamTarget, error: AppError): void
}

export interface ToolLoopOptions {
  chat: ChatService
  mcp: McpManager
  settings(): ToolSettings
  /**
   * Asks the user about one call; must settle when `signal` aborts (Stop). `streamId` is a stream of
   * the loop (the answer that asked), so a view that shows the approval can stop the loop with it.
   */
  approve(call: ToolCallRecord, signal: AbortSignal, target: StreamTarget, streamId: string): Promise<Approval>
  /** Remembers "always allow" for this server and tool. */
  allowAlways(serverId: string, tool: string): void
  /** Every change of a call's status, for the transcript; `target` is the answer that asked for it. */
  emit(call: ToolCallRecord, target: StreamTarget, streamId: string): void
  /** A step's answer with its calls, once every call has its result (history keeps them). */
  onStep?(step: ToolLoopStep): void
  /**
   * A loop began or ended: views count its conversation as answering for the whole loop (also while
   * no stream is live: an approval waiting, a call running), and Stop there stops it.
   */
  onLoop?(loop: RunningLoop, running: boolean): void
  /** A server could not start, so a question goes on without its tools: told once per failed start. */
  onServerFailed?(failure: { serverId: string; serverName: string; error: ToolError }): void
  log: Logger
  now?: () => number
  maxResultChars?: number
}

/** A loop still running, as views see it: its conversation and a stream id `stop` knows it by. */
export interface RunningLoop {
  conversationId: string | null
  loopStreamId: string
}

export const deniedText = 'The user denied this tool call. Do not try it again; answer without it.'

/** What the model is told for calls asked for beyond the step limit. */
export const stepLimitText = (limit: number) =>
  `Not run: the limit of ${limit} tool steps for one answer was reached. Answer with what you have.`

export class ToolLoop {
  constructor(private readonly options: ToolLoopOptions) {}

  /** The enabled tools of the enabled servers, each under a function name the API accepts. */
  async offeredTools(): Promise<OfferedTool[]> {
    const offered: OfferedTool[] = []
    const taken = new Set<string>()
    const servers = this.options.settings().servers.filter((server) => server.enabled)
    // Listed at once, so a server that is slow to start delays the question by its own time only.
    const lists = await Promise.all(servers.map((server) => this.options.mcp.listTools(server.id)))
    for (const [position, server] of servers.entries()) {
      const listed = lists[position]!
      if (!listed.ok) {
        this.options.log.warn(`tool server ${server.id} offers no tools now (${listed.error.kind})`)
        // The question goes on without this server; the user hears of its failed start once.
        if (this.options.mcp.announceFailure(server.id))
          this.options.onServerFailed?.({ serverId: server.id, serverName: server.name, error: listed.error })
        continue
      }
      for (const tool of listed.value) {
        if (server.disabledTools.includes(tool.name)) continue
        // A name longer than a stored call may hold could not be recorded: such a tool is not offered.
        if (tool.name.length > maxToolNameChars) continue
        const functionName = uniqueName(`${server.id}__${tool.name}`, taken)
        offered.push({ functionName, serverId: server.id, serverName: server.name, tool })
      }
    }
    return offered
  }

  /** Runs the loop to its end (tests, and callers that need no stream id at once). */
  async run(
    request: ServiceRequest,
    target: StreamTarget,
    signal: AbortSignal,
    hooks: TurnHooks = {},
  ): Promise<ToolLoopOutcome> {
    const started = this.start(request, target, signal, hooks)
    if (!started.ok)
      return { status: 'error', answers: [], calls: [], added: [], error: started.error, stepTargets: [] }
    return started.value.finished
  }

  /**
   * Starts the loop and answers at once with its first stream's id (tools are listed while that
   * stream starts); `finished` settles when the loop has ended. Each later step streams into the
   * target `hooks.nextTarget` gives (history: a new answer below the one that asked for the calls).
   */
  start(
    request: ServiceRequest,
    target: StreamTarget,
    signal: AbortSignal,
    hooks: TurnHooks = {},
  ): Result<{ streamId: string; finished: Promise<ToolLoopOutcome> }> {
    const offered = this.offeredTools()
    const tools = async (): Promise<ChatCompletionTool[]> =>
      (await offered).map(({ functionName, tool }) => ({
        type: 'function',
        function: { name: functionName, description: tool.description, parameters: tool.inputSchema },
      }))
    const first = this.options.chat.send({ ...request, tools }, target)
    if (!first.ok) return first
    const finished = this.continueLoop(request, target, signal, hooks, offered, first.value)
    return ok({ streamId: first.value.streamId, finished })
  }

  /** Whether `streamId` is a stream of a running loop; stops that whole loop (Stop). */
  stop(streamId: string): boolean {
    for (const loop of this.running) {
      if (loop.streamIds.has(streamId)) {
        loop.stop()
        return true
      }
    }
    return false
  }

  /** Stops every loop (quitting). */
  stopAll(): void {
    for (const loop of this.running) loop.stop()
  }

  /** The loops still running (a view opened or reloaded during one). */
  active(): RunningLoop[] {
    return [...this.running].map(({ view }) => ({ ...view }))
  }

  private readonly running = new Set<{ streamIds: Set<string>; view: RunningLoop; stop(): void }>()

  private async continueLoop(
    request: ServiceRequest,
    firstTarget: StreamTarget,
    outerSignal: AbortSignal,
    hooks: TurnHooks,
    offeredPromise: Promise<OfferedTool[]>,
    firstStream: { streamId: string; finished: Promise<StreamOutcome> },
  ): Promise<ToolLoopOutcome> {
    const controller = new AbortController()
    const signal = controller.signal
    const stopOuter = () => controller.abort()
    outerSignal.addEventListener('abort', stopOuter)
    if (outerSignal.aborted) controller.abort()
    let current = firstStream
    const loop = {
      streamIds: new Set([firstStream.streamId]),
      view: { conversationId: firstTarget.conversationId, loopStreamId: firstStream.streamId },
      stop: () => {
        controller.abort()
        this.options.chat.stop(current.streamId)
      },
    }
    this.running.add(loop)
    this.options.onLoop?.({ ...loop.view }, true)
    const added: ChatCompletionMessageParam[] = []
    const answers: StreamOutcome[] = []
    const calls: ToolCallRecord[] = []
    const stepTargets: StreamTarget[] = [firstTarget]
    let target = firstTarget
    const stepLimit = this.options.settings().stepLimit
    let stepsRun = 0
    const finish = (status: ToolLoopOutcome['status'], error: AppError | null = null): ToolLoopOutcome => ({
      status,
      answers,
      calls,
      added,
      error,
      stepTargets,
    })
    try {
      const offered = await offeredPromise
      const tools: ChatCompletionTool[] = offered.map(({ functionName, tool }) => ({
        type: 'function',
        function: { name: functionName, description: tool.description, parameters: tool.inputSchema },
      }))
      for (;;) {
        const stop = () => this.options.chat.stop(current.streamId)
        signal.addEventListener('abort', stop)
        const answer = await current.finished.finally(() => signal.removeEventListener('abort', stop))
        answers.push(answer)
        if (answer.status !== 'complete') return finish(answer.status, answer.error)
        if (answer.toolCalls.length === 0 || tools.length === 0) return finish('complete')
        const lastStep = stepsRun >= stepLimit
        added.push({
          role: 'assistant',
          content: answer.text || null,
          tool_calls: answer.toolCalls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.name, arguments: call.arguments },
          })),
        })
        const records: ToolCallRecord[] = []
        const stepTarget = target
        const askedBy = current.streamId
        const changed = (record: ToolCallRecord) => {
          this.options.emit({ ...record }, stepTarget, askedBy)
          hooks.onCalls?.(
            stepTarget,
            records.map((entry) => ({ ...entry })),
            record,
          )
        }
        if (lastStep) {
          for (const call of answer.toolCalls) records.push(this.recordFor(call, offered))
          for (const record of records) this.settle(record, 'cancelled', stepLimitText(stepLimit), true, changed)
        } else {
          records.push(...answer.toolCalls.map((call) => this.recordFor(call, offered)))
          hooks.onCalls?.(
            target,
            records.map((entry) => ({ ...entry })),
            records[0]!,
          )
          await this.runCalls(records, offered, signal, changed, target, askedBy)
        }
        stepsRun++
        calls.push(...records)
        for (const record of records)
          added.push({ role: 'tool', tool_call_id: record.id, content: record.result ?? 'Cancelled.' })
        this.options.onStep?.({ answer, calls: records })
        if (signal.aborted) return finish('stopped')
        // A model that asks again after being told to stop has had its chance: the loop ends here.
        if (lastStep) return finish('complete')
        const next = hooks.nextTarget?.(target) ?? target
        const sent = this.options.chat.send(
          {
            ...request,
            messages: [...request.messages, ...added],
            tools,
            ...(stepsRun >= stepLimit ? { toolChoice: 'none' as const } : {}),
          },
          next,
        )
        if (!sent.ok) {
          if (next !== target) hooks.onRefused?.(next, sent.error)
          return finish('error', sent.error)
        }
        target = next
        stepTargets.push(next)
        current = sent.value
        loop.streamIds.add(current.streamId)
      }
    } finally {
      outerSignal.removeEventListener('abort', stopOuter)
      this.running.delete(loop)
      this.options.onLoop?.({ ...loop.view }, false)
    }
  }

  /** Asks about each call in turn (one prompt at a time), then runs the allowed ones together. */
  private async runCalls(
    records: ToolCallRecord[],
    offered: OfferedTool[],
    signal: AbortSignal,
    changed: (record: ToolCallRecord) => void,
    target: StreamTarget,
    streamId: string,
  ): Promise<void> {
    const allowed: Array<{ record: ToolCallRecord; args: Record<string, unknown> }> = []
    for (const record of records) {
      const tool = offered.find((candidate) => candidate.functionName === record.functionName)
      if (!tool) {
        this.settle(record, 'failed', `There is no tool named ${record.functionName}.`, true, changed)
        continue
      }
      const args = parseArguments(record.arguments)
      if (args === null) {
        this.settle(
          record,
          'failed',
          'The arguments were not a JSON object, so the tool was not called.',
          true,
          changed,
        )
        continue
      }
      if (signal.aborted) {
        this.settle(record, 'cancelled', 'Stopped by the user before it ran.', true, changed)
        continue
      }
      const always = this.options
        .settings()
        .alwaysAllowed.some((entry) => entry.serverId === tool.serverId && entry.tool === tool.tool.name)
      let approval: Approval | 'stopped' = 'once'
      if (!always) {
        record.status = 'awaiting_approval'
        changed(record)
        approval = await this.options.approve({ ...record }, signal, target, streamId).catch(() => 'deny' as const)
        if (signal.aborted) approval = 'stopped'
      }
      if (approval === 'stopped') this.settle(record, 'cancelled', 'Stopped by the user before it ran.', true, changed)
      else if (approval === 'deny') this.settle(record, 'denied', deniedText, true, changed)
      else {
        if (approval === 'always') this.options.allowAlways(tool.serverId, tool.tool.name)
        allowed.push({ record, args })
      }
    }
    await Promise.all(allowed.map(({ record, args }) => this.execute(record, args, signal, changed)))
  }

  private async execute(
    record: ToolCallRecord,
    args: Record<string, unknown>,
    signal: AbortSignal,
    changed: (record: ToolCallRecord) => void,
  ): Promise<void> {
    const now = this.options.now ?? Date.now
    record.status = 'running'
    record.startedAt = now()
    changed(record)
    const outcome = await this.options.mcp.callTool(record.serverId ?? '', record.tool, args, {
      signal,
      timeoutMs: this.options.settings().callTimeoutMs,
    })
    const max = this.options.maxResultChars ?? defaultMaxResultChars
    if (outcome.ok) {
      const { text, isError } = toolResultText(outcome.value, max)
      return this.settle(record, isError ? 'failed' : 'done', text, isError, changed)
    }
    record.stderr = outcome.error.stderr
    const status = outcome.error.kind === 'aborted' ? 'cancelled' : 'failed'
    this.settle(record, status, capped(`The tool call failed: ${outcome.error.message}`, true, max).text, true, changed)
  }

  private recordFor(call: AssembledToolCall, offered: OfferedTool[]): ToolCallRecord {
    const tool = offered.find((candidate) => candidate.functionName === call.name)
    return {
      id: call.id,
      functionName: call.name,
      serverId: tool?.serverId ?? null,
      serverName: tool?.serverName ?? null,
      tool: tool?.tool.name ?? call.name,
      arguments: call.arguments,
      status: 'awaiting_approval',
      result: null,
      isError: false,
      stderr: [],
      startedAt: null,
      endedAt: null,
    }
  }

  private settle(
    record: ToolCallRecord,
    status: ToolCallStatus,
    result: string,
    isError: boolean,
    changed: (record: ToolCallRecord) => void,
  ): void {
    record.status = status
    record.result = result
    record.isError = isError
    record.endedAt = (this.options.now ?? Date.now)()
    changed(record)
  }
}

/** Function names the API accepts: letters, digits, `_` and `-`, at most 64, unique in the request. */
/** The longest tool name a stored call record holds (`ToolCallRecord.tool`). */
const maxToolNameChars = 200

function uniqueName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64)
  let name = base
  for (let suffix = 2; taken.has(name); suffix++) name = `${base.slice(0, 60)}_${suffix}`
  taken.add(name)
  return name
}

function parseArguments(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text.trim() || '{}')
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}
