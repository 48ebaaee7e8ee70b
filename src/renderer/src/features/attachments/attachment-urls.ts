/**
 * Stored attachments shown in the transcript: their bytes come over the contract
 * (`attachments:read`, which names a file by its hash only) and become `blob:` URLs, the one
 * source the Content-Security-Policy adds for images. Each is read once per session.
 */
import { createContext, useContext, useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'

const urls = new Map<string, Promise<string | null>>()

export const AttachmentApiContext = createContext<Api | null>(null)

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function urlOf(api: Api, id: string): Promise<string | null> {
  let url = urls.get(id)
  if (!url) {
    url = api.attachments
      .read({ id })
      .then((result) =>
        result.ok
          ? URL.createObjectURL(new Blob([bytesOf(result.value.dataBase64)], { type: result.value.mime }))
          : null,
      )
    urls.set(id, url)
  }
  return url
}

/** The blob: URL of a stored attachment; undefined while it loads, null when it cannot be read. */
export function useAttachmentUrl(id: string): string | null | undefined {
  const api = useContext(AttachmentApiContext)
  const [url, setUrl] = useState<string | null | undefined>(undefined)
  useEffect(() => {
    if (!api) return
    let live = true
    void urlOf(api, id).then((found) => live && setUrl(found))
    return () => {
      live = false
    }
  }, [api, id])
  return api ? url : null
}
