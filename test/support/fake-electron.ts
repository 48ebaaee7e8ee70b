/**
 * A faithful stand-in for the Electron IPC pieces the preload and main use, for machines where
 * Electron cannot start. What it keeps of Electron's behaviour:
 * - every payload crosses by structured clone (functions and other uncloneables throw);
 * - `invoke` reaches the one handler registered with `handle`, whose result is cloned back; a second
 *   `handle` on a channel throws; no handler rejects, with Electron's wording;
 * - listeners get `(event, ...args)`, and `removeListener` stops delivery;
 * - `contextBridge.exposeInMainWorld` copies the API into the page's world: functions become proxies
 *   whose arguments and results are copied across, as the real bridge does.
 */
import type { IpcMainLike } from '../../src/main/ipc/register-ipc'
import type { IpcRendererLike } from '../../src/preload/create-preload-api'

type Listener = (event: unknown, ...args: unknown[]) => void
type Handler = (event: unknown, ...args: unknown[]) => unknown

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>()

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
}

export class FakeIpcRenderer implements IpcRendererLike {
  private readonly listeners = new Map<string, Set<Listener>>()

  constructor(private readonly ipcMain: FakeIpcMain) {}

  /** What main's `webContents.send` does: clone, then call each listener with an event first. */
  readonly webContents = {
    send: (channel: string, ...args: unknown[]) => {
      const cloned = structuredClone(args)
      for (const listener of this.listeners.get(channel) ?? []) listener({ sender: this, ports: [] }, ...cloned)
    },
  }

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const cloned = structuredClone(args)
    const handler = this.ipcMain.handlers.get(channel)
    if (!handler)
      throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
    const result = await handler({ sender: this.webContents, processId: 1, frameId: 1 }, ...cloned)
    return structuredClone(result)
  }

  on(channel: string, listener: Listener): this {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set())
    this.listeners.get(channel)!.add(listener)
    return this
  }

  removeListener(channel: string, listener: Listener): this {
    this.listeners.get(channel)?.delete(listener)
    return this
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0
  }
}

/** Copies a value from one JavaScript world to the other the way the context bridge does. */
function acrossWorlds(value: unknown): unknown {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown
    return (...args: unknown[]) => acrossWorlds(fn(...args.map(acrossWorlds)))
  }
  if (value instanceof Promise) return value.then(acrossWorlds)
  if (Array.isArray(value)) return value.map(acrossWorlds)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, acrossWorlds(entry)]))
  }
  return structuredClone(value)
}

export function createFakeElectron() {
  const ipcMain = new FakeIpcMain()
  const ipcRenderer = new FakeIpcRenderer(ipcMain)
  const mainWorld: Record<string, unknown> = {}
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      if (key in mainWorld) throw new Error(`Cannot bind an API on top of an existing property on the window object`)
      mainWorld[key] = acrossWorlds(api)
    },
  }
  return { ipcMain, ipcRenderer, contextBridge, mainWorld }
}
