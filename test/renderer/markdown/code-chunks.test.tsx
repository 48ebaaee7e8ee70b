import { cleanup } from '@testing-library/react'
import type * as HighlightCore from 'highlight.js/lib/core'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { CodeChunker, codeChunks } from '../../../src/renderer/src/markdown/code-chunks'
import { loadHighlighter } from '../../../src/renderer/src/markdown/highlight'
import { StreamingMarkdown } from '../../../src/renderer/src/markdown/StreamingMarkdown'
import { renderAnswer } from './render-answer'

/** Every piece of code highlight.js is asked to highlight: the real library runs, this only watches. */
const highlighted: string[] = []
vi.mock('highlight.js/lib/core', async (importOriginal) => {
  const real = (await importOriginal<typeof HighlightCore>()).default
  const watched = Object.create(real) as typeof real
  watched.highlight = ((code: string, options: { language: string; ignoreIllegals?: boolean }) => {
    highlighted.push(code)
    return real.highlight(code, options)
  }) as typeof real.highlight
  return { default: watched }
})

// The highlighter loads on first use; these tests count what it highlights, so it is ready first.
beforeAll(() => loadHighlighter())

afterEach(() => {
  cleanup()
  highlighted.length = 0
})

/** A long program: functions separated by blank lines, as models write them. */
const program = Array.from(
  { length: 60 },
  (_, index) => `function step${index}(value) {\n  // step ${index}\n  return value + ${index}\n}\n\n`,
).join('')

describe('code chunks', () => {
  it('cut long code at blank lines, keep every character, and keep short code whole', () => {
    const chunks = codeChunks(program)
    expect(chunks.length).toBeGreaterThan(3)
    expect(chunks.join('')).toBe(program)
    for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith('\n\n')).toBe(true)
    expect(codeChunks('const a = 1\n\nconst b = 2\n')).toEqual(['const a = 1\n\nconst b = 2\n'])
  })

  it('are stable: a chunk, once closed, stays the same as the code grows', () => {
    const final = codeChunks(program)
    for (let end = 1; end <= program.length; end += 37) {
      const chunks = codeChunks(program.slice(0, end))
      expect(chunks.slice(0, -1)).toEqual(final.slice(0, chunks.length - 1))
    }
  })

  it('are found incrementally: closed chunks come back as they were, and replaced code starts over', () => {
    const chunker = new CodeChunker()
    let previous: readonly string[] = []
    for (let end = 1; end <= program.length; end += 23) {
      const chunks = chunker.update(program.slice(0, end))
      expect(chunks.join('')).toBe(program.slice(0, end))
      expect(chunks.slice(0, previous.length - 1)).toEqual(previous.slice(0, -1))
      previous = chunks
    }
    expect(chunker.update(program)).toEqual(codeChunks(program))
    expect(chunker.update('other code\n')).toEqual(['other code\n'])
    expect(chunker.update(program.replace('step0', 'stepX'))).toEqual(codeChunks(program.replace('step0', 'stepX')))
  })

  it('let a long code block streaming in the tail re-highlight only its last chunk', () => {
    const { container, rerender } = renderAnswer(<StreamingMarkdown text={'```js\n'} />)
    let mostPerDelta = 0
    for (let end = 50; end < program.length + 50; end += 50) {
      const before = highlighted.join('').length
      rerender(<StreamingMarkdown text={'```js\n' + program.slice(0, end)} />)
      mostPerDelta = Math.max(mostPerDelta, highlighted.join('').length - before)
    }
    expect(program.length).toBeGreaterThan(3500)
    // A chunk is ~60 lines (~1,000 characters here); the whole program is never highlighted again per delta.
    expect(mostPerDelta).toBeLessThan(1600)
    expect(container.querySelector('pre')?.textContent).toBe(program.slice(0, -1))
    expect(container.querySelectorAll('pre .hljs-keyword').length).toBeGreaterThan(100)
  })
})
