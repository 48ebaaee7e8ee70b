/**
 * A file as it will be attached: its size checked before a byte is read, and a large image
 * downscaled first (longest side 2,048 px, what vision models use), in the renderer with
 * createImageBitmap and a canvas, no native dependency. The type main trusts is read from the
 * bytes there; the one the browser guesses here only picks which files to try to downscale.
 */
import { maxAttachmentBytes } from '../../../../shared/attachments'

export const maxImageSide = 2048

/** Images the browser can decode and re-encode; GIFs keep their frames, so they are left as they are. */
const downscalable = new Set(['image/png', 'image/jpeg', 'image/webp'])

export type PreparedFile =
  { ok: true; name: string; bytes: Blob } | { ok: false; name: string; reason: 'file_too_large' }

export async function prepareFile(file: File, keepOriginal: boolean): Promise<PreparedFile> {
  const scaled = keepOriginal || !downscalable.has(file.type) ? null : await downscale(file)
  const bytes = scaled ?? file
  if (bytes.size > maxAttachmentBytes) return { ok: false, name: file.name, reason: 'file_too_large' }
  return { ok: true, name: file.name, bytes }
}

/** The image at most 2,048 px on its longest side (JPEG stays JPEG, others become PNG); null when it is small or cannot be decoded. */
async function downscale(file: File): Promise<Blob | null> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file)
  } catch {
    return null
  }
  try {
    const longest = Math.max(bitmap.width, bitmap.height)
    if (longest <= maxImageSide) return null
    const scale = maxImageSide / longest
    const width = Math.round(bitmap.width * scale)
    const height = Math.round(bitmap.height * scale)
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')
    if (!context) return null
    context.imageSmoothingQuality = 'high'
    context.drawImage(bitmap, 0, 0, width, height)
    const type = file.type === 'image/jpeg' ? 'image/jpeg' : 'image/png'
    return await canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: 0.9 } : { type })
  } finally {
    bitmap.close()
  }
}

/** A blob's bytes in base64, as `attachments:add` takes them. */
export async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  // In slices: String.fromCharCode takes its bytes as arguments, and a call has a limit on those.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return btoa(binary)
}
