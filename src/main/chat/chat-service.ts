/**
 * Streams chat completions through the official `openai` SDK and turns them into sequenced,
 * coalesced `ChatEvent`s. Electron-free: the connection, the defaults and the event sink are
 * passed in, so the same service runs in the desktop app, in browser mode and in tests.
 */
import { randomUUID } from 'node:crypto'
import OpenAI from 'openai'
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions'
import type { ChatEvent, CompletionRequest, Usage } from '../../shared/chat'
import { fail, ok, type AppError, type Result } from '../../shared/errors'
import type { Logger } from '../log'
import { toAppError } from '../to-app-error'
import { ToolCallAssembler, type AssembledToolCall } from '../tools/tool-call-assembler'
import { withoutToolMessages } from '../tools/tool-prompt'
import { contentOf, finishReasonOf, reasoningOf, usageOf } from './chunk-fields'
import { DeltaCoalescer, systemClock, type CoalescerClock } from './delta-coalescer'
import { bodyBytesFor, defaultMaxLineBytes, jsonBodyBytesFor } from './body-limits'
import { IdleWatch, type WatchEnd } from './idle-watch'
import { retryDelayMs, waitUnlessAborted } from './retry-policy'
import { StreamScrubber } from './stream-scrubber'
import { StreamTimings } from './stream-timings'

export interface GatewayConnection {
  apiKey: string | null
  baseURL: string
  /** Why there is no key to send when one is held (bound to another gateway origin): the error to give. */
  keyRefused?: AppError
}

export interface ChatDefaults {
  model: string
  temperature: number | null
  /** Optional so callers without one leave `top_p` to the model. */
  topP?: number | null
  maxTokens: number | null
  systemPrompt: string
}

export interface ChatServiceOptions {
  /** Read at every request, so a new key or base URL applies to the next message. */
  connection(): GatewayConnection
  defaults(): ChatDefaults
  emit(event: ChatEvent): void
  log: Logger
  /** How often deltas may be sent; ~one frame. */
  coalesceMs?: number
  clock?: CoalescerClock
  /** Retries before any byte of the answer arrives (rate limits, server trouble, no connection); default 3. */
  maxRetries?: number
  /** Passed to the SDK; only for routing, for example through a proxy. */
  fetch?: typeof fetch
  /** A stream with no bytes (keep-alive comments count) for this long ends with `timeout`; default 45 s. */
  idleTimeoutMs?: number
  /** Answers that may stream at once, across conversations; default 4. Read at each send. */
  maxConcurrentStreams?: () => number
  /** Called after a stream has sent its last event and left `activeStreamCount`. */
  onStreamEnded?: () => void
  /**
   * The longest an answer may take, from the request's start, however steadily bytes arrive (a
   * gateway trickling a byte at a time, or pinging forever); default 30 min; null for none.
   */
  totalTimeoutMs?: number | null
  /** The longest answer kept, thinking included, Continue's earlier part included; default 2,000,000. */
  maxAnswerChars?: number
  /** The longest SSE line or event accepted; default 1 MB. */
  maxLineBytes?: number
}

export const defaultMaxConcurrentStreams = 4

export const defaultIdleTimeoutMs = 45_000

export const defaultTotalTimeoutMs = 1_800_000

export const defaultMaxAnswerChars = 2_000_000

export interface StreamTarget {
  conversationId: string | null
  messageId: string | null
  /** The text the message already has, when this stream continues it (Continue). */
  initialText?: string
}

/**
 * What main asks the service for: the renderer's request, whose messages may also be the tool loop's
 * (assistant messages with `tool_calls`, `tool` results), and the tools offered to the model.
 */
export type ServiceRequest = Omit<CompletionRequest, 'messages'> & {
  messages: ChatCompletionMessageParam[]
  /** Or how to get them: awaited after `start`, so the stream's id exists while tool servers start. */
  tools?: ChatCompletionTool[] | (() => Promise<ChatCompletionTool[]>)
  /** `none` lets the model see the tools' history but ask for no more calls (the tool loop's last step). */
  toolChoice?: 'none'
}

