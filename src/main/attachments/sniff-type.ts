/**
 * What a file is, read from its bytes (magic numbers), never from its name or a claimed type: a
 * file called photo.png that is not a PNG is refused. SVG is recognised only to be refused: it is
 * a document that can carry script, and the app never renders one.
 */
import type { AttachmentMime } from '../../shared/attachments'

export type Sniffed =
  | { kind: 'accepted'; mime: AttachmentMime; width: number | null; height: number | null }
  | { kind: 'svg' }
  | { kind: 'unsupported' }

export function sniffType(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image('image/png', pngSize(bytes))
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return image('image/jpeg', jpegSize(bytes))
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return image('image/webp', webpSize(bytes))
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return image('image/gif', gifSize(bytes))
  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'accepted', mime: 'application/pdf', width: null, height: null }
  const text = utf8Text(bytes)
  if (text === null) return { kind: 'unsupported' }
  if (looksLikeSvg(text)) return { kind: 'svg' }
  return { kind: 'accepted', mime: 'text/plain', width: null, height: null }
}

/** The bytes as text when they are valid UTF-8 without NUL characters (a binary file has them); else null. */
export function utf8Text(bytes: Uint8Array): string | null {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
  return text.includes('\u0000') ? null : text
}

function looksLikeSvg(text: string): boolean {
  // An SVG may start with a BOM, an XML declaration, comments or a doctype before its root element.
  const head = text.slice(0, 4096).toLowerCase()
  return /<svg[\s>/]/.test(head) && /^\ufeff?\s*(<\?xml|<!--|<!doctype|<svg)/.test(head)
}

type Size = { width: number; height: number } | null

function image(mime: AttachmentMime, size: Size): Sniffed {
  return { kind: 'accepted', mime, width: size?.width ?? null, height: size?.height ?? null }
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  if (bytes.length < at + length) return ''
  return String.fromCharCode(...bytes.subarray(at, at + length))
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function positive(width: number, height: number): Size {
  return width > 0 && height > 0 ? { width, height } : null
}

/** PNG: the IHDR chunk comes first, width and height big-endian at 16 and 20. */
function pngSize(bytes: Uint8Array): Size {
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return null
  return positive(view(bytes).getUint32(16), view(bytes).getUint32(20))
}

/** GIF: the logical screen's width and height, little-endian at 6 and 8. */
function gifSize(bytes: Uint8Array): Size {
  if (bytes.length < 10) return null
  return positive(view(bytes).getUint16(6, true), view(bytes).getUint16(8, true))
}

/** JPEG: walks the markers to the first start-of-frame (SOF0..SOF15 but DHT, JPG and DAC). */
function jpegSize(bytes: Uint8Array): Size {
  const data = view(bytes)
  let at = 2
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at += 1
      continue
    }
    const length = data.getUint16(at + 2)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return positive(data.getUint16(at + 7), data.getUint16(at + 5))
    at += 2 + length
  }
  return null
}

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X) headers each keep the size differently. */
function webpSize(bytes: Uint8Array): Size {
  if (bytes.length < 30) return null
  const data = view(bytes)
  const chunk = ascii(bytes, 12, 4)
  if (chunk === 'VP8 ') return positive(data.getUint16(26, true) & 0x3fff, data.getUint16(28, true) & 0x3fff)
  if (chunk === 'VP8L') {
    const bits = data.getUint32(21, true)
    return positive((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
  }
  if (chunk === 'VP8X') {
    const width = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16))
    const height = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16))
    return positive(width, height)
  }
  return null
}
