/**
 * What the rest of main needs from conversation history. `HistoryStore` (history-store.ts)
 * implements it on node:sqlite; the chat orchestration, the IPC handlers and the export/import
 * workers are written against this interface.
 */
import type { Attachment } from '../../shared/attachments'
import type { ToolCallRecord } from '../../shared/tool-calls'
import type { Timings, Usage } from '../../shared/chat'
import type { ConnectionCause, ErrorKind } from '../../shared/errors'
import type {
  Conversation,
  ConversationOverrides,
  MessageStatus,
  PagedMessage,
  SearchResult,
  StoredMessage,
} from '../../shared/history'
import type { UsageSummary, UsageTotals } from '../../shared/usage'
import type { NewAttachment } from './attachment-queries'

/** Where the next page of the conversation list starts (keyset pagination: pinned, updatedAt, id). */
export interface ConversationCursor {
  pinned: boolean
  updatedAt: number
  id: string
}

export interface NewMessage {
  /** A fresh UUID when absent. */
  id?: string
  role: 'system' | 'user' | 'assistant'
  content: string
  reasoning?: string | null
  status: MessageStatus
  model?: string | null
  errorKind?: ErrorKind | null
  errorMessage?: string | null
  errorCause?: ConnectionCause | null
  createdAt?: number
  /**
   * The message it answers or follows: a message of the same conversation, or null for a new root
   * (Edit of the first question). Absent: the conversation's shown leaf, as a plain send does.
   */
  parentId?: string | null
  /** Stored files (see `addAttachment`) the message carries, in order, each under the name it was attached with. */
  attachments?: { id: string; name: string }[]
}

export interface FinishedMessage {
  content: string
  reasoning: string | null
  status: Exclude<MessageStatus, 'streaming'>
  errorKind: ErrorKind | null
  errorMessage: string | null
  /** For a network or TLS failure, its cause (see `AppError.cause`). */
  errorCause?: ConnectionCause | null
  model: string | null
  usage: Usage | null
  costUsd: number | null
  timings: Timings | null
  /** The model's finish reason (`stop`, `length`, `content_filter`…); null when it ended otherwise. */
  finishReason?: string | null
}

/** A message of a bundle: where it hangs in the tree (absent in files from before the tree: a chain). */
export type BundleMessage = StoredMessage & { parentId?: string | null }

/**
 * One conversation with all its messages, oldest first (a parent before its children): the unit of
 * export and import. `currentLeafId` is the shown leaf; absent (older files), the last message.
 */
export interface ConversationBundle {
  conversation: Omit<Conversation, 'messageCount'>
  messages: BundleMessage[]
  currentLeafId?: string | null
  /**
   * The files its messages carry, once each. Export: the facts (the worker adds the bytes from the
   * attachments folder); import: the bytes too, their SHA-256 already checked, already written.
   */
  files?: BundleFile[]
}

/** A stored attachment as a bundle carries it: its row, a PDF's text, and (in a file) its bytes. */
export interface BundleFile {
  id: string
  mime: Attachment['mime']
  size: number
  width: number | null
  height: number | null
  pageCount: number | null
  text: string | null
  /** Import only: the bytes read from the file, their SHA-256 checked against `id`. */
  bytes?: Buffer
}

export interface HistoryApi {
  readonly searchEngine: 'fts5' | 'scan'

  createConversation(input?: { title?: string; overrides?: ConversationOverrides }): Conversation
  getConversation(id: string): Conversation | null
  /** Conversations not deleted: the total an export of everything reports progress against. */
  countConversations(): number
  /** Pinned first, then most recently updated; deleted conversations are left out. */
  listConversations(options: { limit: number; after?: ConversationCursor | null }): {
    conversations: Conversation[]
    nextCursor: ConversationCursor | null
  }
  renameConversation(id: string, title: string): Conversation
  setPinned(id: string, pinned: boolean): Conversation
  setOverrides(id: string, overrides: ConversationOverrides): Conversation
  /** Soft delete: hidden at once, restorable until purged (undo). */
  deleteConversation(id: string): void
  restoreConversation(id: string): Conversation
  /** Removes for good conversations deleted more than `olderThanMs` ago; returns how many. */
  purgeDeleted(olderThanMs: number): number