/** How a stream ended, with the text received; what history (and tests) keep. */
export interface StreamOutcome {
  streamId: string
  text: string
  /** Thinking text, when the model sent some. */
  reasoning: string
  status: 'complete' | 'stopped' | 'error'
  finishReason: string | null
  usage: Usage | null
  error: AppError | null
  /** The calls the model asked for (finish reason `tool_calls`), assembled from the stream's deltas. */
  toolCalls: AssembledToolCall[]
}

interface ActiveStream {
  controller: AbortController
  finished: Promise<StreamOutcome>
}

export class ChatService {
  private readonly active = new Map<string, ActiveStream>()

  constructor(private readonly options: ChatServiceOptions) {}

  /**
   * Starts a stream and answers at once with its id; events follow through `emit`. `target` names the
   * stored message the stream fills; it travels in the `start` event so every open view can show it.
   */
  send(
    request: ServiceRequest,
    target: StreamTarget = { conversationId: null, messageId: null },
  ): Result<{ streamId: string; finished: Promise<StreamOutcome> }> {
    const { apiKey, baseURL, keyRefused } = this.options.connection()
    if (!apiKey) return keyRefused ? { ok: false, error: keyRefused } : fail('no_key', 'No API key is set.')
    const cap = this.options.maxConcurrentStreams?.() ?? defaultMaxConcurrentStreams
    if (this.active.size >= cap)
      return fail('busy', `${cap} answers are already streaming. Wait for one to finish, or stop one, then try again.`)
    const streamId = randomUUID()
    const controller = new AbortController()
    const finished = this.run(streamId, request, target, { apiKey, baseURL }, controller.signal).finally(() => {
      this.active.delete(streamId)
      this.options.onStreamEnded?.()
    })
    this.active.set(streamId, { controller, finished })
    return ok({ streamId, finished })
  }

  /** Aborts the request; the text already received stays, and the stream ends with `stopped`. */
  stop(streamId: string): boolean {
    const stream = this.active.get(streamId)
    if (!stream) return false
    stream.controller.abort()
    return true
  }

  /** Stops every stream and waits until each has sent its last event: for quitting. */
  async stopAll(): Promise<void> {
    const streams = [...this.active.values()]
    for (const stream of streams) stream.controller.abort()
    await Promise.allSettled(streams.map((stream) => stream.finished))
  }

  get activeStreamCount(): number {
    return this.active.size
  }

