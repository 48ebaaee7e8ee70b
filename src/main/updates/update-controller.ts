/**
 * Keeps the installed app up to date: checks the feed at start and every few hours, lets the update
 * download in the background, and offers "Restart to update" only while no answer is streaming.
 *
 * Electron-free: the updater (electron-updater's `autoUpdater` in the packaged app, a fake in tests),
 * the timers and the app's state come in from outside. Until `attach` is called nothing is checked,
 * which is the case in development and in browser mode.
 */
import { fail, ok, type Result } from '../../shared/errors'
import type { UpdateEvent, UpdateStatus } from '../../shared/updates'
import type { Logger } from '../log'

/** The logger electron-updater writes its own lines to (it defaults to `console`). */
export interface UpdaterLogger {
  info(message?: unknown): void
  warn(message?: unknown): void
  error(message?: unknown): void
  debug?(message: string): void
}

/** The part of electron-updater's `AppUpdater` this uses, so a fake can stand in for it. */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  logger: UpdaterLogger | null
  /** Rejects when the feed cannot be read; with `autoDownload`, the result carries the download's promise. */
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>
  quitAndInstall(): void
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface UpdateControllerOptions {
  /** The `autoUpdate` setting, read at each step. */
  isEnabled(): boolean
  /** Whether any answer is streaming now. */
  isStreaming(): boolean
  emit(event: UpdateEvent): void
  log: Logger
  timers?: Timers
  /** After start (the window is up by then) before the first check; default 10 s. */
  firstCheckDelayMs?: number
  /** Between checks; default 4 h. */
  checkIntervalMs?: number
}

export const defaultFirstCheckDelayMs = 10_000
export const defaultCheckIntervalMs = 4 * 60 * 60 * 1000

const systemTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms)
    // A pending check is no reason to keep the process alive.
    handle.unref()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export class UpdateController {
  private updater: Updater | null = null
  private readonly timers: Timers
  private timer: unknown = null
  private checking = false
  private disposed = false
  /** The version downloaded and waiting for a restart. */
  private downloaded: string | null = null
  /** The version the views were told about (only while nothing streamed). */
  private offered: string | null = null
  private lastError: unknown = null

  constructor(private readonly options: UpdateControllerOptions) {
    this.timers = options.timers ?? systemTimers
  }

  /** Starts updating with this updater: the packaged desktop app calls it once, after the window opens. */
  attach(updater: Updater): void {
    if (this.updater || this.disposed) return
    this.updater = updater
    const { log } = this.options
    updater.autoDownload = true
    updater.logger = {
      info: (message) => log.info(`updater: ${String(message)}`),
      warn: (message) => log.warn(`updater: ${String(message)}`),
      // An update that fails is not the user's problem: warn, never more.
      error: (message) => log.warn(`updater: ${String(message)}`),
      debug: (message) => log.debug(`updater: ${message}`),
    }
    // Without an `error` listener an EventEmitter throws, which would crash main on an offline check.
    updater.on('error', (error) => this.logFailure(error))
    updater.on('update-downloaded', (info) => {
      log.info(`update ${info.version} downloaded`)
      this.downloaded = info.version
      this.offerIfIdle()
    })
    this.settingsChanged()
  }

  /** The setting may have changed: off stops the checks (and install on quit), on starts them again. */
  settingsChanged(): void {
    const updater = this.updater
    if (!updater || this.disposed) return
    const enabled = this.options.isEnabled()
    // Off means the user decides: a downloaded update is installed only when they ask for it.
    updater.autoInstallOnAppQuit = enabled
    if (!enabled) this.cancelTimer()
    else if (this.timer === null && !this.checking)
      this.schedule(this.options.firstCheckDelayMs ?? defaultFirstCheckDelayMs)
  }

  /** A stream ended: an update that downloaded meanwhile is offered once the last one has. */
  streamEnded(): void {
    this.offerIfIdle()
  }

  status(): UpdateStatus {
    return { supported: this.updater !== null, ready: this.offered === null ? null : { version: this.offered } }
  }

  /** Restarts into the downloaded update, unless an answer is streaming (it would be cut off). */
  install(): Result<{ restarting: true }> {
    const updater = this.updater
    if (!updater || this.downloaded === null) return fail('not_found', 'No update has been downloaded yet.')
    if (this.options.isStreaming())
      return fail('busy', 'An answer is still streaming. Restart to update when it has finished.')
    this.options.log.info(`restarting to install update ${this.downloaded}`)
    // After this answer has reached the window. electron-updater quits through app.quit(), so the
    // app's before-quit path runs as for any quit: streams stopped, partial answers saved, database closed.
    this.timers.setTimeout(() => {
      try {
        updater.quitAndInstall()
      } catch (error) {
        this.logFailure(error)
      }
    }, 0)
    return ok({ restarting: true })
  }

  dispose(): void {
    this.disposed = true
    this.cancelTimer()
  }

  private offerIfIdle(): void {
    const version = this.downloaded
    if (version === null || version === this.offered || this.disposed || this.options.isStreaming()) return
    this.offered = version
    this.options.emit({ type: 'update', ready: { version } })
  }

  private schedule(ms: number): void {
    this.cancelTimer()
    this.timer = this.timers.setTimeout(() => {
      this.timer = null
      void this.check()
    }, ms)
  }

  private cancelTimer(): void {
    if (this.timer === null) return
    this.timers.clearTimeout(this.timer)
    this.timer = null
  }

  private async check(): Promise<void> {
    const updater = this.updater
    if (!updater || this.disposed || !this.options.isEnabled()) return
    this.checking = true
    try {
      const result = await updater.checkForUpdates()
      // The download goes on after the check; electron-updater reports its failure as an `error`
      // event too, but nothing else awaits this promise, so it is caught here, never left unhandled.
      result?.downloadPromise?.catch((error: unknown) => this.logFailure(error))
    } catch (error) {
      this.logFailure(error)
    } finally {
      this.checking = false
    }
    if (!this.disposed && this.options.isEnabled())
      this.schedule(this.options.checkIntervalMs ?? defaultCheckIntervalMs)
  }

  /** electron-updater both emits `error` and rejects with the same error: it is logged once. */
  private logFailure(error: unknown): void {
    if (error === this.lastError) return
    this.lastError = error
    this.options.log.warn('update check or download failed', error)
  }
}
