/**
 * Chat as the user sees it: messages in stored conversations. Main writes the user message before
 * the request and the answer while it streams (at most every `persistEveryMs`, and at the end), so a
 * renderer reload, a second window or a crash loses at most the last batch.
 */
import type { Attachment } from '../../shared/attachments'
import type {
  ActiveStream,
  ChatCompareRequest,
  ChatCompareResponse,
  ChatEvent,
  ChatMessage,
  ChatSendRequest,
  ChatSendResponse,
} from '../../shared/chat'
import { fail, ok, type AppError, type Result } from '../../shared/errors'
import type { HistoryEvent } from '../../shared/events'
import type { Conversation, ConversationOverrides, StoredMessage } from '../../shared/history'
import type { PriceTable } from '../../shared/pricing'
import type { AttachmentLink } from '../attachments/attachment-store'
import { refused } from '../attachments/attachment-store'
import type { HistoryApi } from '../history/history-api'
import type { Logger } from '../log'
import { answerUsage, type EarlierPart } from './answer-usage'
import { attachmentTokens, hasImages, type AttachmentSource } from './attachment-parts'
import type { ToolLoop } from '../tools/tool-loop'
import { toPromptMessages } from '../tools/tool-prompt'
import type { ChatService, ServiceRequest, StreamTarget } from './chat-service'

export interface ConversationChatOptions {
  history: HistoryApi
  chat: ChatService
  /** The default model, when neither the message nor the conversation names one. */
  defaultModel(): string
  /** List prices (USD per million tokens) by model, read when an answer finishes; none means no cost. */
  prices?(): PriceTable
  emit(event: HistoryEvent): void
  log: Logger
  persistEveryMs?: number
  /** A question's files: checked against the limits when sent, and read into its parts for each request. */
  attachments?: { resolve(links: readonly AttachmentLink[]): Result<Attachment[]>; source: AttachmentSource }
  /** Whether a model reads images (the known list and the user's per-model choice); none do without it. */
  readsImages?(model: string): boolean
  /** The tool loop, and whether tools are on for a conversation that does not say (Settings). */
  tools?: { loop: ToolLoop; enabledByDefault(): boolean }
}

/** An answer being written: its text so far and when it was last saved. */
interface LiveAnswer {
  streamId: string
  conversationId: string
  messageId: string
  model: string
  text: string
  reasoning: string
  lastSeq: number
  saveTimer: ReturnType<typeof setTimeout> | null
  /** Where this stream's own text starts (after the part a Continue appends to). */
  initialLength: number
  /** The usage and cost the message held before a Continue, added to this stream's. */
  earlier: EarlierPart | null
}

/** What the model is told on Continue; it sees its own partial answer just before. */
const continueInstruction =
  'Continue your previous answer exactly where it stopped, without repeating anything and without any preamble.'

/** Enough history for any model's context; older messages stay stored but are not sent. */
const maxMessagesSent = 1000

export class ConversationChat {
  private readonly live = new Map<string, LiveAnswer>()
  /** Compares with an answer still streaming, by question: `active()` names each stream's run. */
  private readonly compareRuns = new Map<string, ChatCompareResponse>()
  /** Tool loops still running, by their first stream's id (how the loop knows them), and their conversation. */
  private readonly toolLoops = new Map<string, string>()

  constructor(private readonly options: ConversationChatOptions) {}