  private async run(
    streamId: string,
    request: ServiceRequest,
    target: StreamTarget,
    connection: { apiKey: string; baseURL: string },
    signal: AbortSignal,
  ): Promise<StreamOutcome> {
    const defaults = this.options.defaults()
    const model = request.model ?? defaults.model
    let seq = 0
    const emit = (event: DistributiveOmit<ChatEvent, 'streamId' | 'seq'>) =>
      this.options.emit({ ...event, streamId, seq: seq++ } as ChatEvent)
    const clock = this.options.clock ?? systemClock
    const timings = new StreamTimings(() => clock.now())
    let text = ''
    const coalescer = new DeltaCoalescer((content) => emit({ type: 'delta', content }), this.options.coalesceMs, clock)
    // Thinking text (DeepSeek's `reasoning_content`, some gateways' `reasoning`) comes before the
    // answer, so its own coalescer adds no events while the answer streams.
    const reasoningCoalescer = new DeltaCoalescer(
      (content) => emit({ type: 'reasoning', content }),
      this.options.coalesceMs,
      clock,
    )
    let reasoning = ''
    let finishReason: string | null = null
    let usage: Usage | null = null
    const toolCalls = new ToolCallAssembler()

    const stopped = (): StreamOutcome => {
      emit({
        type: 'done',
        finishReason: 'stopped',
        stopped: true,
        usage,
        timings: timings.finish(usage?.completionTokens ?? null),
      })
      return {
        streamId,
        text,
        reasoning,
        status: 'stopped',
        finishReason: 'stopped',
        usage,
        error: null,
        toolCalls: toolCalls.result(),
      }
    }

    emit({
      type: 'start',
      model,
      conversationId: target.conversationId,
      messageId: target.messageId,
      initialText: target.initialText ?? '',
    })
    const maxAnswerChars = this.options.maxAnswerChars ?? defaultMaxAnswerChars
    const totalTimeoutMs =
      this.options.totalTimeoutMs === undefined ? defaultTotalTimeoutMs : this.options.totalTimeoutMs
    const idle = new IdleWatch(
      {
        idleMs: this.options.idleTimeoutMs ?? defaultIdleTimeoutMs,
        deadlineMs: totalTimeoutMs,
        limits: {
          maxLineBytes: this.options.maxLineBytes ?? defaultMaxLineBytes,
          maxBodyBytes: bodyBytesFor(maxAnswerChars),
          maxJsonBodyBytes: jsonBodyBytesFor(maxAnswerChars),
        },
        secrets: [connection.apiKey],
      },
      signal,
    )
    /** The outcome when the watch ended the request (silence, the deadline, a size limit), else null. */
    const watchEnded = (): StreamOutcome | null => {
      const end = idle.ended
      return end
        ? failed(
            watchError(end, {
              idleMs: this.options.idleTimeoutMs ?? defaultIdleTimeoutMs,
              totalTimeoutMs,
              maxAnswerChars,
            }),
          )
        : null
    }
    // A gateway may echo the key into the answer; it is scrubbed before anything sees or stores the text.
    const contentScrubber = new StreamScrubber([connection.apiKey])
    const reasoningScrubber = new StreamScrubber([connection.apiKey])
    /** Passes on what the scrubbers held back, within the cap: at the end of the stream, however it ended. */
    const drainScrubbers = () => {
      const thinking = reasoningScrubber.flush().slice(0, Math.max(0, room()))
      reasoning += thinking
      if (thinking) reasoningCoalescer.push(thinking)
      const content = contentScrubber.flush().slice(0, Math.max(0, room()))
      text += content
      if (content) coalescer.push(content)
      reasoningCoalescer.flush()
      coalescer.flush()
    }
    /** Room left under the answer cap; the text a Continue appends to counts. */
    const initialLength = target.initialText?.length ?? 0
    const room = () => maxAnswerChars - initialLength - text.length - reasoning.length
    const failed = (error: AppError): StreamOutcome => {
      this.options.log.warn(`chat stream ${streamId} failed (${error.kind})`, error.message)
      emit({ type: 'error', error, timings: timings.finish(usage?.completionTokens ?? null) })
      return { streamId, text, reasoning, status: 'error', finishReason, usage, error, toolCalls: toolCalls.result() }
    }
    /** Once the answer's bytes flow, a failure is a broken stream, whatever the socket called it. */
    let answering = false
    try {
      // The SDK's retries are silent; ours announce each wait (`retrying`) so the UI can count down,
      // and Stop ends the wait. The schedule is the SDK's (see retry-policy.ts).
      const client = new OpenAI({
        apiKey: connection.apiKey,
        baseURL: connection.baseURL,
        maxRetries: 0,
        fetch: idle.wrap(this.options.fetch ?? fetch),
      })
      const tools = typeof request.tools === 'function' ? await request.tools() : request.tools
      if (signal.aborted) return stopped()
      const body = {
        model,
        // Without tools, a history with tool calls goes as plain text (the API refuses it otherwise).
        messages: withSystemPrompt(
          tools?.length ? request.messages : withoutToolMessages(request.messages),
          request.systemPrompt ?? defaults.systemPrompt,
        ),
        stream: true as const,
        stream_options: { include_usage: true },
        ...optional('temperature', request.temperature ?? defaults.temperature),
        ...optional('top_p', defaults.topP),
        ...optional('max_tokens', request.maxTokens ?? defaults.maxTokens),
        ...(tools?.length ? { tools } : {}),
        ...(tools?.length && request.toolChoice ? { tool_choice: request.toolChoice } : {}),
      }
      const maxRetries = this.options.maxRetries ?? 3
      // Typed as unknown: gateways send shapes the SDK's types do not promise (see chunk-fields.ts).
      let stream: AsyncIterable<unknown> | null = null
      for (let attempt = 0; stream === null; attempt++) {
        try {
          stream = await client.chat.completions.create(body, { signal: idle.signal })
        } catch (caught) {
          if (signal.aborted) return stopped()
          const ended = watchEnded()
          if (ended) return ended
          const error = toAppError(caught, [connection.apiKey])
          const delayMs = retryDelayMs(caught, error, attempt, maxRetries)
          if (delayMs === null) return failed(error)
          this.options.log.info(`chat stream ${streamId}: ${error.kind}, retry ${attempt + 1} in ${delayMs} ms`)
          emit({ type: 'retrying', attempt: attempt + 1, maxAttempts: maxRetries, delayMs, error })
          idle.pause()
          if (!(await waitUnlessAborted(delayMs, signal))) return stopped()
          idle.arm()
        }
      }
      answering = true
      for await (const chunk of stream) {
        // Past the cap, only the part that fits is kept, and the request ends (leaving the loop aborts it).
        const rawThinking = reasoningScrubber.push(reasoningOf(chunk))
        const thinking = rawThinking.slice(0, Math.max(0, room()))
        if (thinking) {
          timings.markToken()
          reasoning += thinking
          reasoningCoalescer.push(thinking)
        }
        const rawContent = contentScrubber.push(contentOf(chunk))
        const content = rawContent.slice(0, Math.max(0, room()))
        if (content) {
          timings.markToken()
          reasoningCoalescer.flush()
          text += content
          coalescer.push(content)
        }
        if (room() <= 0 && (rawContent.length > content.length || rawThinking.length > thinking.length)) {
          idle.endWith({ reason: 'too_large', error: null })
          break
        }
        toolCalls.push(chunk)
        finishReason = finishReasonOf(chunk) ?? finishReason
        usage = usageOf(chunk) ?? usage
      }
      drainScrubbers()
      // The SDK ends the iteration quietly when its signal aborts, so a Stop can land here too.
      if (signal.aborted) return stopped()
      const ended = watchEnded()
      if (ended) return ended
      if (finishReason === null)
        return failed({
          kind: 'stream_broken',
          message: 'The stream ended before the answer was complete. The text received so far is kept.',
        })
      emit({
        type: 'done',
        finishReason: finishReason ?? 'stop',
        stopped: false,
        usage,
        timings: timings.finish(usage?.completionTokens ?? null),
      })
      return {
        streamId,
        text,
        reasoning,
        status: 'complete',
        finishReason,
        usage,
        error: null,
        toolCalls: toolCalls.result(),
      }
    } catch (caught) {
      drainScrubbers()
      if (signal.aborted) return stopped()
      const ended = watchEnded()
      if (ended) return ended
      const error = toAppError(caught, [connection.apiKey])
      const broken = answering && (error.kind === 'internal' || error.kind === 'network')
      return failed(
        broken
          ? { kind: 'stream_broken', message: 'The connection broke mid-answer. The text received so far is kept.' }
          : error,
      )
    } finally {
      idle.close()
      reasoningCoalescer.dispose()
      coalescer.dispose()
    }
  }
}

