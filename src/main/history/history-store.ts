/**
 * Conversation history on node:sqlite. The SQL lives in the *-queries.ts files, opening and
 * recovery in open-database.ts, search in search/; this class puts them together in transactions.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DatabaseSync } from 'node:sqlite'
import type {
  Conversation,
  ConversationOverrides,
  PagedMessage,
  SearchResult,
  StoredMessage,
} from '../../shared/history'
import type { ToolCallRecord } from '../../shared/tool-calls'
import type { UsageSummary, UsageTotals } from '../../shared/usage'
import type { Logger } from '../log'
import type { Attachment } from '../../shared/attachments'
import {
  attachmentExists,
  attachmentText,
  deleteUnusedAttachments,
  findAttachment,
  insertAttachment,
  linkAttachments,
  messageAttachments,
  toAttachment,
  type NewAttachment,
} from './attachment-queries'
import { exportBundles, importBundles } from './bundles'
import {
  clearDeleted,
  countLiveConversations,
  deleteConversationRow,
  deletedConversationIds,
  findLiveConversation,
  insertConversation,
  listConversationRows,
  markDeleted,
  setTitleIfUntitled,
  touchConversation,
  updateOverrides,
  updatePinned,
  updateTitle,
} from './conversation-queries'
import type { ConversationBundle, ConversationCursor, FinishedMessage, HistoryApi, NewMessage } from './history-api'
import { inTransaction, type HistoryDb } from './history-db'
import { HistoryNotFoundError } from './history-errors'
import {
  deleteMessageRow,
  findLiveCutMessage,
  findLiveMessage,
  findMessage,
  findMessageAt,
  insertMessage,
  type CutMessageRow,
  markMessageInterrupted,
  messageSeqIn,
  messageTextSlice,
  streamingMessages,
  updateStreamingText,
  updateToolCalls,
  writeFinishedMessage,
  reopenForStreaming,
} from './message-queries'
import type { Migration } from './migrations/migration'
import { removeOpenMarker } from './open-marker'
import { connectHistoryDatabase, openHistoryDatabase, readOnlyViewOf } from './open-database'
import { rowForNewMessage, toConversation, toStoredMessage } from './rows'
import { fsyncPath } from '../backups/backup-files'
import type { MigrationFailure } from './safe-migration'
import { chooseSearchEngine } from './search/choose-engine'
import type { SearchEngine } from './search/search-engine'
import { buildSnippet } from './search/snippet'
import { queryWords } from './search/words'
import { writeMeta } from './store-meta'
import { titleFromMessage } from './title'
import { interruptUnfinishedToolCalls } from './tool-call-queries'
import { conversationUsage, usageSummary } from './usage-queries'
import {
  branchPage,
  childSeqs,
  currentLeafSeq,
  cutBranchPage,
  latestLeafUnder,
  liveSubtree,
  markedDeletedBefore,
  markedSubtree,
  markMessageDeleted,
  setCurrentLeaf,
  treeNode,
  unmarkMessageDeleted,
  type BranchPageRow,
} from './tree-queries'

export interface HistoryStoreOptions {
  /** The database file; its folder is created when missing. */
  path: string
  log: Logger
  /** The clock for every timestamp; `Date.now` by default. */
  now?: () => number
  /** How a SQLite connection is made; `new DatabaseSync(path)` by default. */
  openDatabase?: (path: string, options?: { readOnly: boolean }) => DatabaseSync
  /** The schema steps; the app's own unless given (a test's list whose last step fails). */
  migrations?: readonly Migration[]
  /** Where the copy taken before a migration goes; `backups` beside the file by default. */
  backupsDir?: string
  /** Runs after that copy is taken and before the migrations (main copies the settings and key files); not when an earlier copy is reused. */
  beforeMigration?: (backupsDir: string) => void
}

export class HistoryStore implements HistoryApi {
  private closed = false

  private constructor(
    private db: HistoryDb,
    private engine: SearchEngine,
    private readonly log: Logger,
    private readonly now: () => number,
    /** Main's store owns the clean-shutdown flag and the open marker; a worker's connection leaves them alone. */
    private readonly ownsFile: boolean,
    /** After a failed update the old data is open read-only: SQLite refuses every write. */
    private readOnlyFile: boolean,
    private readonly options: HistoryStoreOptions | null,
  ) {}

