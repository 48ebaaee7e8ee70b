/**
 * Stand-ins for what the update controller is given: electron-updater's `autoUpdater` (an
 * EventEmitter with the same property and method names, whose feed answers as a test says) and
 * timers that move only when the test advances them.
 */
import { EventEmitter } from 'node:events'
import type { Timers, Updater, UpdaterLogger } from '../../src/main/updates/update-controller'

type CheckResult = Awaited<ReturnType<Updater['checkForUpdates']>>

export class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false
  autoInstallOnAppQuit = true
  logger: UpdaterLogger | null = null
  checks = 0
  installs = 0
  /** What the next checks do; by default the feed has nothing newer. */
  answer: () => Promise<CheckResult> = async () => null

  checkForUpdates(): Promise<CheckResult> {
    this.checks++
    return this.answer()
  }

  quitAndInstall(): void {
    this.installs++
  }

  /** What electron-updater does when the feed cannot be read: emit `error`, then reject with it. */
  failChecksWith(error: Error): void {
    this.answer = async () => {
      this.emit('error', error, String(error.stack))
      throw error
    }
  }

  /** A download that finishes: electron-updater emits `update-downloaded` with the version. */
  download(version: string): void {
    this.emit('update-downloaded', { version, files: [], path: '', sha512: '', releaseDate: '', downloadedFile: '' })
  }
}

/** Timers on a clock of their own: callbacks run when `advance` passes their time, in order. */
export class ManualTimers implements Timers {
  private now = 0
  private nextId = 1
  private readonly pending = new Map<number, { at: number; callback: () => void }>()

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++
    this.pending.set(id, { at: this.now + ms, callback })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number)
  }

  get pendingCount(): number {
    return this.pending.size
  }

  /** Moves the clock on by `ms`, running what falls due (and letting promises settle between). */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms
    for (;;) {
      const due = [...this.pending.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0]
      if (!due) break
      const [id, timer] = due
      this.pending.delete(id)
      this.now = timer.at
      timer.callback()
      await settle()
    }
    this.now = until
    await settle()
  }
}

/** Lets every pending promise callback run (a check's answer, its catch and finally). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
