/**
 * Streams chat completions through the official `openai` SDK and turns them into sequenced,
 * coalesced `ChatEvent`s. Electron-free: the connection, the defaults and the event sink are
 * passed in, so the same service runs in the desktop app, in browser mode and in tests.
 */
import { randomUUID } from 'node:crypto'
import OpenAI from 'openai'
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions'
import type { ChatEvent, CompletionRequest, Usage } from '../../shared/chat'
import { fail, ok, type AppError, type Result } from '../../shared/errors'
import type { Logger } from '../log'
import { toAppError } from '../to-app-error'
import { contentOf, finishReasonOf, reasoningOf, usageOf } from './chunk-fields'
import { DeltaCoalescer, systemClock, type CoalescerClock } from './delta-coalescer'
import { IdleWatch } from './idle-watch'
import { retryDelayMs, waitUnlessAborted } from './retry-policy'
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
}

export const defaultMaxConcurrentStreams = 4

export const defaultIdleTimeoutMs = 45_000

export interface StreamTarget {
  conversationId: string | null
  messageId: string | null
  /** The text the message already has, when this stream continues it (Continue). */
  initialText?: string
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
    request: CompletionRequest,
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
    request: CompletionRequest,
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

    const stopped = (): StreamOutcome => {
      emit({
        type: 'done',
        finishReason: 'stopped',
        stopped: true,
        usage,
        timings: timings.finish(usage?.completionTokens ?? null),
      })
      return { streamId, text, reasoning, status: 'stopped', finishReason: 'stopped', usage, error: null }
    }

    emit({
      type: 'start',
      model,
      conversationId: target.conversationId,
      messageId: target.messageId,
      initialText: target.initialText ?? '',
    })
    const idle = new IdleWatch(this.options.idleTimeoutMs ?? defaultIdleTimeoutMs, signal)
    const idleTimeout = (): StreamOutcome => {
      const seconds = Number(((this.options.idleTimeoutMs ?? defaultIdleTimeoutMs) / 1000).toFixed(1))
      const error: AppError = {
        kind: 'timeout',
        message: `Nothing arrived from the gateway for ${seconds} s, so the answer was ended. The text received so far is kept.`,
      }
      return failed(error)
    }
    const failed = (error: AppError): StreamOutcome => {
      this.options.log.warn(`chat stream ${streamId} failed (${error.kind})`, error.message)
      emit({ type: 'error', error, timings: timings.finish(usage?.completionTokens ?? null) })
      return { streamId, text, reasoning, status: 'error', finishReason, usage, error }
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
      const body = {
        model,
        messages: withSystemPrompt(request.messages, request.systemPrompt ?? defaults.systemPrompt),
        stream: true as const,
        stream_options: { include_usage: true },
        ...optional('temperature', request.temperature ?? defaults.temperature),
        ...optional('top_p', defaults.topP),
        ...optional('max_tokens', request.maxTokens ?? defaults.maxTokens),
      }
      const maxRetries = this.options.maxRetries ?? 3
      // Typed as unknown: gateways send shapes the SDK's types do not promise (see chunk-fields.ts).
      let stream: AsyncIterable<unknown> | null = null
      for (let attempt = 0; stream === null; attempt++) {
        try {
          stream = await client.chat.completions.create(body, { signal: idle.signal })
        } catch (caught) {
          if (signal.aborted) return stopped()
          if (idle.timedOut) return idleTimeout()
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
        const thinking = reasoningOf(chunk)
        if (thinking) {
          timings.markToken()
          reasoning += thinking
          reasoningCoalescer.push(thinking)
        }
        const content = contentOf(chunk)
        if (content) {
          timings.markToken()
          reasoningCoalescer.flush()
          text += content
          coalescer.push(content)
        }
        finishReason = finishReasonOf(chunk) ?? finishReason
        usage = usageOf(chunk) ?? usage
      }
      reasoningCoalescer.flush()
      coalescer.flush()
      // The SDK ends the iteration quietly when its signal aborts, so a Stop can land here too.
      if (signal.aborted) return stopped()
      if (idle.timedOut) return idleTimeout()
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
      return { streamId, text, reasoning, status: 'complete', finishReason, usage, error: null }
    } catch (caught) {
      reasoningCoalescer.flush()
      coalescer.flush()
      if (signal.aborted) return stopped()
      if (idle.timedOut) return idleTimeout()
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

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

function withSystemPrompt(messages: CompletionRequest['messages'], systemPrompt: string): ChatCompletionMessageParam[] {
  const hasSystem = messages.some((message) => message.role === 'system')
  if (!systemPrompt.trim() || hasSystem) return messages
  return [{ role: 'system', content: systemPrompt }, ...messages]
}

function optional<K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> {
  return value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>)
}
