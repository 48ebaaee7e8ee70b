/**
 * Approvals waiting for the user. Main asks (an event every view shows), any view answers once
 * (`tools:approve`); Stop settles a waiting approval as stopped. Kept in memory only: a pending
 * approval survives a reload of the view (`pending`) but nothing more, and a restart finds the call
 * interrupted (tool-call-queries.ts).
 */
import { randomUUID } from 'node:crypto'
import type { ToolCallRecord } from '../../shared/tool-calls'
import type { PendingApproval, ToolEvent } from '../../shared/tool-contract'
import type { Approval } from './tool-loop'

interface Waiting {
  approval: PendingApproval
  settle(answer: Approval): void
}

export class ToolApprovals {
  private readonly waiting = new Map<string, Waiting>()

  constructor(private readonly emit: (event: ToolEvent) => void) {}

  ask(
    call: ToolCallRecord,
    where: { conversationId: string | null; messageId: string | null },
    signal: AbortSignal,
    loopStreamId: string,
  ): Promise<Approval> {
    const approval: PendingApproval = {
      approvalId: randomUUID(),
      conversationId: where.conversationId,
      messageId: where.messageId,
      loopStreamId,
      call,
    }
    return new Promise((resolve) => {
      const settle = (answer: Approval) => {
        if (!this.waiting.delete(approval.approvalId)) return
        signal.removeEventListener('abort', onAbort)
        this.emit({ type: 'tool-approval-settled', approvalId: approval.approvalId })
        resolve(answer)
      }
      // The loop sees its signal aborted and treats the call as stopped, whatever this answers.
      const onAbort = () => settle('deny')
      this.waiting.set(approval.approvalId, { approval, settle })
      signal.addEventListener('abort', onAbort)
      this.emit({ type: 'tool-approval', approval })
      if (signal.aborted) onAbort()
    })
  }

  answer(approvalId: string, answer: Approval): boolean {
    const waiting = this.waiting.get(approvalId)
    if (!waiting) return false
    waiting.settle(answer)
    return true
  }

  pending(): PendingApproval[] {
    return [...this.waiting.values()].map((waiting) => waiting.approval)
  }

  /** Quitting: every waiting call is denied (the loop is being stopped too). */
  clear(): void {
    for (const waiting of [...this.waiting.values()]) waiting.settle('deny')
  }
}