  /**
   * Adds a message under its parent (by default the shown leaf), makes it the shown leaf and bumps
   * the conversation's `updatedAt`. The first user message of an untitled conversation gives it its
   * title (first line, trimmed to 80 characters).
   */
  appendMessage(conversationId: string, message: NewMessage): StoredMessage
  /** The cheap write made while an answer streams: text only, no search indexing. */
  updateStreamingMessage(messageId: string, content: string, reasoning: string | null): void
  /** The final write of a message: its status, usage and timings; indexes it for search. */
  finishMessage(messageId: string, final: FinishedMessage): StoredMessage
  /** An answer that goes on (Continue): back to `streaming` with its text, out of the search index until finished. */
  reopenMessage(id: string): StoredMessage
  /** An answer's tool calls and their results, written as each call changes (kill -9 keeps what was done). */
  setToolCalls(messageId: string, calls: ToolCallRecord[]): void
  getMessage(id: string): StoredMessage | null
  /** One message for the renderer, its texts cut to `maxChars` as a page's are. */
  getCutMessage(id: string, maxChars: number): PagedMessage | null
  /**
   * A page of the shown branch, oldest first: the path from the shown leaf up towards the root, or,
   * with `beforeMessageId`, the path above that message (on whichever branch it is: the prompt of an
   * answer is the page before it).
   */
  listMessages(
    conversationId: string,
    options: { limit: number; beforeMessageId?: string | null },
  ): { messages: StoredMessage[]; hasMore: boolean }
  /**
   * `listMessages` for the renderer: each text cut inside SQLite to `maxChars` characters (code
   * points), a cut message carrying `fullLength`, so a giant row is never read whole.
   */
  listCutMessages(
    conversationId: string,
    options: { limit: number; beforeMessageId?: string | null },
    maxChars: number,
  ): { messages: PagedMessage[]; hasMore: boolean }
  /** `length` characters (code points) of a live message's text from `offset`, and its full length; null when gone. */
  messageText(
    id: string,
    field: 'content' | 'reasoning',
    offset: number,
    length: number,
  ): { text: string; fullLength: number } | null
  /** Removes one message for good (an empty failed answer replaced by Try again); a message with replies stays. */
  deleteMessage(id: string): void
  /**
   * Deletes a message and everything below it, restorably (`restoreMessages`) until the start-up
   * purge; a shown leaf inside moves to a sibling's branch or the parent. Returns how many.
   */
  deleteSubtree(id: string): number
  /** Undo of `deleteSubtree` on the same message: brings the subtree back and shows it. */
  restoreSubtree(id: string): Conversation
  /** Shows the branch through a message: the shown leaf becomes the newest leaf under it (remembered). */
  showMessage(id: string): { conversationId: string; leafId: string }
  /** The live children of a message, oldest first (the versions of its answer, or of the next question). */
  childrenOf(id: string): StoredMessage[]
  /** The id of a live message's parent: null for a root; throws when the message is gone. */
  parentOf(id: string): string | null
  /** The ids of a live message and everything below it (none when it is gone). */
  subtreeIds(id: string): string[]

  /** Start-up recovery: every message still `streaming` (the app was killed) becomes `interrupted`. */
  markInterruptedStreams(): number

  /** Case- and diacritic-insensitive search (`tieng viet` finds `tiếng Việt`, `dang` finds `đang`). */
  search(query: string, limit: number): SearchResult

  /** Bundles for export, oldest conversation first; `ids` null means every conversation. */
  exportBundles(ids: string[] | null): Iterable<ConversationBundle>
  /**
   * All or nothing: written hidden in short transactions (so main's writes never wait long for the
   * lock), then shown together; ids that already exist get fresh ones.
   */
  importBundles(
    bundles: ConversationBundle[],
    onProgress?: (conversationsDone: number) => void,
  ): { conversations: number; messages: number }

  /** Tokens, cost and median latency per day and per model over the last `days` days (viewer's days). */
  usageSummary(options: { days: number; utcOffsetMinutes: number }): UsageSummary
  /** Tokens and cost of one conversation's answers. */
  conversationUsage(conversationId: string): UsageTotals

  /** Records a file already written to the attachments folder; the same bytes again are kept once. */
  addAttachment(attachment: NewAttachment): Attachment
  getAttachment(id: string): Attachment | null
  /** A PDF's text as extracted when it was added; null for other files. */
  attachmentText(id: string): string | null
  /**
   * After the purge: removes the rows of files no message uses any more (a purged message's, or one
   * attached and never sent) recorded before `before`, and returns their ids, so their files can go too.
   */
  removeUnusedAttachments(before: number): string[]
  /** Whether a file's row exists, for the start-up sweep of the folder. */
  hasAttachment(id: string): boolean

  close(): void
}
