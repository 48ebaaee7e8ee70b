import { describe, expect, it } from 'vitest'
import { BlockSplitter } from '../../../src/renderer/src/markdown/block-splitter'

const split = (text: string) => new BlockSplitter().update(text)
/** Streams `text` in pieces of `size` characters and returns the last result. */
function stream(text: string, size: number) {
  const splitter = new BlockSplitter()
  let result = splitter.update('')
  for (let end = size; end < text.length + size; end += size) result = splitter.update(text.slice(0, end))
  return result
}

describe('BlockSplitter', () => {
  it('splits paragraphs at blank lines and keeps every character', () => {
    const text = 'First paragraph\nstill first.\n\nSecond.\n\nThird\nfourth, growing'
    const { finished, tail } = split(text)
    expect(finished).toEqual(['First paragraph\nstill first.\n\n', 'Second.\n\n'])
    expect(tail).toBe('Third\nfourth, growing')
    expect(finished.join('') + tail).toBe(text)
  })

  it('keeps a loose list together, and an indented continuation in its item', () => {
    const text = '- one\n\n- two\n\n  more of two\n\n- three\n\nAfter the list.\n'
    const { finished, tail } = split(text)
    expect(finished).toEqual(['- one\n\n- two\n\n  more of two\n\n- three\n\n'])
    expect(tail).toBe('After the list.\n')
  })

  it('never splits inside a fence, even at blank lines followed by code at column 0', () => {
    const text = 'Intro\n```python\ndef a():\n    pass\n\n\nclass B:\n    pass\n```\nOutro\n'
    const { finished, tail } = split(text)
    expect(finished).toEqual(['Intro\n', '```python\ndef a():\n    pass\n\n\nclass B:\n    pass\n```\n'])
    expect(tail).toBe('Outro\n')
  })

  it('keeps a code fence opened and not yet closed in the tail, however long it grows', () => {
    const open = 'Text\n\n```ts\nconst a = 1\n\nconst b = 2\n\n# not a heading\n'
    const { finished, tail } = split(open)
    expect(finished).toEqual(['Text\n\n'])
    expect(tail).toBe('```ts\nconst a = 1\n\nconst b = 2\n\n# not a heading\n')
    const closed = split(open + '```\n\nNext\n')
    expect(closed.finished.at(-1)).toBe(tail + '```\n\n')
  })

  it('needs a closing fence of the same character and at least the same length', () => {
    const text = '````md\n```\ninner\n```\n~~~\n````\nafter\n'
    const { finished, tail } = split(text)
    expect(finished).toEqual(['````md\n```\ninner\n```\n~~~\n````\n'])
    expect(tail).toBe('after\n')
  })

  it('does not take inline code on one line for a fence', () => {
    const { finished, tail } = split('Use ```x``` here\n\nNext\n')
    expect(finished).toEqual(['Use ```x``` here\n\n'])
    expect(tail).toBe('Next\n')
  })

  it('keeps a fence indented inside a list item with its item', () => {
    const text = '1. Install:\n\n   ```sh\n   npm i\n\n   npm test\n   ```\n2. Run\n\nDone.\n'
    expect(split(text).finished).toEqual(['1. Install:\n\n   ```sh\n   npm i\n\n   npm test\n   ```\n2. Run\n\n'])
  })

  it('makes headings blocks of their own', () => {
    const { finished, tail } = split('Text\n# Title\nBody\n## Sub\n')
    expect(finished).toEqual(['Text\n', '# Title\n', 'Body\n'])
    expect(tail).toBe('## Sub\n')
  })

  it('keeps a table arriving row by row in the tail until a blank line ends it', () => {
    const rows = ['| a | b |\n', '|---|---|\n', '| 1 | 2 |\n', '| 3 | 4 |\n']
    const splitter = new BlockSplitter()
    let text = 'Intro\n\n'
    for (const row of rows) {
      text += row
      const { finished, tail } = splitter.update(text)
      expect(finished).toEqual(['Intro\n\n'])
      expect(tail).toBe(text.slice('Intro\n\n'.length))
    }
    expect(splitter.update(text + '\nAfter\n').finished).toEqual(['Intro\n\n', rows.join('') + '\n'])
  })

  it('decides a boundary only on a complete line', () => {
    const splitter = new BlockSplitter()
    expect(splitter.update('- a\n\n1').finished).toEqual([])
    // "1" became "1. b": a list marker, so the loose list goes on.
    expect(splitter.update('- a\n\n1. b\n').finished).toEqual([])
    expect(splitter.update('- a\n\n1. b\n\nPara\n').finished).toEqual(['- a\n\n1. b\n\n'])
  })

  it('gives the same blocks streamed in any piece size as all at once', () => {
    const text = [
      '# Guide\n\nSome *prose* with `code`.\n\n',
      '- item\n- item two\n\n  indented\n\n',
      '| h1 | h2 |\n|----|----|\n| x | y |\n\n',
      '```js\nconst x = 1\n\nconsole.log(x)\n```\n',
      'Closing words\n\n> quote\n\n1. a\n2. b\n',
    ].join('')
    const whole = split(text)
    for (const size of [1, 2, 3, 7, 16, 61]) {
      const streamed = stream(text, size)
      expect(streamed.finished).toEqual(whole.finished)
      expect(streamed.tail).toBe(whole.tail)
    }
    expect(whole.finished.join('') + whole.tail).toBe(text)
  })

  it('hands back the same finished array until a block is added', () => {
    const splitter = new BlockSplitter()
    const first = splitter.update('One\n\nTwo\n')
    const second = splitter.update('One\n\nTwo\nand more')
    expect(first.finished).toEqual(['One\n\n'])
    expect(second.finished).toBe(first.finished)
    const third = splitter.update('One\n\nTwo\nand more\n\nThree\n')
    expect(third.finished).not.toBe(first.finished)
    expect(third.finished).toEqual(['One\n\n', 'Two\nand more\n\n'])
  })

  it('starts over when the text is replaced rather than extended', () => {
    const splitter = new BlockSplitter()
    splitter.update('Old\n\nText\n\nMore\n')
    const { finished, tail } = splitter.update('New\n\nOne\n')
    expect(finished).toEqual(['New\n\n'])
    expect(tail).toBe('One\n')
  })
})
