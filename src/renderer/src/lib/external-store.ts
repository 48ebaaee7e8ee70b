/**
 * The smallest store React can subscribe to with `useSyncExternalStore`: an immutable snapshot
 * replaced on each change, and listeners told after it.
 *
 * A store whose changes come faster than frames (`oncePerFrame`: several answers streaming, each
 * event its own task) tells its listeners once per frame, so React draws once a frame however many
 * streams changed; the snapshot itself is always current. A timer backs the frame up, as a hidden
 * window gets no animation frames.
 */
export class ExternalStore<T> {
  private readonly listeners = new Set<() => void>()
  private frameWait: { frame: number; timer: ReturnType<typeof setTimeout> } | null = null

  constructor(
    private snapshot: T,
    private readonly options: { oncePerFrame?: boolean } = {},
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): T => this.snapshot

  protected set(next: T): void {
    if (next === this.snapshot) return
    this.snapshot = next
    if (!this.options.oncePerFrame) return this.tell()
    if (this.frameWait) return
    const flush = () => {
      if (!this.frameWait) return
      cancelAnimationFrame(this.frameWait.frame)
      clearTimeout(this.frameWait.timer)
      this.frameWait = null
      this.tell()
    }
    this.frameWait = { frame: requestAnimationFrame(flush), timer: setTimeout(flush, frameBackupMs) }
  }

  private tell(): void {
    for (const listener of this.listeners) listener()
  }
}

/** When a frame does not come (a hidden window), listeners are told after this long anyway. */
const frameBackupMs = 100
