/**
 * Start-ups that cannot go on, as the user meets them: browser mode as a real child process prints
 * one line naming the path and what to do, exits non-zero, and leaves the folder free for the next try.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { startBrowserMode } from '../support/browser-mode'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()

describe('a start that cannot go on', () => {
  it('names the history path when a folder stands where the file should be', async () => {
    const dataDir = tempDir()
    const historyPath = join(dataDir, 'history.sqlite')
    mkdirSync(historyPath)
    const failure = await startBrowserMode({ baseURL: 'http://127.0.0.1:9/v1', dataDir }).then(
      () => null,
      (error: unknown) => (error as Error).message,
    )
    expect(failure).toMatch(/browser mode exited with 1/)
    expect(failure).toContain(
      `HolySheep Chat could not start: The history database ${historyPath} cannot be opened: it is a folder, not a file. Move or rename it`,
    )
    // The folder is untouched and not left locked.
    expect(readdirSync(historyPath)).toEqual([])
    expect(existsSync(join(dataDir, 'holysheep.lock'))).toBe(false)
  })

  it('closes the history cleanly when its port is taken, so the next start has nothing to check', async () => {
    const dataDir = tempDir()
    const busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    try {
      const port = (busy.address() as AddressInfo).port
      const failure = await startBrowserMode({ baseURL: 'http://127.0.0.1:9/v1', dataDir, port }).then(
        () => null,
        (error: unknown) => (error as Error).message,
      )
      expect(failure).toMatch(/browser mode exited with 1/)
      expect(failure).toContain('HolySheep Chat could not start')
    } finally {
      await new Promise((resolve) => busy.close(resolve))
    }
    const history = new DatabaseSync(join(dataDir, 'history.sqlite'), { readOnly: true })
    const flag = history.prepare("SELECT value FROM store_meta WHERE key = 'clean_shutdown'").get()
    history.close()
    expect(flag).toEqual({ value: '1' })
    expect(existsSync(join(dataDir, 'history.sqlite.open'))).toBe(false)
    expect(existsSync(join(dataDir, 'holysheep.lock'))).toBe(false)
  })
})