  /**
   * Main's store, at start-up: creates, migrates (with a backup first) and, when the file is damaged,
   * moves it aside and starts afresh (`movedAsideTo` says where the old one went). When a migration
   * fails, the old data is open read-only and `migrationFailed` says where its backup is. `walLost`
   * says the last run's write-ahead log vanished after it stopped without closing; `integrityChecked`
   * whether every page was checked while opening.
   */
  static open(options: HistoryStoreOptions): {
    store: HistoryStore
    movedAsideTo: string | null
    migrationFailed: MigrationFailure | null
    walLost: boolean
    integrityChecked: boolean
  } {
    const now = options.now ?? Date.now
    const opened = HistoryStore.openFile(options, now)
    return {
      store: new HistoryStore(opened.db, opened.engine, options.log, now, true, opened.readOnly, options),
      movedAsideTo: opened.movedAsideTo,
      migrationFailed: opened.migrationFailed,
      walLost: opened.walLost,
      integrityChecked: opened.integrityChecked,
    }
  }

  private static openFile(options: HistoryStoreOptions, now: () => number) {
    const { db, movedAsideTo, migrationFailed, walLost, integrityChecked } = openHistoryDatabase({ ...options, now })
    try {
      const readOnly = migrationFailed !== null
      // A read-only file cannot have its search index built: searching then reads every message.
      const engine = chooseSearchEngine(db, options.log, { rebuild: !readOnly, readOnly })
      return { db, engine, movedAsideTo, migrationFailed, readOnly, walLost, integrityChecked }
    } catch (error) {
      db.close()
      throw error
    }
  }

  /**
   * A worker thread's store, on the file main has open: no recovery; throws on another schema version.
   * `readOnly` (an export after a failed update, from `fileInUse`) reads an older version too.
   */
  static connect(options: HistoryStoreOptions & { readOnly?: boolean }): HistoryStore {
    const db = connectHistoryDatabase(options)
    const readOnly = options.readOnly ?? false
    try {
      const engine = chooseSearchEngine(db, options.log, { rebuild: false, readOnly })
      return new HistoryStore(db, engine, options.log, options.now ?? Date.now, false, readOnly, null)
    } catch (error) {
      db.close()
      throw error
    }
  }

  /** True after a failed update: the old data can be read, searched and exported, not changed. */
  get readOnly(): boolean {
    return this.readOnlyFile
  }

  /** The file this store reads: the history file, or after a failed update its read-only view. */
  get fileInUse(): string {
    if (!this.options) throw new Error('Only main’s open store knows its file.')
    return this.readOnlyFile ? readOnlyViewOf(this.options.path) : this.options.path
  }

  /**
   * Moves the database file `staged` (a flushed copy on the same disk, prepared by the caller) in
   * place of the open one, keeping the current file (and its -wal/-shm) at `keepAt`, and reopens: a
   * copy at an older version is migrated, with a backup, as at start-up. If a rename fails or the copy
   * cannot be opened (or is found damaged), what was moved is put back, the previous file is reopened,
   * and the error is thrown. Callers keep their reference to
   * this store throughout. Only renames happen here, so main's thread is not held for a large copy.
   */
  replaceFile(staged: string, keepAt: string): { migrationFailed: MigrationFailure | null } {
    const options = this.options
    if (!options || this.closed) throw new Error('Only main’s open store can replace its file.')
    const { path } = options
    const suffixes = ['', '-wal', '-shm']
    // Only what was really moved is put back: a failed first rename must not remove the live file.
    const movedAside: string[] = []
    let stagedInPlace = false
    this.closeConnection()
    try {
      for (const suffix of suffixes)
        if (existsSync(path + suffix)) {
          renameSync(path + suffix, keepAt + suffix)
          movedAside.push(suffix)
        }
      renameSync(staged, path)
      stagedInPlace = true
      fsyncPath(dirname(path))
      const opened = HistoryStore.openFile(options, this.now)
      if (opened.movedAsideTo) {
        // Damage the caller's check missed: an empty history in its place would not be a restore.
        opened.db.close()
        throw new Error(`the restored copy could not be used and was moved to ${opened.movedAsideTo}`)
      }
      return this.use(opened)
    } catch (error) {
      this.log.error('the restored history could not be put in place or opened; putting the previous file back', error)
      try {
        if (stagedInPlace) for (const suffix of suffixes) rmSync(path + suffix, { force: true })
        for (const suffix of movedAside) renameSync(keepAt + suffix, path + suffix)
      } finally {
        // Whatever happened above, the store answers again (on the previous file when it is back).
        this.use(HistoryStore.openFile(options, this.now))
      }
      throw error
    }
  }

