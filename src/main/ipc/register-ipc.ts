import { invokeChannels } from '../../shared/channels'
import type { Dispatch } from './dispatch'

/** The part of Electron's `ipcMain` we use; tests pass a faithful fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
}

/**
 * Registers one handler per contract channel, each going through `dispatch` (which validates the
 * payload). Extra arguments are ignored; the returned function removes every handler.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, dispatch: Dispatch): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (_event, payload) => dispatch(channel, payload))
  }
  return () => {
    for (const channel of invokeChannels) ipcMain.removeHandler(channel)
  }
}
