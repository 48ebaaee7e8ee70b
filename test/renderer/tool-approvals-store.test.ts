import { describe, expect, it } from 'vitest'
import type { Api } from '../../src/shared/api'
import type { AppEvent } from '../../src/shared/events'
import type { ToolCallRecord } from '../../src/shared/tool-calls'
import type { PendingApproval } from '../../src/shared/tool-contract'
import {
  approvalFor,
  liveCall,
  loopsIn,
  ToolApprovalsStore,
} from '../../src/renderer/src/features/tools/tool-approvals-store'

const call = (status: ToolCallRecord['status'], result: string | null = null): ToolCallRecord => ({
  id: 'call_index_0',
  functionName: 'test__echo',
  serverId: 'test',
  serverName: 'Test',
  tool: 'echo',
  arguments: '{}',
  status,
  result,
  isError: false,
  stderr: [],
  startedAt: null,
  endedAt: null,
})

/** Two conversations whose answers each asked for a call with the same (fallback) id. */
const a = { conversationId: 'conv-a', messageId: 'msg-a', loopStreamId: 'stream-a' }
const b = { conversationId: 'conv-b', messageId: 'msg-b', loopStreamId: 'stream-b' }
const approvalOf = (side: typeof a, approvalId: string): PendingApproval => ({
  approvalId,
  conversationId: side.conversationId,
  messageId: side.messageId,
  loopStreamId: side.loopStreamId,
  call: call('awaiting_approval'),
})

/** `pending` and `loops`: what main answers on `tools:pending` and `tools:loops` (a reload during a loop). */
function setup(pending: PendingApproval[] = [], loops: Array<{ conversationId: string; loopStreamId: string }> = []) {
  return setupWith(
    () => Promise.resolve(pending),
    () => Promise.resolve(loops),
  )
}

type Loop = { conversationId: string; loopStreamId: string }

/** Main answers `tools:pending` and `tools:loops` with whatever these give at the time of asking. */
function setupWith(pending: () => Promise<PendingApproval[]>, loops: () => Promise<Loop[]>) {
  let emit: (event: AppEvent) => void = () => {}
  const stopped: string[] = []
  const api = {
    onEvent: (listener: (event: AppEvent) => void) => {
      emit = listener
      return () => {}
    },
    tools: {
      pending: async () => ({ ok: true, value: await pending() }),
      loops: async () => ({ ok: true, value: await loops() }),
    },
    chat: {
      stop: ({ streamId }: { streamId: string }) => {
        stopped.push(streamId)
        return Promise.resolve({ ok: true, value: undefined })
      },
    },
  } as unknown as Api
  const store = new ToolApprovalsStore(api)
  store.start(() => {})
  return { store, emit: (event: AppEvent) => emit(event), stopped }
}

