import { z } from 'zod'
import { AttachmentLinksSchema } from './attachments'
import { AppErrorSchema } from './errors'
import { ConversationOverridesSchema } from './overrides'

/** The longest message that can be sent (or sent edited), in UTF-16 units as zod counts. */
export const maxSentMessageChars = 1_000_000

/** A part of a question with attachments, as OpenAI's API takes it: text, or an image as a data URL. */
export const ContentPartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image_url'), image_url: z.object({ url: z.string() }) }),
])
export type ContentPart = z.infer<typeof ContentPartSchema>

export const ChatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(maxSentMessageChars),
  /**
   * The attachments' tokens, estimated (images by OpenAI's tile rule), for the usage estimate when the
   * provider sends none. Never sent.
   */
  attachmentTokens: z.number().int().nonnegative().optional(),
})
export type ChatMessage = z.infer<typeof ChatMessageSchema>

/**
 * What ChatService sends to the gateway: a whole conversation. Main builds it from history;
 * it never comes from the renderer. Unset parameters come from the user's settings.
 */
export const CompletionRequestSchema = z
  .object({
    messages: z.array(ChatMessageSchema).min(1).max(10_000),
    model: z.string().trim().min(1).max(200).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().min(1).max(1_000_000).optional(),
    systemPrompt: z.string().max(20_000).optional(),
  })
  .strict()
export type CompletionRequest = z.infer<typeof CompletionRequestSchema>

export const StreamIdSchema = z.string().uuid()

/** Send a message: to a conversation, or (conversationId null) to a new one that main creates. */
export const ChatSendRequestSchema = z
  .object({
    conversationId: z.string().uuid().nullable(),
    content: z.string().trim().min(1, 'The message is empty.').max(maxSentMessageChars),
    /** This message only; otherwise the conversation's override, then the default model. */
    model: z.string().trim().min(1).max(200).optional(),
    /** For a new conversation only (conversationId null): its settings from the start, e.g. a preset. */
    overrides: ConversationOverridesSchema.optional(),
    /** Files stored by `attachments:add`, in order, each under the name it is shown with. */
    attachments: AttachmentLinksSchema.optional(),
  })
  .strict()
export type ChatSendRequest = z.infer<typeof ChatSendRequestSchema>

/**
 * The ids main gave the new messages. `streamId` is null when the answer could not start (no key):
 * the assistant message is then already stored as an error, with `error` saying why.
 */
export const ChatSendResponseSchema = z.object({
  conversationId: z.string().uuid(),
  userMessageId: z.string().uuid().nullable(),
  assistantMessageId: z.string().uuid(),
  streamId: StreamIdSchema.nullable(),
  error: AppErrorSchema.nullable(),
})
export type ChatSendResponse = z.infer<typeof ChatSendResponseSchema>

/** Answer again in place of an assistant message that failed, stopped or was interrupted. */
export const ChatRetryRequestSchema = z.object({ messageId: z.string().uuid() }).strict()

/**
 * Edit and resend: a question of the user's gets new text and is sent again, as a new version. The
 * new text becomes a sibling of the old question (same parent) and its answer streams; the old
 * question keeps its whole branch, one version switch away. Nothing is deleted.
 */