/** What the user is told when the watch ended the answer; the text so far is kept in each case. */
function watchError(
  end: WatchEnd,
  limits: { idleMs: number; totalTimeoutMs: number | null; maxAnswerChars: number },
): AppError {
  const seconds = (ms: number) => Number((ms / 1000).toFixed(1))
  switch (end.reason) {
    case 'idle':
      return {
        kind: 'timeout',
        message: `Nothing arrived from the gateway for ${seconds(limits.idleMs)} s, so the answer was ended. The text received so far is kept.`,
      }
    case 'deadline':
      return {
        kind: 'timeout',
        message: `The answer took longer than the time limit (${seconds(limits.totalTimeoutMs ?? 0)} s in Settings), so it was ended. The text received so far is kept.`,
      }
    case 'too_large':
      return {
        kind: 'too_large',
        message: end.error
          ? `${end.error.message} The answer was ended to protect the app's memory; the text received so far is kept.`
          : `The answer reached the size limit (${limits.maxAnswerChars} characters in Settings), so it was ended. The text received so far is kept.`,
      }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

function withSystemPrompt(messages: ChatCompletionMessageParam[], systemPrompt: string): ChatCompletionMessageParam[] {
  const hasSystem = messages.some((message) => message.role === 'system')
  if (!systemPrompt.trim() || hasSystem) return messages
  return [{ role: 'system', content: systemPrompt }, ...messages]
}

function optional<K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> {
  return value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>)
}