  private use(opened: ReturnType<typeof HistoryStore.openFile>): { migrationFailed: MigrationFailure | null } {
    this.db = opened.db
    this.engine = opened.engine
    this.readOnlyFile = opened.readOnly
    return { migrationFailed: opened.migrationFailed }
  }

  get searchEngine(): 'fts5' | 'scan' {
    return this.engine.kind
  }

  createConversation(input: { title?: string; overrides?: ConversationOverrides } = {}): Conversation {
    const at = this.now()
    const id = randomUUID()
    return inTransaction(this.db, () => {
      insertConversation(this.db, {
        id,
        title: input.title ?? '',
        createdAt: at,
        updatedAt: at,
        pinned: false,
        overrides: JSON.stringify(input.overrides ?? {}),
      })
      return this.liveConversation(id)
    })
  }

  getConversation(id: string): Conversation | null {
    const row = findLiveConversation(this.db, id)
    return row ? toConversation(row) : null
  }

  countConversations(): number {
    return countLiveConversations(this.db)
  }

  listConversations(options: { limit: number; after?: ConversationCursor | null }): {
    conversations: Conversation[]
    nextCursor: ConversationCursor | null
  } {
    // One more than asked tells whether another page exists without a COUNT.
    const rows = listConversationRows(this.db, options.limit + 1, options.after ?? null)
    const conversations = rows.slice(0, options.limit).map(toConversation)
    const last = conversations.at(-1)
    const nextCursor =
      rows.length > options.limit && last ? { pinned: last.pinned, updatedAt: last.updatedAt, id: last.id } : null
    return { conversations, nextCursor }
  }

  renameConversation(id: string, title: string): Conversation {
    return this.changeConversation(id, () => updateTitle(this.db, id, title))
  }

  setPinned(id: string, pinned: boolean): Conversation {
    return this.changeConversation(id, () => updatePinned(this.db, id, pinned))
  }

  setOverrides(id: string, overrides: ConversationOverrides): Conversation {
    return this.changeConversation(id, () => updateOverrides(this.db, id, JSON.stringify(overrides)))
  }

  deleteConversation(id: string): void {
    markDeleted(this.db, id, this.now())
  }

  restoreConversation(id: string): Conversation {
    return this.changeConversation(id, () => clearDeleted(this.db, id))
  }

  purgeDeleted(olderThanMs: number): number {
    const cutoff = this.now() - olderThanMs
    return inTransaction(this.db, () => {
      const ids = deletedConversationIds(this.db, cutoff)
      for (const id of ids) {
        this.engine.unindexConversation(this.db, id)
        deleteConversationRow(this.db, id)
      }
      // Deleted messages (already out of the search index) go for good at the same age.
      for (const seq of markedDeletedBefore(this.db, cutoff)) deleteMessageRow(this.db, seq)
      return ids.length
    })
  }

  appendMessage(conversationId: string, message: NewMessage): StoredMessage {
    return inTransaction(this.db, () => {
      const conversation = findLiveConversation(this.db, conversationId)
      if (!conversation) throw new HistoryNotFoundError('conversation', conversationId)
      const at = this.now()
      const parentSeq = this.parentSeqFor(conversationId, message.parentId)
      const row = rowForNewMessage(conversationId, message, parentSeq, at)
      const seq = insertMessage(this.db, row)
      if (message.attachments?.length) linkAttachments(this.db, seq, message.attachments)
      setCurrentLeaf(this.db, conversationId, seq)
      touchConversation(this.db, conversationId, at)
      if (message.role === 'user' && conversation.title === '') {
        const title = titleFromMessage(message.content)
        if (title) setTitleIfUntitled(this.db, conversationId, title)
      }
      if (message.status !== 'streaming') this.engine.index(this.db, seq, message.content, false)
      return this.withAttachments(seq, toStoredMessage({ seq, ...row }))
    })
  }

  updateStreamingMessage(messageId: string, content: string, reasoning: string | null): void {
    // A message that is gone (its conversation purged) or already finished is left as it is.
    updateStreamingText(this.db, messageId, content, reasoning, this.now())
  }