export const ChatEditRequestSchema = z
  .object({
    messageId: z.string().uuid(),
    content: z.string().trim().min(1, 'The message is empty.').max(maxSentMessageChars),
    model: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
export type ChatEditRequest = z.infer<typeof ChatEditRequestSchema>

/**
 * Compare: one question to 2–4 models at once. Their answers are siblings under the question, each
 * its own stream (the concurrency cap counts each), saved and re-attachable as any answer is.
 */
export const ChatCompareRequestSchema = z
  .object({
    conversationId: z.string().uuid().nullable(),
    content: ChatSendRequestSchema.shape.content,
    models: z
      .array(z.string().trim().min(1).max(200))
      .min(2, 'Pick at least two models to compare.')
      .max(4, 'Compare at most four models at once.')
      .refine((models) => new Set(models).size === models.length, 'Each model can be picked once.'),
    overrides: ConversationOverridesSchema.optional(),
    attachments: AttachmentLinksSchema.optional(),
  })
  .strict()
export type ChatCompareRequest = z.infer<typeof ChatCompareRequestSchema>

export const ChatCompareResponseSchema = z.object({
  conversationId: z.string().uuid(),
  userMessageId: z.string().uuid(),
  /** In the order asked; `streamId` null (and `error` set) for one that could not start, such as over the cap. */
  answers: z.array(
    z.object({
      model: z.string(),
      assistantMessageId: z.string().uuid(),
      streamId: StreamIdSchema.nullable(),
      error: AppErrorSchema.nullable(),
    }),
  ),
})
export type ChatCompareResponse = z.infer<typeof ChatCompareResponseSchema>

/** Ask the model to go on from where an answer stopped, appending to the same message. */
export const ChatContinueRequestSchema = z.object({ messageId: z.string().uuid() }).strict()

/** A stream still running, for a view that opens (or reloads) while it runs: it re-attaches from here. */
export const ActiveStreamSchema = z.object({
  streamId: StreamIdSchema,
  conversationId: z.string().uuid(),
  messageId: z.string().uuid(),
  model: z.string(),
  text: z.string(),
  reasoning: z.string(),
  /** The seq of the last event folded into `text`; apply only later events. */
  lastSeq: z.number().int(),
  /** The Compare this answer is one of, while any of its answers streams: a reloaded view shows its columns again. */
  compare: ChatCompareResponseSchema.optional(),
})
export type ActiveStream = z.infer<typeof ActiveStreamSchema>
export const ChatStopRequestSchema = z.object({ streamId: StreamIdSchema }).strict()
export const ChatStopResponseSchema = z.object({ stopped: z.boolean() })

export const UsageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  /** True when the provider sent no usage and the app estimated the tokens (about four characters a token). */
  estimated: z.boolean().optional(),
})
export type Usage = z.infer<typeof UsageSchema>

export const TimingsSchema = z.object({
  /** From sending the request to the first content (or reasoning) delta; null when none came. */
  timeToFirstTokenMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative(),
  /** Completion tokens over the time from first token to end; null without usage or with no tokens. */
  tokensPerSecond: z.number().nonnegative().nullable(),
})
export type Timings = z.infer<typeof TimingsSchema>

/**
 * Events main pushes for one stream. `seq` starts at 0 with `start` and grows by one per event,
 * so a listener can tell a gap or a duplicate. Exactly one of `done` or `error` ends a stream.
 */
const streamEvent = { streamId: StreamIdSchema, seq: z.number().int().nonnegative() }

export const ChatEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...streamEvent,
    type: z.literal('start'),
    model: z.string(),
    /** Which stored message this stream fills, so any open view can show it. */
    conversationId: z.string().uuid().nullable(),
    messageId: z.string().uuid().nullable(),
    /** Text the message already had: a Continue appends to it, and deltas follow it. */
    initialText: z.string(),
  }),
  /** Thinking text (a reasoning model's, shown folded away), coalesced like the answer's deltas. */
  z.object({ ...streamEvent, type: z.literal('reasoning'), content: z.string() }),
  /** Text that arrived since the previous delta event, coalesced to about one event per frame. */
  z.object({ ...streamEvent, type: z.literal('delta'), content: z.string() }),
  z.object({
    ...streamEvent,
    type: z.literal('done'),
    /** `stopped` when the user pressed Stop; otherwise the model's finish reason. */
    finishReason: z.string(),
    stopped: z.boolean(),
    usage: UsageSchema.nullable(),
    timings: TimingsSchema,
  }),
  /**
   * The request failed before the answer began and will be sent again after `delayMs` (the server's
   * Retry-After, or a backoff). Stop during the wait ends the stream as stopped.
   */
  z.object({
    ...streamEvent,
    type: z.literal('retrying'),
    attempt: z.number().int().positive(),
    maxAttempts: z.number().int().positive(),
    delayMs: z.number().nonnegative(),
    error: AppErrorSchema,
  }),
  /** The stream failed. The text already sent in deltas stays the answer's partial text. */
  z.object({ ...streamEvent, type: z.literal('error'), error: AppErrorSchema, timings: TimingsSchema }),
])
export type ChatEvent = z.infer<typeof ChatEventSchema>
