import { closeSync, fsyncSync, openSync } from 'node:fs'

/** Flushes a file, or a folder's entries after a rename, to the disk (Windows cannot fsync a folder). */
export function fsyncPath(path: string): void {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    if (process.platform === 'win32') return
    throw error
  }
  try {
    fsyncSync(fd)
  } catch (error) {
    if (process.platform !== 'win32') throw error
  } finally {
    closeSync(fd)
  }
}