  finishMessage(messageId: string, final: FinishedMessage): StoredMessage {
    return inTransaction(this.db, () => {
      const before = findMessage(this.db, messageId)
      if (!before) throw new HistoryNotFoundError('message', messageId)
      const at = this.now()
      writeFinishedMessage(this.db, before.seq, final, at)
      touchConversation(this.db, before.conversation_id, at)
      this.engine.index(this.db, before.seq, final.content, before.status !== 'streaming')
      return toStoredMessage(findMessage(this.db, messageId)!)
    })
  }

  setToolCalls(messageId: string, calls: ToolCallRecord[]): void {
    updateToolCalls(this.db, messageId, calls.length ? JSON.stringify(calls) : null, this.now())
  }

  reopenMessage(id: string): StoredMessage {
    return inTransaction(this.db, () => {
      const row = findLiveMessage(this.db, id)
      if (!row) throw new HistoryNotFoundError('message', id)
      // Out of the index while it grows; finishMessage indexes the whole text again.
      if (row.status !== 'streaming') this.engine.unindex(this.db, row.seq)
      reopenForStreaming(this.db, row.seq, this.now())
      return toStoredMessage(findMessage(this.db, id)!)
    })
  }

  getMessage(id: string): StoredMessage | null {
    const row = findLiveMessage(this.db, id)
    return row ? this.withAttachments(row.seq, toStoredMessage(row)) : null
  }

  /** A message with its files, when it has any (most have none, and then no `attachments` key). */
  private withAttachments<T extends StoredMessage>(seq: number, message: T): T {
    const attachments = messageAttachments(this.db, seq)
    return attachments.length ? { ...message, attachments } : message
  }

  addAttachment(attachment: NewAttachment): Attachment {
    insertAttachment(this.db, attachment, this.now())
    // The same bytes may have come before under another name: the row keeps the first, this file its own.
    return { ...toAttachment(findAttachment(this.db, attachment.id)!), name: attachment.name }
  }

  getAttachment(id: string): Attachment | null {
    const row = findAttachment(this.db, id)
    return row ? toAttachment(row) : null
  }

  attachmentText(id: string): string | null {
    return attachmentText(this.db, id)
  }

  removeUnusedAttachments(before: number): string[] {
    return inTransaction(this.db, () => deleteUnusedAttachments(this.db, before))
  }

  hasAttachment(id: string): boolean {
    return attachmentExists(this.db, id)
  }

  /** One live message for the renderer, its texts cut to `maxChars` as a page's are (without `versions`). */
  getCutMessage(id: string, maxChars: number): PagedMessage | null {
    const row = findLiveCutMessage(this.db, id, maxChars)
    return row ? toCutMessage(row, maxChars) : null
  }

  listMessages(
    conversationId: string,
    options: { limit: number; beforeMessageId?: string | null },
  ): { messages: StoredMessage[]; hasMore: boolean } {
    const fromSeq = this.pageStart(conversationId, options.beforeMessageId)
    if (fromSeq === null) return { messages: [], hasMore: false }
    const rows = branchPage(this.db, fromSeq, options.limit + 1)
    const hasMore = rows.length > options.limit
    const messages = rows
      .slice(0, options.limit)
      .reverse()
      .map((row) => this.withAttachments(row.seq, toStoredMessage(row)))
    return { messages, hasMore }
  }

  listCutMessages(
    conversationId: string,
    options: { limit: number; beforeMessageId?: string | null },
    maxChars: number,
  ): { messages: PagedMessage[]; hasMore: boolean } {
    const fromSeq = this.pageStart(conversationId, options.beforeMessageId)
    if (fromSeq === null) return { messages: [], hasMore: false }
    const rows = cutBranchPage(this.db, fromSeq, options.limit + 1, maxChars)
    const hasMore = rows.length > options.limit
    const toPaged = toPagedMessage(maxChars)
    const messages = rows
      .slice(0, options.limit)
      .reverse()
      .map((row) => this.withAttachments(row.seq, toPaged(row)))
    return { messages, hasMore }
  }

  messageText(
    id: string,
    field: 'content' | 'reasoning',
    offset: number,
    length: number,
  ): { text: string; fullLength: number } | null {
    return messageTextSlice(this.db, id, field, offset, length) ?? null
  }

