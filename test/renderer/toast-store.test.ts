/** The one toast store: keys replace, progress updates in place, the cap evicts what would close anyway. */
import { afterEach, describe, expect, it } from 'vitest'
import { toasts } from '../../src/renderer/src/ui/toast-store'

afterEach(() => {
  for (const entry of toasts.getSnapshot()) toasts.dismissKey(entry.key)
})

const titles = () => toasts.getSnapshot().map((entry) => entry.title)

describe('toasts', () => {
  it('never keeps more than three, pushing out the oldest that would close by itself first', () => {
    const told: string[] = []
    toasts.show({ key: 'error', title: 'failed', tone: 'error', onDismiss: () => told.push('error') })
    for (const title of ['one', 'two', 'three', 'four']) toasts.show({ title, onDismiss: () => told.push(title) })
    expect(titles()).toEqual(['failed', 'three', 'four'])
    // Whoever showed a toast pushed out is told, so it can forget what the toast stood for.
    expect(told).toEqual(['one', 'two'])
  })

  it('updates a toast in place when asked (same id), and shows it anew otherwise', () => {
    const first = toasts.show({ key: 'job', title: 'Importing', progress: { value: 1, max: 10, label: 'Importing' } })
    const second = toasts.show({
      key: 'job',
      title: 'Importing',
      progress: { value: 5, max: 10, label: 'Importing' },
      update: true,
    })
    expect(second).toBe(first)
    expect(toasts.getSnapshot()).toHaveLength(1)
    expect(toasts.getSnapshot()[0]!.progress?.value).toBe(5)
    const third = toasts.show({ key: 'job', title: 'Imported' })
    expect(third).not.toBe(first)
    expect(titles()).toEqual(['Imported'])
  })

  it('tells the owner when the user dismisses a toast, not when the owner takes it away', () => {
    const told: number[] = []
    const id = toasts.show({ key: 'a', title: 'a', onDismiss: () => told.push(1) })
    toasts.show({ key: 'b', title: 'b', onDismiss: () => told.push(2) })
    toasts.dismiss(id)
    toasts.dismissKey('b')
    expect(told).toEqual([1])
    expect(titles()).toEqual([])
  })
})
