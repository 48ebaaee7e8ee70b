import type { Api } from '../../../../shared/api'
import { maxMessageSliceChars, textLength, type PagedMessage } from '../../../../shared/history'
import { ExternalStore } from '../../lib/external-store'

export interface Transcript {
  conversationId: string | null
  /** A very long text may come cut (`fullLength`); `loadMoreText` reads on. */
  messages: readonly PagedMessage[]
  hasMore: boolean
  loading: boolean
  error: string | null
}

/** True while a message's loaded text is shorter than its stored one (lengths in code points, as main counts). */
export function isCut(message: PagedMessage): boolean {
  return message.fullLength !== undefined && textLength(message.content) < message.fullLength.content
}

const pageSize = 100
/** Going back to a search hit far up a long conversation: as many per request as main allows. */
const jumpPageSize = 1000

/**
 * The open conversation's messages as stored by main, oldest first. Older pages load on demand;
 * the newest messages are re-read when main says the conversation changed (a new message, an
 * answer that ended), and merged by id so pages already loaded stay.
 */
export class TranscriptStore extends ExternalStore<Transcript> {
  constructor(private readonly api: Api) {
    super({ conversationId: null, messages: [], hasMore: false, loading: false, error: null })
  }

  async open(conversationId: string | null): Promise<void> {
    this.set({ conversationId, messages: [], hasMore: false, loading: conversationId !== null, error: null })
    if (conversationId) await this.refreshNewest()
  }

  /** Re-reads the newest page and merges it in. */
  async refreshNewest(): Promise<void> {
    const { conversationId } = this.getSnapshot()
    if (!conversationId) return
    const result = await this.api.history.messages({ conversationId, limit: pageSize, beforeMessageId: null })
    const now = this.getSnapshot()
    if (now.conversationId !== conversationId) return
    if (!result.ok) return this.set({ ...now, loading: false, error: result.error.message })
    const fresh = result.value.messages
    const firstFresh = fresh[0]
    // Keep older pages already loaded (everything before the fresh page), replace the rest. A fresh page
    // with nothing before it is the whole conversation: what is loaded before it was deleted (the first
    // message, say), and must go.
    const cut =
      firstFresh && result.value.hasMore ? now.messages.findIndex((message) => message.id === firstFresh.id) : -1
    const keepOlder = cut > 0 ? now.messages.slice(0, cut) : []
    this.set({
      ...now,
      messages: [...keepOlder, ...fresh],
      hasMore: keepOlder.length ? now.hasMore : result.value.hasMore,
      loading: false,
      error: null,
    })
  }

  /** Takes a message main deleted off the view at once (it may sit in an older page than the newest). */
  remove(messageId: string): void {
    const now = this.getSnapshot()
    if (!now.messages.some((message) => message.id === messageId)) return
    this.set({ ...now, messages: now.messages.filter((message) => message.id !== messageId) })
  }

  /** Loads the page before the oldest loaded message; resolves false when there is none. */
  async loadOlder(limit = pageSize): Promise<boolean> {
    const now = this.getSnapshot()
    const oldest = now.messages[0]
    if (!now.conversationId || !now.hasMore || now.loading || !oldest) return false
    this.set({ ...now, loading: true })
    const result = await this.api.history.messages({
      conversationId: now.conversationId,
      limit,
      beforeMessageId: oldest.id,
    })
    const after = this.getSnapshot()
    if (after.conversationId !== now.conversationId) return false
    if (!result.ok) {
      this.set({ ...after, loading: false, error: result.error.message })
      return false
    }
    this.set({
      ...after,
      messages: [...result.value.messages, ...after.messages],
      hasMore: result.value.hasMore,
      loading: false,
    })
    return true
  }

  /** Reads the next slice of a message whose text came cut, and appends it. */
  async loadMoreText(messageId: string): Promise<void> {
    const message = this.getSnapshot().messages.find((candidate) => candidate.id === messageId)
    if (!message || !isCut(message)) return
    const result = await this.api.history.messageText({
      messageId,
      field: 'content',
      offset: textLength(message.content),
      length: maxMessageSliceChars,
    })
    const now = this.getSnapshot()
    if (!result.ok) return this.set({ ...now, error: result.error.message })
    this.set({
      ...now,
      messages: now.messages.map((candidate) =>
        candidate.id === messageId && candidate.content.length === message.content.length
          ? { ...candidate, content: candidate.content + result.value.text }
          : candidate,
      ),
    })
  }

  /**
   * A message's whole text (for Copy), read on in slices from what is loaded when it came cut; the
   * transcript keeps showing the part it has. Null when main could not give a slice (the error is set).
   */
  async wholeText(messageId: string): Promise<string | null> {
    const message = this.getSnapshot().messages.find((candidate) => candidate.id === messageId)
    if (!message) return null
    if (!message.fullLength || !isCut(message)) return message.content
    let text = message.content
    for (let offset = textLength(text); offset < message.fullLength.content;) {
      const result = await this.api.history.messageText({
        messageId,
        field: 'content',
        offset,
        length: maxMessageSliceChars,
      })
      if (!result.ok) {
        this.set({ ...this.getSnapshot(), error: result.error.message })
        return null
      }
      // An empty slice: the stored text is shorter than it was (nothing more to read).
      if (!result.value.text) break
      text += result.value.text
      offset += textLength(result.value.text)
    }
    return text
  }

  /**
   * Loads older pages until `messageId` is loaded (a search hit deep in a long conversation). A hit
   * on another branch (an older version) is not above the shown leaf: main is then asked to show the
   * branch through it (remembered, as a switch in `‹ ›` is) and the page is read again.
   */
  async loadUntil(messageId: string): Promise<boolean> {
    if (await this.loadBackTo(messageId)) return true
    const shown = await this.api.history.showMessage({ messageId })
    if (!shown.ok || shown.value.conversationId !== this.getSnapshot().conversationId) return false
    await this.refreshNewest()
    return this.loadBackTo(messageId)
  }

  private async loadBackTo(messageId: string): Promise<boolean> {
    while (!this.getSnapshot().messages.some((message) => message.id === messageId)) {
      if (!(await this.loadOlder(jumpPageSize))) return false
    }
    return true
  }
}
