import { describe, expect, it } from 'vitest'
import { foldText, foldWithOrigins } from '../../../src/main/history/search/fold'
import { buildSnippet } from '../../../src/main/history/search/snippet'
import { queryWords } from '../../../src/main/history/search/words'

describe('folding', () => {
  it('lowercases, strips diacritics and folds đ', () => {
    expect(foldText('Tiếng Việt ĐANG đẹp')).toBe('tieng viet dang dep')
    expect(foldText('Crème Brûlée, Łódź, Øre')).toBe('creme brulee, lodz, ore')
  })

  it('folds decomposed input like precomposed input', () => {
    expect(foldText('Vie\u0323\u0302t')).toBe(foldText('Việt'))
  })

  it('maps every folded character back to its original', () => {
    const text = 'Ảnh 😀 Đẹp'
    const { folded, origins } = foldWithOrigins(text)
    expect(folded).toBe(foldText(text))
    expect(folded).toBe('anh 😀 dep')
    expect(text.slice(origins[folded.indexOf('dep')]!)).toBe('Đẹp')
  })

  it('turns a query into distinct folded words and nothing else', () => {
    expect(queryWords('  "Tiếng" OR tiếng* NEAR(việt ')).toEqual(['tieng', 'or', 'near', 'viet'])
    expect(queryWords('"*()')).toEqual([])
  })
})

describe('snippets', () => {
  const long = `${'Mở đầu rất dài, '.repeat(10)}và đây là tiếng Việt giữa câu, ${'rồi kết thúc. '.repeat(10)}`

  it('shows about 40 characters around the first match, cut at words, with ellipses', () => {
    const snippet = buildSnippet(long, ['tieng'])
    const text = snippet.map((part) => part.text).join('')
    expect(text.startsWith('…')).toBe(true)
    expect(text.endsWith('…')).toBe(true)
    expect(text.length).toBeLessThanOrEqual(44)
    expect(text).toContain('tiếng Việt')
    expect(snippet.filter((part) => part.match)).toEqual([{ text: 'tiếng', match: true }])
  })

  it('marks whole words that start with a query word, on the original characters', () => {
    expect(buildSnippet('Đang đi đâu đấy?', ['da'])).toEqual([
      { text: 'Đang', match: true },
      { text: ' đi ', match: false },
      { text: 'đâu', match: true },
      { text: ' ', match: false },
      { text: 'đấy', match: true },
      { text: '?', match: false },
    ])
  })

  it('keeps combining marks with the letter they belong to', () => {
    const decomposed = 'xin chào Vie\u0323\u0302t Nam'
    const match = buildSnippet(decomposed, ['viet']).find((part) => part.match)
    expect(match?.text).toBe('Vie\u0323\u0302t')
  })

  it('puts text on one line and never returns markup', () => {
    const snippet = buildSnippet('<b>first</b>\n\n  second   line', ['second'])
    expect(snippet.map((part) => part.text).join('')).toBe('<b>first</b> second line')
  })

  it('marks a single letter only where it is a word of its own', () => {
    expect(buildSnippet('an apple a day', ['a']).filter((part) => part.match)).toEqual([{ text: 'a', match: true }])
  })

  it('falls back to the start when no word is found', () => {
    expect(buildSnippet('nothing here', ['zzz'])).toEqual([{ text: 'nothing here', match: false }])
  })
})