  /** Sees every chat event before the views do, and keeps the stored answer in step. */
  observe(event: ChatEvent): void {
    if (event.type === 'start') {
      if (!event.conversationId || !event.messageId) return
      const continued = event.initialText ? this.options.history.getMessage(event.messageId) : null
      this.live.set(event.streamId, {
        streamId: event.streamId,
        conversationId: event.conversationId,
        messageId: event.messageId,
        model: event.model,
        text: event.initialText,
        reasoning: '',
        lastSeq: event.seq,
        saveTimer: null,
        initialLength: event.initialText.length,
        earlier: continued ? { usage: continued.usage, costUsd: continued.costUsd } : null,
      })
      return
    }
    const answer = this.live.get(event.streamId)
    if (!answer) return
    answer.lastSeq = event.seq
    if (event.type === 'retrying') return
    if (event.type === 'delta' || event.type === 'reasoning') {
      if (event.type === 'delta') answer.text += event.content
      else answer.reasoning += event.content
      answer.saveTimer ??= setTimeout(() => this.saveProgress(answer), this.options.persistEveryMs ?? 250)
      return
    }
    if (answer.saveTimer) clearTimeout(answer.saveTimer)
    this.live.delete(event.streamId)
    this.forgetEndedCompares()
    const error: AppError | null = event.type === 'error' ? event.error : null
    // Pricing reads history (the prompt, to estimate tokens): like the write, it must never throw into
    // ChatService's emit, or the answer would stay `streaming` and the stream's promise reject.
    let priced: ReturnType<typeof answerUsage> = { usage: null, costUsd: null }
    try {
      priced = answerUsage({
        model: answer.model,
        prices: this.options.prices?.() ?? {},
        reported: event.type === 'done' ? event.usage : null,
        newText: answer.text.slice(answer.initialLength),
        newReasoning: answer.reasoning,
        promptMessages: () => this.promptBefore(answer),
        earlier: answer.earlier,
      })
    } catch (caught) {
      this.options.log.error('could not work out an answer’s usage', caught)
    }
    const { usage, costUsd } = priced
    this.write(() =>
      this.options.history.finishMessage(answer.messageId, {
        content: answer.text,
        reasoning: answer.reasoning || null,
        status: event.type === 'error' ? 'error' : event.stopped ? 'stopped' : 'complete',
        errorKind: error?.kind ?? null,
        errorMessage: error?.message ?? null,
        errorCause: error?.cause ?? null,
        model: answer.model,
        usage,
        costUsd,
        timings: event.timings,
        finishReason: event.type === 'done' && !event.stopped ? event.finishReason : null,
      }),
    )
    this.announce(answer.conversationId)
  }

  /** The conversation a question goes to: the one named, or a new one created with the request's overrides. */
  private conversationFor(request: {
    conversationId: string | null
    overrides?: ConversationOverrides | undefined
  }): Result<Conversation> {
    const { history } = this.options
    const existing = request.conversationId ? history.getConversation(request.conversationId) : null
    if (request.conversationId && !existing) return fail('not_found', 'This conversation no longer exists.')
    if (existing && request.overrides)
      return fail('invalid_payload', 'Overrides come with a new conversation only; change them in its settings.')
    return ok(existing ?? history.createConversation(request.overrides ? { overrides: request.overrides } : {}))
  }

  /**
   * Sends a question under the shown leaf, or under `placement.parentId` (Edit: beside the question
   * it replaces, null for a new root), and streams its answer.
   */
  send(request: ChatSendRequest, placement: { parentId?: string | null } = {}): Result<ChatSendResponse> {
    const { history } = this.options
    // The files are checked before anything is written, so a refused question leaves no trace.
    const attached = this.attachedFiles(request, [request.model ?? this.modelFor(request)])
    if (!attached.ok) return attached
    const found = this.conversationFor(request)
    if (!found.ok) return found
    const conversation = found.value
    const held = this.refusedWhileToolLoop(conversation.id)
    if (held) return held
    // With its files, in the same transaction: a crash right after sending keeps the question whole.
    const userMessage = history.appendMessage(conversation.id, {
      role: 'user',
      content: request.content,
      status: 'complete',
      ...(placement.parentId === undefined ? {} : { parentId: placement.parentId }),
      ...(attached.value.length ? { attachments: attached.value } : {}),
    })
    return ok({ ...this.answer(conversation.id, request.model, userMessage.id), userMessageId: userMessage.id })
  }

