import { ExternalStore } from '../lib/external-store'

export type ToastTone = 'info' | 'success' | 'error'

export interface ToastInput {
  /** Toasts with the same key replace each other instead of stacking ("Saved" twice is one toast). */
  key?: string
  title: string
  description?: string
  tone?: ToastTone
  action?: { label: string; onClick(): void }
  /** A link in the toast (a finished export's download, say). */
  link?: { label: string; href: string; download?: boolean }
  /** A progress bar: `max` null while the total is not known yet. */
  progress?: { value: number; max: number | null; label: string }
  /**
   * Update the toast with the same key in place (the same element: focus on its Cancel stays, the
   * screen reader is not told again), as a job's progress does; otherwise it is shown anew.
   */
  update?: boolean
  /** Milliseconds before it closes by itself; null keeps it until dismissed. Default 5 s, errors 8 s. */
  duration?: number | null
  /** Told when the toast goes: closed by the user, by its timer, or pushed out by newer ones. */
  onDismiss?(): void
}

export interface ToastEntry extends ToastInput {
  id: number
  key: string
}

/** At most three toasts are kept; the oldest that would close by itself goes first, then the oldest. */
const maxToasts = 3

const persistent = (entry: ToastEntry) => entry.duration === null || entry.tone === 'error'

class ToastStore extends ExternalStore<readonly ToastEntry[]> {
  private nextId = 1

  show(input: ToastInput): number {
    const key = input.key ?? `toast-${this.nextId}`
    const current = this.getSnapshot()
    const existing = current.find((entry) => entry.key === key)
    if (existing && input.update) {
      this.set(current.map((entry) => (entry === existing ? { ...input, id: existing.id, key } : entry)))
      return existing.id
    }
    const id = this.nextId++
    const next = [...current.filter((entry) => entry.key !== key), { ...input, id, key }]
    const evicted: ToastEntry[] = []
    while (next.length > maxToasts) {
      const index = next.findIndex((entry) => !persistent(entry))
      evicted.push(...next.splice(index === -1 || index === next.length - 1 ? 0 : index, 1))
    }
    this.set(next)
    for (const entry of evicted) entry.onDismiss?.()
    return id
  }

  dismiss(id: number): void {
    const gone = this.getSnapshot().find((entry) => entry.id === id)
    if (!gone) return
    this.set(this.getSnapshot().filter((entry) => entry.id !== id))
    gone.onDismiss?.()
  }

  /** Takes away the toast with this key, if any, without telling its owner (the owner asked). */
  dismissKey(key: string): void {
    const next = this.getSnapshot().filter((entry) => entry.key !== key)
    if (next.length !== this.getSnapshot().length) this.set(next)
  }
}

/** Toasts from anywhere in the renderer, rendered by the one <Toaster> at the root. */
export const toasts = new ToastStore([])
export const showToast = (input: ToastInput): number => toasts.show(input)
export const dismissToast = (id: number): void => toasts.dismiss(id)
