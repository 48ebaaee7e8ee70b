/**
 * The smallest store React can subscribe to with `useSyncExternalStore`: an immutable snapshot
 * replaced on each change, and listeners told after it.
 */
export class ExternalStore<T> {
  private readonly listeners = new Set<() => void>()

  constructor(private snapshot: T) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): T => this.snapshot

  protected set(next: T): void {
    if (next === this.snapshot) return
    this.snapshot = next
    for (const listener of this.listeners) listener()
  }
}