  /**
   * Compare: the question once, then one answer per model under it, each its own stream. The last
   * model's answer is shown; "Continue with this one" (`history:showMessage`) picks another.
   */
  compare(request: ChatCompareRequest): Result<ChatCompareResponse> {
    const { history } = this.options
    const attached = this.attachedFiles(request, request.models)
    if (!attached.ok) return attached
    const found = this.conversationFor(request)
    if (!found.ok) return found
    const conversation = found.value
    const held = this.refusedWhileToolLoop(conversation.id)
    if (held) return held
    const question = history.appendMessage(conversation.id, {
      role: 'user',
      content: request.content,
      status: 'complete',
      ...(attached.value.length ? { attachments: attached.value } : {}),
    })
    const answers = request.models.map((model) => {
      const { assistantMessageId, streamId, error } = this.answer(conversation.id, model, question.id)
      return { model, assistantMessageId, streamId, error }
    })
    const run = { conversationId: conversation.id, userMessageId: question.id, answers }
    if (answers.some((answer) => answer.streamId !== null && this.isLive(answer.streamId)))
      this.compareRuns.set(question.id, run)
    return ok(run)
  }

  /**
   * A stream is live from its `start` event, which ChatService emits before `send` returns. A stream
   * that ended already (a refused request) is not, so a run with none live is never kept.
   */
  private isLive(streamId: string): boolean {
    return this.live.has(streamId)
  }

  private forgetEndedCompares(): void {
    for (const [questionId, run] of this.compareRuns)
      if (!run.answers.some((answer) => answer.streamId !== null && this.isLive(answer.streamId)))
        this.compareRuns.delete(questionId)
  }

  /**
   * Regenerate and Try again, on any branch: for an answer, a new sibling answer to the same
   * question (the old one stays, one `‹ ›` away; only an answer that failed before writing anything
   * is replaced); for a question, a new answer to it.
   */
  retry(messageId: string): Result<ChatSendResponse> {
    const { history } = this.options
    const message = history.getMessage(messageId)
    if (!message) return fail('not_found', 'This message no longer exists.')
    if (message.status === 'streaming') return fail('invalid_payload', 'This answer is still streaming.')
    const held = this.refusedWhileToolLoop(message.conversationId)
    if (held) return held
    const question = message.role === 'assistant' ? history.parentOf(message.id) : message.id
    if (question === null) return fail('invalid_payload', 'This answer has no question to answer again.')
    const empty =
      message.role === 'assistant' &&
      message.content === '' &&
      message.status !== 'complete' &&
      !message.toolCalls?.length
    if (empty && history.childrenOf(message.id).length === 0) history.deleteMessage(message.id)
    return ok({ ...this.answer(message.conversationId, undefined, question), userMessageId: null })
  }

  /**
   * Asks the model to go on from where the conversation's last answer stopped (Stop, a broken
   * stream, the app closing, a length limit), appending to that same message. The model sees the
   * conversation with its partial answer and an instruction to continue; the instruction is not
   * stored, so the transcript reads as one answer.
   */
  continue(messageId: string): Result<ChatSendResponse> {
    const { history } = this.options
    const message = history.getMessage(messageId)
    if (!message) return fail('not_found', 'This message no longer exists.')
    const { conversationId } = message
    if (message.role !== 'assistant' || history.childrenOf(message.id).length > 0)
      return fail('invalid_payload', 'Only the last answer of a branch can be continued.')
    if (message.status === 'streaming') return fail('invalid_payload', 'This answer is still streaming.')
    const held = this.refusedWhileToolLoop(conversationId)
    if (held) return held
    // An answer that asked for tools is not appended to: its calls have results, so a new answer goes below it.
    if (message.toolCalls?.length) return this.answerBelow(conversationId, message.id)
    if (!message.content) return this.retry(messageId)
    const conversation = history.getConversation(conversationId)!
    const { overrides } = conversation
    const modelId = message.model ?? overrides.model ?? this.options.defaultModel()
    // The branch of this answer, whichever is shown: the path above it, the answer so far, the instruction.
    const above = history.listMessages(conversationId, { limit: maxMessagesSent, beforeMessageId: messageId })
    const messages = [
      ...toPromptMessages([...above.messages, message], this.options.attachments?.source),
      { role: 'user' as const, content: continueInstruction },
    ]
    // Through the tool loop when tools are on: the history may hold tool calls, and the model may
    // ask for more while it goes on.
    const started = this.sendAnswer(
      conversation,
      {
        messages,
        model: modelId,
        ...(overrides.temperature === undefined ? {} : { temperature: overrides.temperature }),
        ...(overrides.maxTokens === undefined ? {} : { maxTokens: overrides.maxTokens }),
        ...(overrides.systemPrompt === undefined ? {} : { systemPrompt: overrides.systemPrompt }),
      },
      { conversationId, messageId, initialText: message.content },
    )
    if (!started.ok) return fail(started.error.kind, started.error.message)
    history.reopenMessage(messageId)
    history.showMessage(messageId)
    this.announce(conversationId)
    return ok({
      conversationId,
      userMessageId: null,
      assistantMessageId: messageId,
      streamId: started.value.streamId,
      error: null,
    })
  }

