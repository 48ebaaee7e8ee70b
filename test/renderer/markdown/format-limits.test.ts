import { describe, expect, it } from 'vitest'
import { formatLimits, formatRefusal } from '../../../src/renderer/src/markdown/format-limits'
import { hostileKinds } from '../../fake-gateway/hostile'

const limits = formatLimits

describe('formatRefusal', () => {
  it('lets what models write through: prose, lists, quotes, tables, emphasis', () => {
    const ordinary = [
      'Làm theo **ba bước** sau, rồi xem [tài liệu](https://example.com/docs). ~~Không cần~~ _khởi động_ lại.',
      '- one\n  - two\n    - three\n      1. four\n         > quoted',
      '> a\n> > b\n> > > c',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '    indented code\n    more',
      '* * *',
      `https://example.com/${'a'.repeat(2_000)}`,
    ]
    for (const block of ordinary) expect(formatRefusal(block), block).toBeNull()
  })

  it('measures nesting by quote markers, list markers and indentation', () => {
    const deep = limits.maxDepth + 1
    expect(formatRefusal(`${'>'.repeat(limits.maxDepth)} ok`)).toBeNull()
    expect(formatRefusal(`${'>'.repeat(deep)} deep`)).toBe('depth')
    expect(formatRefusal(`${'> '.repeat(deep)}deep`)).toBe('depth')
    expect(formatRefusal(`${'- '.repeat(deep)}deep`)).toBe('depth')
    expect(formatRefusal(`${'1. '.repeat(deep)}deep`)).toBe('depth')
    expect(formatRefusal(`${'  '.repeat(deep)}- deep`)).toBe('depth')
    // On a later line, and a line that is only markers (nothing after them) counts too.
    expect(formatRefusal(`fine\n${'>'.repeat(deep)}`)).toBe('depth')
    expect(formatRefusal(`fine\n${'>'.repeat(deep)}\nfine`)).toBe('depth')
  })

  it('does not count indentation inside fenced code as nesting', () => {
    const deepJson = Array.from({ length: 40 }, (_, level) => `${'  '.repeat(level + 1)}{ "level": ${level}`)
    expect(formatRefusal(`- a list item with code:\n\n  \`\`\`json\n${deepJson.join('\n')}\n  \`\`\`\n`)).toBeNull()
    // After the fence closes, nesting counts again.
    expect(formatRefusal(`\`\`\`\ncode\n\`\`\`\n${'>'.repeat(limits.maxDepth + 1)} deep`)).toBe('depth')
  })

  it('counts emphasis delimiter runs, table cells and the longest word, and bounds the length first', () => {
    expect(formatRefusal('*a '.repeat(limits.maxDelimiterRuns))).toBeNull()
    expect(formatRefusal('*a '.repeat(limits.maxDelimiterRuns + 1))).toBe('emphasis')
    // `**` is one run, not two.
    expect(formatRefusal('**a** '.repeat(limits.maxDelimiterRuns / 2))).toBeNull()
    expect(formatRefusal('|'.repeat(2) + ' a |'.repeat(limits.maxTableCells))).toBe('table')
    expect(formatRefusal('a'.repeat(limits.maxWordChars))).toBeNull()
    expect(formatRefusal('a'.repeat(limits.maxWordChars + 1))).toBe('word')
    expect(formatRefusal('a '.repeat(limits.maxBlockChars / 2 + 1))).toBe('length')
  })

  it('refuses every hostile payload of the issue (except the code block, which CodeBlock bounds)', () => {
    const expected = {
      'nested-quotes': 'depth',
      'deep-lists': 'depth',
      'indented-lists': 'length',
      emphasis: 'emphasis',
      'long-word': 'length',
      'big-table': 'length',
    } as const
    for (const [kind, reason] of Object.entries(expected)) {
      const { make, size } = hostileKinds[kind as keyof typeof expected]
      expect(formatRefusal(make(size)), kind).toBe(reason)
    }
    // Smaller than the sizes, the same shapes are still caught by what makes them costly.
    expect(formatRefusal(hostileKinds['indented-lists'].make(100))).toBe('depth')
    expect(formatRefusal(hostileKinds['big-table'].make(100))).toBe('table')
    expect(formatRefusal(hostileKinds['long-word'].make(20_000))).toBe('word')
  })
})
