import { describe, expect, it } from 'vitest'
import { StreamScrubber } from '../../src/main/chat/stream-scrubber'

const key = 'sk-hs-live-4f9c2e7a1b3d5f8e0a6c9b2d'
const base64 = Buffer.from(key).toString('base64')

/** Feeds `text` in pieces of `size` and returns what was passed on, push by push, and the whole. */
function feed(text: string, size: number) {
  const scrubber = new StreamScrubber([key])
  const passed: string[] = []
  for (let start = 0; start < text.length; start += size) passed.push(scrubber.push(text.slice(start, start + size)))
  passed.push(scrubber.flush())
  return { passed, whole: passed.join('') }
}

describe('the stream scrubber', () => {
  it.each([1, 3, 7, 64])('scrubs a key split across deltas of %i characters, in every form', (size) => {
    const escaped = [...key].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
    const text = `Your key is ${key}, or ${base64}, or ${encodeURIComponent(key)}, or ${escaped}. Done.`
    const { passed, whole } = feed(text, size)
    // Base64 keeps the last characters it shares with what follows the key (here its padding, `Q=`).
    expect(whole).toBe('Your key is [redacted], or [redacted]Q=, or [redacted], or [redacted]. Done.')
    // No push ever passed on a piece of the key that a later push would have completed.
    for (const piece of passed) expect(piece).not.toContain(key.slice(0, 12))
  })

  it('passes ordinary text on at once, holding back only what could begin a form', () => {
    const scrubber = new StreamScrubber([key])
    expect(scrubber.push('Xin chào, tiếng Việt ')).toBe('Xin chào, tiếng Việt ')
    expect(scrubber.push('then sk-hs')).toBe('then ')
    expect(scrubber.push(' was not a key')).toBe('sk-hs was not a key')
    expect(scrubber.flush()).toBe('')
  })

  it('gives back what it held when the stream ends mid-form', () => {
    const scrubber = new StreamScrubber([key])
    expect(scrubber.push('cut at sk-hs-li')).toBe('cut at ')
    expect(scrubber.flush()).toBe('sk-hs-li')
  })
})