  /** The model a question goes to when it names none: the conversation's, then the default. */
  private modelFor(request: { conversationId: string | null; overrides?: ConversationOverrides | undefined }): string {
    const existing = request.conversationId ? this.options.history.getConversation(request.conversationId) : null
    return (existing ?? request).overrides?.model ?? this.options.defaultModel()
  }

  /**
   * A question's files, looked up and held to the limits; refused, before anything is written or
   * sent, when it has an image and one of `models` does not read images.
   */
  private attachedFiles(
    request: { attachments?: readonly AttachmentLink[] | undefined },
    models: readonly string[],
  ): Result<Attachment[]> {
    const links = request.attachments ?? []
    if (links.length === 0) return ok([])
    const { attachments } = this.options
    if (!attachments) return fail('invalid_payload', 'Attachments cannot be sent here.')
    const resolved = attachments.resolve(links)
    if (!resolved.ok) return resolved
    const withImages = hasImages([{ role: 'user', attachments: resolved.value } as StoredMessage])
    const blind = withImages ? models.find((model) => !this.readsImages(model)) : undefined
    if (blind !== undefined) return this.visionRefusal(blind)
    return resolved
  }

  private readsImages(model: string): boolean {
    return this.options.readsImages?.(model) ?? false
  }

  private visionRefusal(model: string): { ok: false; error: AppError } {
    return refused(
      { reason: 'model_without_vision', name: '', model },
      `${model} does not read images. Pick a model that does, or remove the images.`,
    )
  }

  /** Streams still running, for a view that opens while they run. */
  active(): ActiveStream[] {
    const runs = [...this.compareRuns.values()]
    return [...this.live.values()].map(({ streamId, conversationId, messageId, model, text, reasoning, lastSeq }) => {
      const compare = runs.find((run) => run.answers.some((answer) => answer.streamId === streamId))
      return { streamId, conversationId, messageId, model, text, reasoning, lastSeq, ...(compare ? { compare } : {}) }
    })
  }

  /**
   * A tool loop holds its conversation until it ends, also while no answer streams (it waits for an
   * approval or runs a call, and the answer that asked reads complete): a Send, Compare, Continue
   * or Regenerate then would fork the branch and run a second loop beside it.
   */
  private refusedWhileToolLoop(conversationId: string): Result<never> | null {
    for (const loopConversation of this.toolLoops.values())
      if (loopConversation === conversationId)
        return fail(
          'busy',
          'This conversation is still answering with its tools. Wait for it to finish, or stop it, then try again.',
        )
    return null
  }

  /** Stops the streams of a conversation, for example before it is deleted. */
  stopConversation(conversationId: string): void {
    for (const answer of this.live.values()) {
      if (answer.conversationId === conversationId) this.options.chat.stop(answer.streamId)
    }
    // A tool loop may have no stream right now (waiting for an approval, or running a call).
    for (const [streamId, loopConversation] of this.toolLoops)
      if (loopConversation === conversationId) this.options.tools?.loop.stop(streamId)
  }

