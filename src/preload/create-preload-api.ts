import { buildApi, type Api } from '../shared/api'
import { appEventChannel } from '../shared/channels'
import type { AppEvent } from '../shared/events'

/** The part of Electron's `ipcRenderer` the bridge uses; tests pass a faithful fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/**
 * `window.api`: one named function per contract channel, and an event subscription whose
 * listener never sees Electron's event object (it would carry `sender`, a way back into IPC).
 */
export function createPreloadApi(ipcRenderer: IpcRendererLike): Api {
  return buildApi(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (listener) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload as AppEvent)
      ipcRenderer.on(appEventChannel, forward)
      return () => {
        ipcRenderer.removeListener(appEventChannel, forward)
      }
    },
  )
}
