/**
 * The tool loop: offer the enabled tools, let the model answer, and while it asks for calls, ask the
 * user about each one, run the allowed ones (in parallel, each with the call timeout), send the results
 * back and let the model go on, up to the step limit. Electron-free and storage-free: what it adds to
 * the conversation goes to `onStep`, what the user sees goes to `emit`, and approvals are asked of
 * `approve` (the renderer answers through the contract). Stop (`signal`) ends the stream, cancels a
 * running call (MCP cancellation) and ends the loop.
 */
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions'
import type { AppError } from '../../shared/errors'
import type { ToolCallRecord, ToolCallStatus } from '../../shared/tool-calls'
import type { ToolSettings } from '../../shared/tool-settings'
import type { ChatService, ServiceRequest, StreamOutcome, StreamTarget } from '../chat/chat-service'
import type { Logger } from '../log'
import type { McpManager, McpTool } from './mcp-manager'
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
}

export interface ToolLoopOptions {
  chat: ChatService
  mcp: McpManager
  settings(): ToolSettings
  /** Asks the user about one call; must settle when `signal` aborts (Stop). */
  approve(call: ToolCallRecord, signal: AbortSignal): Promise<Approval>
  /** Remembers "always allow" for this server and tool. */
  allowAlways(serverId: string, tool: string): void
  /** Every change of a call's status, for the transcript. */
  emit(call: ToolCallRecord): void
  /** A step's answer with its calls, once every call has its result (history keeps them). */
  onStep?(step: ToolLoopStep): void
  log: Logger
  now?: () => number
  maxResultChars?: number
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
    for (const server of this.options.settings().servers) {
      if (!server.enabled) continue
      const listed = await this.options.mcp.listTools(server.id)
      if (!listed.ok) {
        this.options.log.warn(`tool server ${server.id} offers no tools now (${listed.error.kind})`)
        continue
      }
      for (const tool of listed.value) {
        if (server.disabledTools.includes(tool.name)) continue
        const functionName = uniqueName(`${server.id}__${tool.name}`, taken)
        offered.push({ functionName, serverId: server.id, serverName: server.name, tool })
      }
    }
    return offered
  }

  async run(request: ServiceRequest, target: StreamTarget, signal: AbortSignal): Promise<ToolLoopOutcome> {
    const offered = await this.offeredTools()
    const tools: ChatCompletionTool[] = offered.map(({ functionName, tool }) => ({
      type: 'function',
      function: { name: functionName, description: tool.description, parameters: tool.inputSchema },
    }))
    const added: ChatCompletionMessageParam[] = []
    const answers: StreamOutcome[] = []
    const calls: ToolCallRecord[] = []
    const stepLimit = this.options.settings().stepLimit
    let stepsRun = 0
    const finish = (status: ToolLoopOutcome['status'], error: AppError | null = null): ToolLoopOutcome => ({
      status,
      answers,
      calls,
      added,
      error,
    })
    for (;;) {
      if (signal.aborted) return finish('stopped')
      const lastStep = stepsRun >= stepLimit
      const sent = this.options.chat.send(
        {
          ...request,
          messages: [...request.messages, ...added],
          ...(tools.length ? { tools } : {}),
          ...(tools.length && lastStep ? { toolChoice: 'none' as const } : {}),
        },
        target,
      )
      if (!sent.ok) return finish('error', sent.error)
      const stop = () => this.options.chat.stop(sent.value.streamId)
      signal.addEventListener('abort', stop)
      const answer = await sent.value.finished.finally(() => signal.removeEventListener('abort', stop))
      answers.push(answer)
      if (answer.status !== 'complete') return finish(answer.status, answer.error)
      if (answer.toolCalls.length === 0 || tools.length === 0) return finish('complete')
      added.push({
        role: 'assistant',
        content: answer.text || null,
        tool_calls: answer.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        })),
      })
      const records = lastStep
        ? answer.toolCalls.map((call) => this.notRun(call, offered, stepLimitText(stepLimit)))
        : await this.runCalls(answer.toolCalls, offered, signal)
      stepsRun++
      calls.push(...records)
      for (const record of records)
        added.push({ role: 'tool', tool_call_id: record.id, content: record.result ?? 'Cancelled.' })
      this.options.onStep?.({ answer, calls: records })
      if (signal.aborted) return finish('stopped')
      // A model that asks again after being told to stop has had its chance: the loop ends here.
      if (lastStep) return finish('complete')
    }
  }

  /** Asks about each call in turn (one prompt at a time), then runs the allowed ones together. */
  private async runCalls(
    asked: AssembledToolCall[],
    offered: OfferedTool[],
    signal: AbortSignal,
  ): Promise<ToolCallRecord[]> {
    const records = asked.map((call) => this.recordFor(call, offered))
    const allowed: Array<{ record: ToolCallRecord; args: Record<string, unknown> }> = []
    for (const record of records) {
      const tool = offered.find((candidate) => candidate.functionName === record.functionName)
      if (!tool) {
        this.settle(record, 'failed', `There is no tool named ${record.functionName}.`, true)
        continue
      }
      const args = parseArguments(record.arguments)
      if (args === null) {
        this.settle(record, 'failed', 'The arguments were not a JSON object, so the tool was not called.', true)
        continue
      }
      if (signal.aborted) {
        this.settle(record, 'cancelled', 'Stopped by the user before it ran.', true)
        continue
      }
      const always = this.options
        .settings()
        .alwaysAllowed.some((entry) => entry.serverId === tool.serverId && entry.tool === tool.tool.name)
      let approval: Approval | 'stopped' = 'once'
      if (!always) {
        record.status = 'awaiting_approval'
        this.options.emit({ ...record })
        approval = await this.options.approve({ ...record }, signal).catch(() => 'deny' as const)
        if (signal.aborted) approval = 'stopped'
      }
      if (approval === 'stopped') this.settle(record, 'cancelled', 'Stopped by the user before it ran.', true)
      else if (approval === 'deny') this.settle(record, 'denied', deniedText, true)
      else {
        if (approval === 'always') this.options.allowAlways(tool.serverId, tool.tool.name)
        allowed.push({ record, args })
      }
    }
    await Promise.all(allowed.map(({ record, args }) => this.execute(record, args, signal)))
    return records
  }

  private async execute(record: ToolCallRecord, args: Record<string, unknown>, signal: AbortSignal): Promise<void> {
    const now = this.options.now ?? Date.now
    record.status = 'running'
    record.startedAt = now()
    this.options.emit({ ...record })
    const outcome = await this.options.mcp.callTool(record.serverId ?? '', record.tool, args, {
      signal,
      timeoutMs: this.options.settings().callTimeoutMs,
    })
    const max = this.options.maxResultChars ?? defaultMaxResultChars
    if (outcome.ok) {
      const { text, isError } = toolResultText(outcome.value, max)
      return this.settle(record, isError ? 'failed' : 'done', text, isError)
    }
    record.stderr = outcome.error.stderr
    const status = outcome.error.kind === 'aborted' ? 'cancelled' : 'failed'
    this.settle(record, status, capped(`The tool call failed: ${outcome.error.message}`, true, max).text, true)
  }

  private notRun(call: AssembledToolCall, offered: OfferedTool[], why: string): ToolCallRecord {
    const record = this.recordFor(call, offered)
    this.settle(record, 'cancelled', why, true)
    return record
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

  private settle(record: ToolCallRecord, status: ToolCallStatus, result: string, isError: boolean): void {
    record.status = status
    record.result = result
    record.isError = isError
    record.endedAt = (this.options.now ?? Date.now)()
    this.options.emit({ ...record })
  }
}

/** Function names the API accepts: letters, digits, `_` and `-`, at most 64, unique in the request. */
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