describe('ToolApprovalsStore', () => {
  it('keeps calls with the same id in two conversations apart: state, approval and Stop', async () => {
    const { store, emit, stopped } = setup()
    emit({ type: 'tool-call', ...a, call: call('running') } as AppEvent)
    emit({ type: 'tool-call', ...b, call: call('done', 'from b') } as AppEvent)
    emit({ type: 'tool-approval', approval: approvalOf(b, '00000000-0000-4000-8000-00000000000b') } as AppEvent)

    const snapshot = store.getSnapshot()
    expect(liveCall(snapshot, 'msg-a', 'call_index_0')?.status).toBe('running')
    expect(liveCall(snapshot, 'msg-b', 'call_index_0')?.result).toBe('from b')
    // B's approval is not offered on A's card.
    expect(approvalFor(snapshot, 'msg-a', 'call_index_0')).toBeUndefined()
    expect(approvalFor(snapshot, 'msg-b', 'call_index_0')?.approvalId).toBe('00000000-0000-4000-8000-00000000000b')

    await store.stop('msg-a', 'call_index_0')
    expect(stopped).toEqual(['stream-a'])
  })

  it('an approval re-attached after a reload carries its loop: Stop on its card stops that loop', async () => {
    const { store, stopped } = setup([approvalOf(a, '00000000-0000-4000-8000-00000000000a')])
    await expect.poll(() => store.getSnapshot().approvals.length).toBe(1)
    // No tool-call event came after the reload: the approval alone names the loop.
    await store.stop('msg-a', 'call_index_0')
    expect(stopped).toEqual(['stream-a'])
  })

  it('knows the running loops of each conversation, from a reload and from events, until they end', async () => {
    const { store, emit } = setup([], [{ conversationId: 'conv-a', loopStreamId: 'stream-a' }])
    await expect.poll(() => loopsIn(store.getSnapshot(), 'conv-a')).toEqual(['stream-a'])
    emit({ type: 'tool-loop', conversationId: 'conv-b', loopStreamId: 'stream-b', running: true })
    expect(loopsIn(store.getSnapshot(), 'conv-b')).toEqual(['stream-b'])
    emit({ type: 'tool-loop', conversationId: 'conv-a', loopStreamId: 'stream-a', running: false })
    expect(loopsIn(store.getSnapshot(), 'conv-a')).toEqual([])
    expect(loopsIn(store.getSnapshot(), null)).toEqual([])
  })

  it('a re-read (the event link came back) replaces loops and approvals: what ended during the blip is gone', async () => {
    let server: { pending: PendingApproval[]; loops: Loop[] } = {
      pending: [approvalOf(a, '00000000-0000-4000-8000-00000000000a')],
      loops: [{ conversationId: 'conv-a', loopStreamId: 'stream-a' }],
    }
    const { store } = setupWith(
      async () => server.pending,
      async () => server.loops,
    )
    await expect.poll(() => loopsIn(store.getSnapshot(), 'conv-a')).toEqual(['stream-a'])
    expect(store.getSnapshot().approvals).toHaveLength(1)
    // The link dropped; meanwhile the loop ended and B's began, and no event of either arrived.
    server = {
      pending: [approvalOf(b, '00000000-0000-4000-8000-00000000000b')],
      loops: [{ conversationId: 'conv-b', loopStreamId: 'stream-b' }],
    }
    await store.reread()
    expect(loopsIn(store.getSnapshot(), 'conv-a')).toEqual([])
    expect(loopsIn(store.getSnapshot(), 'conv-b')).toEqual(['stream-b'])
    expect(store.getSnapshot().approvals.map((approval) => approval.approvalId)).toEqual([
      '00000000-0000-4000-8000-00000000000b',
    ])
  })

  it('events that arrive while a re-read is on its way win over its older answer', async () => {
    const answers: Array<() => void> = []
    let asked = 0
    const later = <T>(value: T) =>
      asked++ < 2 ? Promise.resolve(value) : new Promise<T>((resolve) => answers.push(() => resolve(value)))
    // The re-read's answer was made before B's loop started and before A's ended; the events came first.
    const { store, emit } = setupWith(
      () => later([approvalOf(a, '00000000-0000-4000-8000-00000000000a')]),
      () => later([{ conversationId: 'conv-a', loopStreamId: 'stream-a' }]),
    )
    await expect.poll(() => loopsIn(store.getSnapshot(), 'conv-a')).toEqual(['stream-a'])
    const reread = store.reread()
    emit({ type: 'tool-loop', conversationId: 'conv-a', loopStreamId: 'stream-a', running: false })
    emit({ type: 'tool-approval-settled', approvalId: '00000000-0000-4000-8000-00000000000a' } as AppEvent)
    emit({ type: 'tool-loop', conversationId: 'conv-b', loopStreamId: 'stream-b', running: true })
    emit({ type: 'tool-approval', approval: approvalOf(b, '00000000-0000-4000-8000-00000000000b') } as AppEvent)
    await expect.poll(() => answers.length).toBe(2)
    for (const answer of answers) answer()
    await reread
    expect(loopsIn(store.getSnapshot(), 'conv-b')).toEqual(['stream-b'])
    expect(loopsIn(store.getSnapshot(), 'conv-a')).toEqual([])
    expect(store.getSnapshot().approvals.map((approval) => approval.approvalId)).toEqual([
      '00000000-0000-4000-8000-00000000000b',
    ])
  })
})
