import type { Api } from '../../../../shared/api'
import type { ConversationCursor } from '../../../../shared/contract'
import type { Conversation } from '../../../../shared/history'
import { ExternalStore } from '../../lib/external-store'

export interface ConversationList {
  conversations: readonly Conversation[]
  nextCursor: ConversationCursor | null
  loading: boolean
  error: string | null
}

const pageSize = 100

/** Pinned first, then the most recently updated: the order main pages in. */
function byListOrder(a: Conversation, b: Conversation): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt
  return a.id < b.id ? 1 : -1
}

/** The sidebar's conversations: pages loaded as the user scrolls, kept in step by history events. */
export class ConversationListStore extends ExternalStore<ConversationList> {
  constructor(private readonly api: Api) {
    super({ conversations: [], nextCursor: null, loading: false, error: null })
  }

  async reload(): Promise<void> {
    this.set({ ...this.getSnapshot(), loading: true })
    const result = await this.api.history.list({ limit: pageSize, after: null })
    if (!result.ok) return this.set({ ...this.getSnapshot(), loading: false, error: result.error.message })
    this.set({
      conversations: result.value.conversations,
      nextCursor: result.value.nextCursor,
      loading: false,
      error: null,
    })
  }

  async loadMore(): Promise<void> {
    const { nextCursor, loading } = this.getSnapshot()
    if (!nextCursor || loading) return
    this.set({ ...this.getSnapshot(), loading: true })
    const result = await this.api.history.list({ limit: pageSize, after: nextCursor })
    if (!result.ok) return this.set({ ...this.getSnapshot(), loading: false, error: result.error.message })
    const known = new Set(this.getSnapshot().conversations.map((conversation) => conversation.id))
    const added = result.value.conversations.filter((conversation) => !known.has(conversation.id))
    this.set({
      conversations: [...this.getSnapshot().conversations, ...added],
      nextCursor: result.value.nextCursor,
      loading: false,
      error: null,
    })
  }

  upsert(conversation: Conversation): void {
    const others = this.getSnapshot().conversations.filter((item) => item.id !== conversation.id)
    this.set({ ...this.getSnapshot(), conversations: [...others, conversation].sort(byListOrder) })
  }

  remove(conversationId: string): void {
    const conversations = this.getSnapshot().conversations.filter((item) => item.id !== conversationId)
    this.set({ ...this.getSnapshot(), conversations })
  }
}