  /**
   * Where a page of the branch starts: the shown leaf, or the parent of `beforeMessageId`; null when
   * there is nothing above. Throws for a message not in the conversation.
   */
  private pageStart(conversationId: string, beforeMessageId: string | null | undefined): number | null {
    if (!beforeMessageId) return currentLeafSeq(this.db, conversationId)
    const seq = messageSeqIn(this.db, conversationId, beforeMessageId)
    if (seq === undefined) throw new HistoryNotFoundError('message', beforeMessageId)
    return treeNode(this.db, seq)?.parent_seq ?? null
  }

  /** The seq of a new message's parent: the one named (live, same conversation), or the shown leaf. */
  private parentSeqFor(conversationId: string, parentId: string | null | undefined): number | null {
    if (parentId === undefined) return currentLeafSeq(this.db, conversationId)
    if (parentId === null) return null
    const parent = findLiveMessage(this.db, parentId)
    if (!parent || parent.conversation_id !== conversationId) throw new HistoryNotFoundError('message', parentId)
    return parent.seq
  }

  deleteMessage(id: string): void {
    inTransaction(this.db, () => {
      const row = findMessage(this.db, id)
      if (!row) return
      // A message with replies would leave them without a parent: only a leaf goes for good.
      if (childSeqs(this.db, row.conversation_id, row.seq).length > 0) return
      if (row.status !== 'streaming' && row.deleted_at === null) this.engine.unindex(this.db, row.seq)
      if (currentLeafSeq(this.db, row.conversation_id) === row.seq) this.leaveBranch(row.conversation_id, row)
      deleteMessageRow(this.db, row.seq)
    })
  }

  deleteSubtree(id: string): number {
    return inTransaction(this.db, () => {
      const row = findLiveMessage(this.db, id)
      if (!row) return 0
      const subtree = liveSubtree(this.db, row.conversation_id, row.seq)
      const at = this.now()
      const leaf = currentLeafSeq(this.db, row.conversation_id)
      for (const message of subtree) {
        if (message.status !== 'streaming') this.engine.unindex(this.db, message.seq)
        markMessageDeleted(this.db, message.seq, at)
      }
      if (leaf !== null && subtree.some((message) => message.seq === leaf)) this.leaveBranch(row.conversation_id, row)
      touchConversation(this.db, row.conversation_id, at)
      return subtree.length
    })
  }

  restoreSubtree(id: string): Conversation {
    return inTransaction(this.db, () => {
      const row = findMessage(this.db, id)
      const conversation = row && findLiveConversation(this.db, row.conversation_id)
      if (!row || !conversation) throw new HistoryNotFoundError('message', id)
      // Its parent deleted since (say in another window): brought back, it would hang under nothing.
      const parent = row.parent_seq === null ? undefined : findMessageAt(this.db, row.parent_seq)
      if (parent?.deleted_at != null) throw new HistoryNotFoundError('message', parent.id)
      if (row.deleted_at !== null) {
        for (const message of markedSubtree(this.db, row.conversation_id, row.seq, row.deleted_at)) {
          unmarkMessageDeleted(this.db, message.seq)
          if (message.status !== 'streaming') this.engine.index(this.db, message.seq, message.content, false)
        }
        setCurrentLeaf(this.db, row.conversation_id, latestLeafUnder(this.db, row.conversation_id, row.seq))
        touchConversation(this.db, row.conversation_id, this.now())
      }
      return this.liveConversation(row.conversation_id)
    })
  }

  showMessage(id: string): { conversationId: string; leafId: string } {
    return inTransaction(this.db, () => {
      const row = findLiveMessage(this.db, id)
      if (!row) throw new HistoryNotFoundError('message', id)
      const leaf = latestLeafUnder(this.db, row.conversation_id, row.seq)
      setCurrentLeaf(this.db, row.conversation_id, leaf)
      return { conversationId: row.conversation_id, leafId: findMessageAt(this.db, leaf)!.id }
    })
  }

  childrenOf(id: string): StoredMessage[] {
    const row = findLiveMessage(this.db, id)
    if (!row) return []
    return childSeqs(this.db, row.conversation_id, row.seq).map((seq) =>
      this.withAttachments(seq, toStoredMessage(findMessageAt(this.db, seq)!)),
    )
  }

  parentOf(id: string): string | null {
    const row = findLiveMessage(this.db, id)
    if (!row) throw new HistoryNotFoundError('message', id)
    return row.parent_seq === null ? null : findMessageAt(this.db, row.parent_seq)!.id
  }

