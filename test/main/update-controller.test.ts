/**
 * The update wiring through a fake updater (electron-updater's method names on an EventEmitter) and
 * timers the test moves: when it checks, when it offers the restart, when it refuses, and the switch.
 */
import { describe, expect, it } from 'vitest'
import {
  defaultCheckIntervalMs,
  defaultFirstCheckDelayMs,
  UpdateController,
} from '../../src/main/updates/update-controller'
import type { UpdateEvent } from '../../src/shared/updates'
import { FakeUpdater, ManualTimers } from '../support/fake-updater'
import { memoryLogger } from '../support/memory-logger'

const hour = 60 * 60 * 1000

function setup(options: { enabled?: boolean; streaming?: boolean } = {}) {
  const state = { enabled: options.enabled ?? true, streaming: options.streaming ?? false }
  const timers = new ManualTimers()
  const updater = new FakeUpdater()
  const log = memoryLogger()
  const events: UpdateEvent[] = []
  const controller = new UpdateController({
    isEnabled: () => state.enabled,
    isStreaming: () => state.streaming,
    emit: (event) => events.push(event),
    log,
    timers,
  })
  return { state, timers, updater, log, events, controller }
}

describe('update checks', () => {
  it('checks nothing until an updater is attached (development, browser mode)', async () => {
    const { timers, controller } = setup()
    await timers.advance(24 * hour)
    expect(timers.pendingCount).toBe(0)
    expect(controller.status()).toEqual({ supported: false, ready: null })
    expect(controller.install()).toMatchObject({ ok: false, error: { kind: 'not_found' } })
  })

  it('checks shortly after start, downloading in the background', async () => {
    const { timers, updater, controller } = setup()
    controller.attach(updater)
    expect(updater.autoDownload).toBe(true)
    expect(controller.status()).toEqual({ supported: true, ready: null })
    await timers.advance(defaultFirstCheckDelayMs - 1)
    expect(updater.checks).toBe(0)
    await timers.advance(1)
    expect(updater.checks).toBe(1)
  })

  it('checks again every 4 hours', async () => {
    const { timers, updater, controller } = setup()
    controller.attach(updater)
    await timers.advance(defaultFirstCheckDelayMs)
    expect(defaultCheckIntervalMs).toBe(4 * hour)
    await timers.advance(4 * hour - 1)
    expect(updater.checks).toBe(1)
    await timers.advance(1)
    expect(updater.checks).toBe(2)
    await timers.advance(8 * hour)
    expect(updater.checks).toBe(4)
  })

  it('sends electron-updater’s own lines to the app’s logger, errors as warnings', () => {
    const { updater, controller, log } = setup()
    controller.attach(updater)
    updater.logger!.info('Checking for update')
    updater.logger!.error('Cannot download')
    expect(log.lines.some((line) => line.includes('INFO') && line.includes('updater: Checking for update'))).toBe(true)
    expect(log.lines.some((line) => line.includes('WARN') && line.includes('updater: Cannot download'))).toBe(true)
  })
})

describe('offering the restart', () => {
  it('offers a downloaded update at once when nothing streams', () => {
    const { updater, controller, events } = setup()
    controller.attach(updater)
    updater.download('0.2.0')
    expect(events).toEqual([{ type: 'update', ready: { version: '0.2.0' } }])
    expect(controller.status()).toEqual({ supported: true, ready: { version: '0.2.0' } })
  })

  it('does not offer it while an answer streams, and offers it once the last one has ended', () => {
    const { state, updater, controller, events } = setup({ streaming: true })
    controller.attach(updater)
    updater.download('0.2.0')
    expect(events).toEqual([])
    expect(controller.status().ready).toBeNull()
    // One of two streams ended: another still runs.
    controller.streamEnded()
    expect(events).toEqual([])
    state.streaming = false
    controller.streamEnded()
    expect(events).toEqual([{ type: 'update', ready: { version: '0.2.0' } }])
    expect(controller.status().ready).toEqual({ version: '0.2.0' })
    // Later streams ending do not offer it again.
    controller.streamEnded()
    expect(events).toHaveLength(1)
  })

  it('offers a newer download again', () => {
    const { updater, controller, events } = setup()
    controller.attach(updater)
    updater.download('0.2.0')
    updater.download('0.3.0')
    expect(events.map((event) => event.ready.version)).toEqual(['0.2.0', '0.3.0'])
  })
})

