import { describe, expect, it } from 'vitest'
import { sanitizeAttachmentName } from '../../../src/main/attachments/attachment-name'
import { sniffType } from '../../../src/main/attachments/sniff-type'
import { estimateImageTokens } from '../../../src/shared/attachments'
import { gifHeader, jpegHeader, pdfBytes, pngBytes, webpHeader } from '../../support/file-bytes'

describe('the type of a file, read from its bytes', () => {
  it('knows PNG, JPEG, WebP and GIF with their sizes, and PDF', () => {
    expect(sniffType(pngBytes(640, 480))).toEqual({ kind: 'accepted', mime: 'image/png', width: 640, height: 480 })
    expect(sniffType(jpegHeader(4000, 3000))).toEqual({
      kind: 'accepted',
      mime: 'image/jpeg',
      width: 4000,
      height: 3000,
    })
    expect(sniffType(webpHeader(1024, 768))).toEqual({ kind: 'accepted', mime: 'image/webp', width: 1024, height: 768 })
    expect(sniffType(gifHeader(32, 16))).toEqual({ kind: 'accepted', mime: 'image/gif', width: 32, height: 16 })
    expect(sniffType(pdfBytes(['one']))).toMatchObject({ kind: 'accepted', mime: 'application/pdf' })
  })

  it('takes UTF-8 without NULs as text (Markdown, code, CSV, JSON alike)', () => {
    for (const text of ['# Tiêu đề\n', 'a,b\n1,2\n', '{"x": [1, 2]}', 'const x = 1 // 🐑'])
      expect(sniffType(Buffer.from(text))).toMatchObject({ kind: 'accepted', mime: 'text/plain' })
  })

  it('refuses bytes that are none of these: a fake PNG, Latin-1 text, a binary with NULs', () => {
    const fakePng = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)])
    expect(sniffType(fakePng)).toEqual({ kind: 'unsupported' })
    expect(sniffType(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toEqual({ kind: 'unsupported' })
    expect(sniffType(Buffer.from('text\u0000more'))).toEqual({ kind: 'unsupported' })
    // A PNG signature cut short is not a PNG with a size.
    expect(sniffType(pngBytes(2, 2).subarray(0, 10))).toEqual({
      kind: 'accepted',
      mime: 'image/png',
      width: null,
      height: null,
    })
  })

  it('recognises SVG, with or without an XML declaration, to refuse it', () => {
    expect(sniffType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual({
      kind: 'svg',
    })
    expect(sniffType(Buffer.from('\ufeff<?xml version="1.0"?>\n<!-- x -->\n<svg width="1"/>'))).toEqual({ kind: 'svg' })
    // Text that only mentions an svg tag later on is text.
    expect(sniffType(Buffer.from('How do I draw <svg> in React?'))).toMatchObject({ mime: 'text/plain' })
  })
})

describe('an attachment name', () => {
  it('keeps only a clean last segment, never a path', () => {
    expect(sanitizeAttachmentName('../../etc/passwd')).toBe('passwd')
    expect(sanitizeAttachmentName('C:\\Users\\me\\ảnh chụp.png')).toBe('ảnh chụp.png')
    expect(sanitizeAttachmentName('\u202Egnp.exe')).toBe('gnp.exe')
    expect(sanitizeAttachmentName('a\nb\u0000c.txt')).toBe('abc.txt')
    expect(sanitizeAttachmentName('...')).toBe('attachment')
    expect(sanitizeAttachmentName('..')).toBe('attachment')
    expect(sanitizeAttachmentName('x'.repeat(500))).toHaveLength(200)
  })
})

describe('an image’s tokens by OpenAI’s tile rule', () => {
  it('fits in 2048², scales the shortest side to 768, then counts 512-px tiles', () => {
    // OpenAI's own worked examples: 1024×1024 is 4 tiles (765), 2048×4096 becomes 768×1536, 6 tiles (1105).
    expect(estimateImageTokens(1024, 1024)).toBe(765)
    expect(estimateImageTokens(2048, 4096)).toBe(1105)
    expect(estimateImageTokens(4000, 3000)).toBe(765)
    expect(estimateImageTokens(100, 100)).toBe(255)
  })
})