  subtreeIds(id: string): string[] {
    const row = findLiveMessage(this.db, id)
    if (!row) return []
    return liveSubtree(this.db, row.conversation_id, row.seq).map((message) => message.id)
  }

  /**
   * The shown leaf is in `root`'s subtree, which goes away: show the newest branch of the sibling
   * before it (or after it), or else the parent.
   */
  private leaveBranch(conversationId: string, root: { seq: number; parent_seq: number | null }): void {
    const siblings = childSeqs(this.db, conversationId, root.parent_seq).filter((seq) => seq !== root.seq)
    const sibling = siblings.filter((seq) => seq < root.seq).at(-1) ?? siblings[0]
    const leaf = sibling === undefined ? root.parent_seq : latestLeafUnder(this.db, conversationId, sibling)
    setCurrentLeaf(this.db, conversationId, leaf)
  }

  markInterruptedStreams(): number {
    return inTransaction(this.db, () => {
      const rows = streamingMessages(this.db)
      const at = this.now()
      for (const row of rows) {
        markMessageInterrupted(this.db, row.seq, at)
        this.engine.index(this.db, row.seq, row.content, false)
      }
      return rows.length + interruptUnfinishedToolCalls(this.db, at)
    })
  }

  search(query: string, limit: number): SearchResult {
    const words = queryWords(query)
    if (words.length === 0) return { hits: [], engine: this.engine.kind }
    const hits = this.engine.find(this.db, words, limit).map((candidate) => ({
      conversationId: candidate.conversation_id,
      conversationTitle: candidate.title,
      messageId: candidate.id,
      role: candidate.role,
      snippet: buildSnippet(candidate.content, words),
      createdAt: candidate.created_at,
    }))
    return { hits, engine: this.engine.kind }
  }

  exportBundles(ids: string[] | null): Iterable<ConversationBundle> {
    return exportBundles(this.db, ids)
  }

  importBundles(
    bundles: ConversationBundle[],
    onProgress?: (conversationsDone: number) => void,
  ): { conversations: number; messages: number } {
    return importBundles(this.db, this.engine, bundles, onProgress)
  }

  usageSummary(options: { days: number; utcOffsetMinutes: number }): UsageSummary {
    return usageSummary(this.db, { ...options, now: this.now() })
  }

  conversationUsage(conversationId: string): UsageTotals {
    return conversationUsage(this.db, conversationId)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.closeConnection()
  }

  private closeConnection(): void {
    try {
      if (!this.readOnlyFile) {
        // Lets SQLite refresh the statistics its planner uses, as its docs advise before closing.
        this.db.sqlite.exec('PRAGMA optimize')
        if (this.ownsFile) writeMeta(this.db, 'clean_shutdown', '1')
      }
    } catch (error) {
      this.log.warn('history database: could not record a clean shutdown', error)
    }
    this.db.close()
    // Only once SQLite has closed (and folded the -wal into the file) is there nothing left to lose.
    if (this.ownsFile && this.options) removeOpenMarker(this.options.path)
  }

  private liveConversation(id: string): Conversation {
    const row = findLiveConversation(this.db, id)
    if (!row) throw new HistoryNotFoundError('conversation', id)
    return toConversation(row)
  }

  /** Runs a one-row update and returns the conversation; `changed` false means there is no such conversation. */
  private changeConversation(id: string, change: () => boolean): Conversation {
    return inTransaction(this.db, () => {
      if (!change()) throw new HistoryNotFoundError('conversation', id)
      return this.liveConversation(id)
    })
  }
}

/** A page row as the renderer gets it: cut texts with their lengths, and the versions when it has siblings. */
/** A cut row as the renderer gets it: with its full lengths when SQLite cut a text. */
function toCutMessage(row: CutMessageRow, maxChars: number): PagedMessage {
  const message: PagedMessage = toStoredMessage(row)
  const reasoningLength = row.reasoning_length ?? 0
  if (row.content_length > maxChars || reasoningLength > maxChars)
    message.fullLength = { content: row.content_length, reasoning: reasoningLength }
  return message
}

function toPagedMessage(maxChars: number): (row: BranchPageRow) => PagedMessage {
  return (row) => {
    const message = toCutMessage(row, maxChars)
    if (row.version_count > 1)
      message.versions = {
        index: row.version_index,
        count: row.version_count,
        previousId: row.previous_version_id,
        nextId: row.next_version_id,
      }
    return message
  }
}
