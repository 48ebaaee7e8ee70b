import type { Result } from '../../../shared/errors'

/**
 * What differs between the desktop app and browser mode, beyond the contract: the desktop app asks
 * main to show a file dialog for an import; a browser picks the file itself and uploads it first.
 */
export type Platform =
  { kind: 'desktop' } | { kind: 'browser'; upload(file: File): Promise<Result<{ uploadId: string }>> }

export function resolvePlatform(): Platform {
  return window.api ? { kind: 'desktop' } : { kind: 'browser', upload: uploadFile }
}

/** Browser mode's stand-in for the open dialog: the file's bytes to POST /api/upload (token in the cookie). */
async function uploadFile(file: File): Promise<Result<{ uploadId: string }>> {
  try {
    const response = await fetch('/api/upload', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: file,
    })
    return (await response.json()) as Result<{ uploadId: string }>
  } catch {
    return { ok: false, error: { kind: 'network', message: 'The app’s local server is not reachable.' } }
  }
}