  /** Streams a new answer to `questionId`; the prompt is the path from the root to that question. */
  private answer(
    conversationId: string,
    model: string | undefined,
    questionId: string,
  ): Omit<ChatSendResponse, 'userMessageId'> {
    const { history } = this.options
    const conversation = history.getConversation(conversationId)!
    const { overrides } = conversation
    const modelId = model ?? overrides.model ?? this.options.defaultModel()
    const assistant = history.appendMessage(conversationId, {
      role: 'assistant',
      content: '',
      status: 'streaming',
      model: modelId,
      parentId: questionId,
    })
    const prompt = history.listMessages(conversationId, { limit: maxMessagesSent, beforeMessageId: assistant.id })
    const started = this.startAnswer(conversation, prompt.messages, modelId, overrides, {
      conversationId,
      messageId: assistant.id,
    })
    if (!started.ok) {
      this.write(() =>
        history.finishMessage(assistant.id, {
          content: '',
          reasoning: null,
          status: 'error',
          errorKind: started.error.kind,
          errorMessage: started.error.message,
          model: modelId,
          usage: null,
          costUsd: null,
          timings: null,
        }),
      )
    }
    this.announce(conversationId)
    return {
      conversationId,
      assistantMessageId: assistant.id,
      streamId: started.ok ? started.value.streamId : null,
      error: started.ok ? null : started.error,
    }
  }

  /** Refused before any request when the prompt has an image the model cannot read (Regenerate with another model). */
  private startAnswer(
    conversation: Conversation,
    prompt: StoredMessage[],
    modelId: string,
    overrides: ConversationOverrides,
    target: { conversationId: string; messageId: string },
  ): ReturnType<ChatService['send']> {
    if (hasImages(prompt) && !this.readsImages(modelId)) return this.visionRefusal(modelId)
    return this.sendAnswer(
      conversation,
      {
        messages: toPromptMessages(prompt, this.options.attachments?.source),
        model: modelId,
        ...(overrides.temperature === undefined ? {} : { temperature: overrides.temperature }),
        ...(overrides.maxTokens === undefined ? {} : { maxTokens: overrides.maxTokens }),
        ...(overrides.systemPrompt === undefined ? {} : { systemPrompt: overrides.systemPrompt }),
      },
      target,
    )
  }

  /** Continue of an answer with tool calls: a new answer below it, which sees the calls' results. */
  private answerBelow(conversationId: string, messageId: string): Result<ChatSendResponse> {
    return ok({ ...this.answer(conversationId, undefined, messageId), userMessageId: null })
  }

