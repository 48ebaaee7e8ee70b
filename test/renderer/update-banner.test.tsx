/**
 * The "Restart to update" banner against an Api built by the real `buildApi`, whose two update
 * channels answer as main does: what it shows after a reload, on the update event, and when main
 * refuses the restart because an answer is streaming (in both languages).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { UpdateBanner } from '../../src/renderer/src/features/updates/UpdateBanner'
import { applyLanguage } from '../../src/renderer/src/i18n'
import { buildApi } from '../../src/shared/api'
import type { InvokeChannel } from '../../src/shared/channels'
import { fail, ok, type Result } from '../../src/shared/errors'
import type { AppEvent } from '../../src/shared/events'
import type { UpdateStatus } from '../../src/shared/updates'

afterEach(() => {
  cleanup()
  applyLanguage('en')
})

function fakeMain(options: { status: UpdateStatus; install?: () => Result<{ restarting: true }> }) {
  const listeners = new Set<(event: AppEvent) => void>()
  const calls: InvokeChannel[] = []
  const api = buildApi(
    async (channel) => {
      calls.push(channel)
      if (channel === 'app:updateStatus') return ok(options.status)
      if (channel === 'app:installUpdate') return (options.install ?? (() => ok({ restarting: true as const })))()
      return fail('internal', `not faked: ${channel}`)
    },
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  )
  const push = (event: AppEvent) => act(() => listeners.forEach((listener) => listener(event)))
  return { api, calls, push }
}

const notReady: UpdateStatus = { supported: true, ready: null }

describe('UpdateBanner', () => {
  it('shows nothing until an update is ready, then offers the restart when main says so', async () => {
    const { api, push } = fakeMain({ status: notReady })
    const { container } = render(<UpdateBanner api={api} />)
    await act(async () => {})
    expect(container.textContent).toBe('')
    push({ type: 'update', ready: { version: '0.2.0' } })
    expect(screen.getByRole('status').textContent).toContain('A new version (0.2.0) is ready.')
    expect(screen.getByRole('button', { name: 'Restart to update' })).toBeTruthy()
  })

  it('shows an update already downloaded before a reload', async () => {
    const { api } = fakeMain({ status: { supported: true, ready: { version: '0.3.1' } } })
    render(<UpdateBanner api={api} />)
    expect((await screen.findByRole('status')).textContent).toContain('0.3.1')
  })

  it('restarts through main when asked', async () => {
    const { api, calls } = fakeMain({ status: { supported: true, ready: { version: '0.2.0' } } })
    render(<UpdateBanner api={api} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Restart to update' }))
    expect((await screen.findByText('Restarting to update…')).textContent).toBeTruthy()
    expect(calls).toContain('app:installUpdate')
  })

  it('says why when main refuses because an answer is streaming, in Vietnamese too', async () => {
    applyLanguage('vi')
    const { api } = fakeMain({
      status: { supported: true, ready: { version: '0.2.0' } },
      install: () => fail('busy', 'An answer is still streaming.'),
    })
    render(<UpdateBanner api={api} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Khởi động lại để cập nhật' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Vẫn còn câu trả lời đang được truyền về. Hãy khởi động lại để cập nhật khi nó xong.',
    )
    // Still offered: the user can try again once the answer is done.
    expect(screen.getByRole('button', { name: 'Khởi động lại để cập nhật' })).toBeTruthy()
  })

  it('goes away on Later, and comes back for a newer version', async () => {
    const { api, push } = fakeMain({ status: { supported: true, ready: { version: '0.2.0' } } })
    const { container } = render(<UpdateBanner api={api} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Later' }))
    expect(container.textContent).toBe('')
    push({ type: 'update', ready: { version: '0.2.0' } })
    expect(container.textContent).toBe('')
    push({ type: 'update', ready: { version: '0.3.0' } })
    expect(screen.getByRole('status').textContent).toContain('0.3.0')
  })
})
