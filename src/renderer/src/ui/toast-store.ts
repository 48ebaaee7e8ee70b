import { ExternalStore } from '../lib/external-store'

export type ToastTone = 'info' | 'success' | 'error'

export interface ToastInput {
  /** Toasts with the same key replace each other instead of stacking ("Saved" twice is one toast). */
  key?: string
  title: string
  description?: string
  tone?: ToastTone
  action?: { label: string; onClick(): void }
  /** Milliseconds before it closes by itself; null keeps it until dismissed. Default 5 s, errors 8 s. */
  duration?: number | null
}

export interface ToastEntry extends ToastInput {
  id: number
  key: string
}

/** At most three toasts are kept; the oldest goes first. */
const maxToasts = 3

class ToastStore extends ExternalStore<readonly ToastEntry[]> {
  private nextId = 1

  show(input: ToastInput): number {
    const id = this.nextId++
    const key = input.key ?? `toast-${id}`
    const others = this.getSnapshot().filter((entry) => entry.key !== key)
    this.set([...others, { ...input, id, key }].slice(-maxToasts))
    return id
  }

  dismiss(id: number): void {
    this.set(this.getSnapshot().filter((entry) => entry.id !== id))
  }
}

/** Toasts from anywhere in the renderer, rendered by the one <Toaster> at the root. */
export const toasts = new ToastStore([])
export const showToast = (input: ToastInput): number => toasts.show(input)
export const dismissToast = (id: number): void => toasts.dismiss(id)
