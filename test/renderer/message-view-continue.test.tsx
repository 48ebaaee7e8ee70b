/**
 * Continue under an interrupted answer: offered when the answer has text, and also when it has only
 * tool calls (an answer that asked for calls usually has no text of its own).
 */
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { MessageView } from '../../src/renderer/src/features/chat/MessageView'
import type { MessageActionHandlers } from '../../src/renderer/src/features/chat/use-message-actions'
import { TooltipProvider } from '../../src/renderer/src/ui/Tooltip'
import type { PagedMessage } from '../../src/shared/history'

afterEach(cleanup)

const interrupted = (content: string, withCalls: boolean): PagedMessage => ({
  id: '00000000-0000-4000-8000-000000000002',
  conversationId: '00000000-0000-4000-8000-000000000001',
  role: 'assistant',
  content,
  reasoning: null,
  status: 'interrupted',
  errorKind: null,
  errorMessage: null,
  errorCause: null,
  model: 'deepseek-v3.2',
  usage: null,
  costUsd: null,
  timings: null,
  finishReason: null,
  toolCalls: withCalls
    ? [
        {
          id: 'call_index_0',
          functionName: 'test__echo',
          serverId: 'test',
          serverName: 'Test',
          tool: 'echo',
          arguments: '{"text":"một"}',
          status: 'done',
          result: 'echo: một',
          isError: false,
          stderr: [],
          startedAt: 1,
          endedAt: 2,
        },
      ]
    : null,
  createdAt: 1,
  updatedAt: 2,
})

function show(message: PagedMessage) {
  const noop = () => {}
  render(
    <TooltipProvider>
      <MessageView
        message={message}
        stream={undefined}
        canRetry
        highlighted={false}
        isLast
        conversationBusy={false}
        actions={new Proxy({}, { get: () => noop }) as MessageActionHandlers}
        onRetry={noop}
        onContinue={noop}
        onOpenSettings={noop}
        onNewChat={noop}
        onShowMore={noop}
        wholeText={() => Promise.resolve(null)}
      />
    </TooltipProvider>,
  )
}

describe('MessageView: Continue', () => {
  it('is offered for an interrupted answer with only tool calls, as for one with text', () => {
    show(interrupted('', true))
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy()
    cleanup()
    show(interrupted('Một phần', false))
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy()
  })

  it('is not offered for an interrupted answer with neither text nor calls', () => {
    show(interrupted('', false))
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })
})
