import { describe, expect, it } from 'vitest'
import { hasBidiControls, stripBidiControls } from '../../src/shared/bidi'

describe('stripBidiControls', () => {
  it('drops every bidi embedding, override, isolate and mark, and nothing else', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']
    const marks = ['\u200E', '\u200F', '\u061C']
    for (const control of [...controls, ...marks]) {
      expect(stripBidiControls(`a${control}b`)).toBe('ab')
      expect(hasBidiControls(`a${control}b`)).toBe(true)
    }
    const kept = 'Tiếng Việt ăâđ 🐑 שלום مرحبا \u200B\u200D'
    expect(stripBidiControls(kept)).toBe(kept)
    expect(hasBidiControls(kept)).toBe(false)
    expect(stripBidiControls('\u202Egnp.exe')).toBe('gnp.exe')
  })
})
