/**
 * The start-up notices banner against an Api built by the real `buildApi`: what main listed at start
 * and what arrives later as events, each shown once, and two files of one kind both shown.
 */
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { NoticesBanner } from '../../src/renderer/src/features/notices/NoticesBanner'
import { buildApi } from '../../src/shared/api'
import type { Notice } from '../../src/shared/contract'
import { fail, ok } from '../../src/shared/errors'
import type { AppEvent } from '../../src/shared/events'
import { TooltipProvider } from '../../src/renderer/src/ui/Tooltip'

afterEach(cleanup)

function fakeMain(atStart: Notice[]) {
  const listeners = new Set<(event: AppEvent) => void>()
  const api = buildApi(
    async (channel) => (channel === 'app:notices' ? ok(atStart) : fail('internal', `not faked: ${channel}`)),
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  )
  const push = (notice: Notice) => act(() => listeners.forEach((listener) => listener({ type: 'notice', notice })))
  return { api, push }
}

describe('NoticesBanner', () => {
  it('shows a notice told at start and again as an event once, and another file of the same kind too', async () => {
    const first: Notice = { kind: 'history_migration_failed', path: '/data/backups/pre-migration-v5-1.sqlite' }
    const { api, push } = fakeMain([first])
    render(
      <TooltipProvider>
        <NoticesBanner api={api} />
      </TooltipProvider>,
    )
    await act(async () => {})
    push(first)
    push({ kind: 'history_migration_failed', path: '/data/backups/pre-migration-v6-2.sqlite' })
    const lines = screen.getAllByRole('alert')[0]!.querySelectorAll('p')
    expect([...lines].map((line) => line.textContent)).toEqual([
      expect.stringContaining('pre-migration-v5-1.sqlite'),
      expect.stringContaining('pre-migration-v6-2.sqlite'),
    ])
  })
})