  /**
   * One answer: a plain stream, or the tool loop when tools are on for the conversation. Each step of
   * the loop after the first streams into a new answer below the one that asked for the calls, and
   * the calls are written as each changes (a kill -9 keeps every result that arrived).
   */
  private sendAnswer(
    conversation: Conversation,
    request: ServiceRequest,
    target: StreamTarget,
  ): ReturnType<ChatService['send']> {
    const tools = this.options.tools
    if (!tools || !(conversation.overrides.tools ?? tools.enabledByDefault()))
      return this.options.chat.send(request, target)
    const { history } = this.options
    const started = tools.loop.start(request, target, new AbortController().signal, {
      nextTarget: (previous) => {
        const previousAnswer = previous.messageId ? history.getMessage(previous.messageId) : null
        const next = history.appendMessage(conversation.id, {
          role: 'assistant',
          content: '',
          status: 'streaming',
          model: previousAnswer?.model ?? null,
          ...(previous.messageId ? { parentId: previous.messageId } : {}),
        })
        this.announce(conversation.id)
        return { conversationId: conversation.id, messageId: next.id }
      },
      onCalls: (step, calls) => {
        if (step.messageId) this.write(() => history.setToolCalls(step.messageId!, calls))
      },
      // The answer appended for this step is finished with the refusal, as `answer` does for the first.
      onRefused: (step, error) => {
        if (!step.messageId) return
        this.write(() =>
          history.finishMessage(step.messageId!, {
            content: '',
            reasoning: null,
            status: 'error',
            errorKind: error.kind,
            errorMessage: error.message,
            model: history.getMessage(step.messageId!)?.model ?? null,
            usage: null,
            costUsd: null,
            timings: null,
          }),
        )
        this.announce(conversation.id)
      },
    })
    if (!started.ok) return started
    const loopId = started.value.streamId
    this.toolLoops.set(loopId, conversation.id)
    const finished = started.value.finished
      .then(
        (outcome) => {
          // Stopped while it waited for an approval or ran a call: the answer that asked ended
          // complete, but the turn did not, so it reads as stopped (and Continue is offered).
          const last = outcome.stepTargets.at(-1)?.messageId
          if (outcome.status === 'stopped' && outcome.answers.at(-1)?.status === 'complete' && last)
            this.write(() => this.markStopped(last))
          this.announce(conversation.id)
          return outcome.answers.at(-1)!
        },
        (error: unknown) => {
          this.options.log.error('the tool loop failed', error)
          throw error
        },
      )
      .finally(() => this.toolLoops.delete(loopId))
    // Nobody may be waiting on it (the views follow the events); a failure is logged above.
    finished.catch(() => {})
    return ok({ streamId: started.value.streamId, finished })
  }

  private markStopped(messageId: string): void {
    const { history } = this.options
    const message = history.getMessage(messageId)
    if (!message || message.status !== 'complete') return
    history.finishMessage(messageId, {
      content: message.content,
      reasoning: message.reasoning ?? null,
      status: 'stopped',
      errorKind: null,
      errorMessage: null,
      model: message.model ?? null,
      usage: message.usage ?? null,
      costUsd: message.costUsd ?? null,
      timings: message.timings ?? null,
      finishReason: message.finishReason ?? null,
    })
  }

  /** The messages sent before an answer (for estimating its prompt): those before it, and its own earlier part. */
  private promptBefore(answer: LiveAnswer): ChatMessage[] {
    const before = this.options.history.listMessages(answer.conversationId, {
      limit: maxMessagesSent,
      beforeMessageId: answer.messageId,
    }).messages
    const earlierPart = answer.text.slice(0, answer.initialLength)
    const source = this.options.attachments?.source
    return [
      ...toCompletionMessages(before).map((message, index) => {
        const stored = before.filter(isSent)[index]
        const tokens = source && stored ? attachmentTokens(stored, source, answer.model) : 0
        return tokens ? { ...message, attachmentTokens: tokens } : message
      }),
      ...(earlierPart ? [{ role: 'assistant' as const, content: earlierPart }] : []),
    ]
  }

  private saveProgress(answer: LiveAnswer): void {
    answer.saveTimer = null
    if (!this.live.has(answer.streamId)) return
    this.write(() =>
      this.options.history.updateStreamingMessage(answer.messageId, answer.text, answer.reasoning || null),
    )
  }

  private announce(conversationId: string): void {
    const conversation = this.options.history.getConversation(conversationId)
    if (conversation) this.options.emit({ type: 'history', change: 'conversation', conversation })
  }

  /** A failed write is logged, never thrown into the stream: the answer keeps flowing to the views. */
  private write(action: () => unknown): void {
    try {
      action()
    } catch (error) {
      this.options.log.error('could not save a message', error)
    }
  }
}

/** Whether the model sees a message: user messages, and answers that have text. */
function isSent(message: StoredMessage): boolean {
  return message.role === 'user' || (message.role === 'assistant' && message.content !== '')
}

/**
 * What the model sees: user messages, and every answer that has text (a partial answer too). With a
 * `source`, a question's attachments go as its content parts.
 */
function toCompletionMessages(messages: StoredMessage[]): ChatMessage[] {
  return messages.filter(isSent).map((message) => ({ role: message.role, content: message.content }))
}