describe('installing', () => {
  it('refuses before anything was downloaded', () => {
    const { updater, controller } = setup()
    controller.attach(updater)
    expect(controller.install()).toMatchObject({ ok: false, error: { kind: 'not_found' } })
  })

  it('refuses while an answer streams, and restarts into the update once none does', async () => {
    const { state, timers, updater, controller } = setup()
    controller.attach(updater)
    updater.download('0.2.0')
    state.streaming = true
    expect(controller.install()).toMatchObject({ ok: false, error: { kind: 'busy' } })
    await timers.advance(1000)
    expect(updater.installs).toBe(0)
    state.streaming = false
    expect(controller.install()).toEqual({ ok: true, value: { restarting: true } })
    // After the answer has gone back to the window.
    expect(updater.installs).toBe(0)
    await timers.advance(0)
    expect(updater.installs).toBe(1)
  })
})

describe('the off-switch', () => {
  it('checks nothing while auto-update is off', async () => {
    const { timers, updater, controller } = setup({ enabled: false })
    controller.attach(updater)
    expect(updater.autoInstallOnAppQuit).toBe(false)
    await timers.advance(48 * hour)
    expect(updater.checks).toBe(0)
    expect(timers.pendingCount).toBe(0)
  })

  it('stops the timer when turned off, and starts checking again when turned on', async () => {
    const { state, timers, updater, controller } = setup()
    controller.attach(updater)
    await timers.advance(defaultFirstCheckDelayMs)
    expect(updater.checks).toBe(1)
    state.enabled = false
    controller.settingsChanged()
    expect(timers.pendingCount).toBe(0)
    expect(updater.autoInstallOnAppQuit).toBe(false)
    await timers.advance(24 * hour)
    expect(updater.checks).toBe(1)
    state.enabled = true
    controller.settingsChanged()
    expect(updater.autoInstallOnAppQuit).toBe(true)
    await timers.advance(defaultFirstCheckDelayMs)
    expect(updater.checks).toBe(2)
    await timers.advance(4 * hour)
    expect(updater.checks).toBe(3)
  })

  it('a change of other settings does not add a second timer', async () => {
    const { timers, updater, controller } = setup()
    controller.attach(updater)
    controller.settingsChanged()
    controller.settingsChanged()
    expect(timers.pendingCount).toBe(1)
    await timers.advance(defaultFirstCheckDelayMs)
    expect(updater.checks).toBe(1)
  })

  it('a check due while the switch is off does not happen', async () => {
    const { state, timers, updater, controller } = setup()
    controller.attach(updater)
    // Off without being told (say the settings file changed): the due check looks again and skips.
    state.enabled = false
    await timers.advance(defaultFirstCheckDelayMs)
    expect(updater.checks).toBe(0)
  })
})

describe('failures', () => {
  it('logs a failed check once, at warn, throws nothing, and checks again later', async () => {
    const { timers, updater, controller, log, events } = setup()
    controller.attach(updater)
    updater.failChecksWith(new Error('net::ERR_INTERNET_DISCONNECTED'))
    await timers.advance(defaultFirstCheckDelayMs)
    const warnings = log.lines.filter((line) => line.includes('ERR_INTERNET_DISCONNECTED'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('WARN')
    expect(events).toEqual([])
    await timers.advance(4 * hour)
    expect(updater.checks).toBe(2)
  })

  it('catches a failed background download, so it is never an unhandled rejection', async () => {
    const { timers, updater, controller, log } = setup()
    controller.attach(updater)
    const failure = new Error('HttpError: 404 Not Found')
    updater.answer = async () => ({ downloadPromise: Promise.reject(failure) })
    await timers.advance(defaultFirstCheckDelayMs)
    // electron-updater also emits the same error: still one line.
    updater.emit('error', failure)
    expect(log.lines.filter((line) => line.includes('404 Not Found'))).toHaveLength(1)
  })

  it('an updater that throws at once is logged too', async () => {
    const { timers, updater, controller, log } = setup()
    controller.attach(updater)
    updater.checkForUpdates = () => {
      throw new Error('app-update.yml is missing')
    }
    await timers.advance(defaultFirstCheckDelayMs)
    expect(log.lines.some((line) => line.includes('WARN') && line.includes('app-update.yml is missing'))).toBe(true)
    expect(timers.pendingCount).toBe(1)
  })

  it('stops everything when disposed', async () => {
    const { timers, updater, controller, events } = setup()
    controller.attach(updater)
    controller.dispose()
    expect(timers.pendingCount).toBe(0)
    updater.download('0.2.0')
    expect(events).toEqual([])
  })
})
