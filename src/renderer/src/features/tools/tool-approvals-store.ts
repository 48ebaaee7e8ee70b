/**
 * Tool calls as the views see them live: approvals waiting (from `tool-approval` events, and
 * `tools:pending` after a reload) and the latest state of each call (from `tool-call` events), so a
 * card changes as its call runs without re-reading the transcript. A call is known by its answer's
 * message id and the model's call id together: call ids repeat across answers (models reuse them, and
 * the fallback is `call_index_0`…), so the call id alone could let Allow on one conversation's card
 * approve another's call.
 */
import { createContext, useContext, useSyncExternalStore } from 'react'
import type { Api } from '../../../../shared/api'
import type { AppEvent } from '../../../../shared/events'
import type { ToolCallRecord } from '../../../../shared/tool-calls'
import type { PendingApproval } from '../../../../shared/tool-contract'

interface Snapshot {
  approvals: PendingApproval[]
  /** By `callKey(messageId, callId)`. */
  calls: ReadonlyMap<string, ToolCallRecord>
  /** The loop's stream for each call, for Stop, by `callKey(messageId, callId)`. */
  streams: ReadonlyMap<string, string>
  /** Tool loops running, by a stream id of each (what `chat:stop` takes): their conversation answers. */
  loops: ReadonlyMap<string, string | null>
}

/** The running tool loops of a conversation, as stream ids `chat:stop` ends them with. */
export function loopsIn(snapshot: Snapshot, conversationId: string | null): string[] {
  if (conversationId === null) return []
  return [...snapshot.loops].filter(([, inConversation]) => inConversation === conversationId).map(([id]) => id)
}

/** A call's key: its answer's message id with the model's call id (which alone repeats). */
export function callKey(messageId: string | null, callId: string): string {
  return JSON.stringify([messageId, callId])
}

/** The live state of this answer's call, if any event told it. */
export function liveCall(snapshot: Snapshot, messageId: string, callId: string): ToolCallRecord | undefined {
  return snapshot.calls.get(callKey(messageId, callId))
}

/** The approval waiting for this answer's call, if any. */
export function approvalFor(snapshot: Snapshot, messageId: string, callId: string): PendingApproval | undefined {
  return snapshot.approvals.find((entry) => entry.messageId === messageId && entry.call.id === callId)
}

export class ToolApprovalsStore {
  private snapshot: Snapshot = { approvals: [], calls: new Map(), streams: new Map(), loops: new Map() }
  private readonly listeners = new Set<() => void>()

  constructor(private readonly api: Api) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): Snapshot => this.snapshot

  /**
   * What changed by events while a re-read was on its way (null: ended or settled), so its answer,
   * which may be older, neither brings back what ended nor drops what started meanwhile.
   */
  private meanwhile: { loops: Map<string, string | null>; approvals: Map<string, PendingApproval | null> } | null = null

  /** Listens for tool events and reads what waits already; the returned function stops listening. */
  start(onCallChanged: (conversationId: string | null) => void): () => void {
    const unsubscribe = this.api.onEvent((event: AppEvent) => {
      if (event.type === 'tool-approval') {
        this.meanwhile?.approvals.set(event.approval.approvalId, event.approval)
        this.set({
          approvals: [
            ...this.snapshot.approvals.filter((a) => a.approvalId !== event.approval.approvalId),
            event.approval,
          ],
          streams: this.withStreams([event.approval]),
        })
      } else if (event.type === 'tool-approval-settled') {
        this.meanwhile?.approvals.set(event.approvalId, null)
        this.set({ approvals: this.snapshot.approvals.filter((a) => a.approvalId !== event.approvalId) })
      } else if (event.type === 'tool-call') {
        const key = callKey(event.messageId, event.call.id)
        const calls = new Map(this.snapshot.calls)
        calls.set(key, event.call)
        const streams = new Map(this.snapshot.streams)
        streams.set(key, event.loopStreamId)
        this.set({ calls, streams })
        onCallChanged(event.conversationId)
      } else if (event.type === 'tool-loop') {
        this.meanwhile?.loops.set(event.loopStreamId, event.running ? event.conversationId : null)
        const loops = new Map(this.snapshot.loops)
        if (event.running) loops.set(event.loopStreamId, event.conversationId)
        else loops.delete(event.loopStreamId)
        this.set({ loops })
      }
    })
    // After a reload: the approvals waiting, each with its loop's stream (so its Stop works), and the loops.
    void this.reread()
    return unsubscribe
  }

  /**
   * Reads the loops running and the approvals waiting from main and REPLACES what this view holds
   * (after a reload, and when browser mode's event link comes back): a loop that ended, or an
   * approval settled, while no event could arrive must not keep its conversation answering forever.
   */
  async reread(): Promise<void> {
    const meanwhile = { loops: new Map<string, string | null>(), approvals: new Map<string, PendingApproval | null>() }
    this.meanwhile = meanwhile
    const [pending, running] = await Promise.all([this.api.tools.pending(), this.api.tools.loops()])
    // A later re-read started meanwhile: its answer is newer than this one.
    if (this.meanwhile !== meanwhile) return
    this.meanwhile = null
    const change: Partial<Snapshot> = {}
    if (pending.ok) {
      const approvals = new Map(pending.value.map((approval) => [approval.approvalId, approval] as const))
      for (const [approvalId, approval] of meanwhile.approvals)
        if (approval) approvals.set(approvalId, approval)
        else approvals.delete(approvalId)
      change.approvals = [...approvals.values()]
      change.streams = this.withStreams(change.approvals)
    }
    if (running.ok) {
      const loops = new Map<string, string | null>(
        running.value.map((loop) => [loop.loopStreamId, loop.conversationId]),
      )
      for (const [loopStreamId, conversationId] of meanwhile.loops)
        if (conversationId === null) loops.delete(loopStreamId)
        else loops.set(loopStreamId, conversationId)
      change.loops = loops
    }
    this.set(change)
  }

  private withStreams(approvals: readonly PendingApproval[]): Map<string, string> {
    const streams = new Map(this.snapshot.streams)
    for (const approval of approvals) streams.set(callKey(approval.messageId, approval.call.id), approval.loopStreamId)
    return streams
  }

  /** Stop: ends the loop this call belongs to, cancelling the call (MCP cancellation). */
  async stop(messageId: string, callId: string): Promise<void> {
    const streamId = this.snapshot.streams.get(callKey(messageId, callId))
    if (streamId) await this.api.chat.stop({ streamId })
  }

  async answer(approvalId: string, answer: 'once' | 'always' | 'deny'): Promise<void> {
    await this.api.tools.approve({ approvalId, answer })
  }

  private set(change: Partial<Snapshot>): void {
    this.snapshot = { ...this.snapshot, ...change }
    for (const listener of this.listeners) listener()
  }
}

export const ToolApprovalsContext = createContext<ToolApprovalsStore | null>(null)

const empty: Snapshot = { approvals: [], calls: new Map(), streams: new Map(), loops: new Map() }
const noStore = { subscribe: () => () => {}, getSnapshot: () => empty }

export function useToolLive(): Snapshot & { store: ToolApprovalsStore | null } {
  const store = useContext(ToolApprovalsContext)
  const source = store ?? noStore
  const snapshot = useSyncExternalStore(source.subscribe, source.getSnapshot)
  return { ...snapshot, store }
}
