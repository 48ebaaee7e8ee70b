import { act, waitFor, cleanup, fireEvent } from '@testing-library/react'
import type * as ReactMarkdown from 'react-markdown'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { StreamingMarkdown } from '../../../src/renderer/src/markdown/StreamingMarkdown'
import { renderAnswer } from './render-answer'

/** Every source react-markdown is asked to parse: the real library runs, this only watches. */
const parsed: string[] = []
vi.mock('react-markdown', async (importOriginal) => {
  const real = await importOriginal<typeof ReactMarkdown>()
  return {
    ...real,
    default: (props: Parameters<typeof real.default>[0]) => {
      parsed.push(String(props.children))
      return real.default(props)
    },
  }
})

afterEach(() => {
  cleanup()
  parsed.length = 0
  vi.restoreAllMocks()
})

describe('StreamingMarkdown', () => {
  it('renders GFM: tables, task lists and strikethrough', () => {
    const { container } = renderAnswer(
      <StreamingMarkdown text={'| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\n~~gone~~ kept\n'} />,
    )
    expect(container.querySelectorAll('table tbody tr')).toHaveLength(1)
    expect(container.querySelector('th')?.textContent).toBe('a')
    const boxes = [...container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')]
    expect(boxes.map((box) => box.checked)).toEqual([true, false])
    expect(boxes.map((box) => box.getAttribute('aria-label'))).toEqual(['Done', 'Not done'])
    expect(container.querySelector('del')?.textContent).toBe('gone')
  })

  it('shows raw HTML as text and never renders it', () => {
    const html = '<div onclick="x()">\n<script>alert(1)</script>\n</div>'
    const { container } = renderAnswer(
      <StreamingMarkdown text={`${html}\n\nInline <b>bold</b> and <img src=x onerror=alert(1)> here.\n`} />,
    )
    expect(container.querySelector('script, b, img, [onclick], [onerror]')).toBeNull()
    expect(container.querySelector('.raw-html')?.textContent).toBe(html)
    expect(container.textContent).toContain('Inline <b>bold</b> and <img src=x onerror=alert(1)> here.')
  })

  it('highlights a code block once the highlighter has loaded, labels its language and copies it', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { container, getByRole } = renderAnswer(
      <StreamingMarkdown text={'```ts\nconst answer: number = 42\n```\n'} />,
    )
    expect(container.querySelector('.code-language')?.textContent).toBe('ts')
    // The highlighter is a chunk of its own, loaded by the first code block: plain until then.
    await waitFor(() => expect(container.querySelector('code.hljs .hljs-keyword')?.textContent).toBe('const'))
    expect(container.querySelector('pre')?.textContent).toBe('const answer: number = 42')
    const copy = getByRole('button', { name: 'Copy ts code' })
    await act(async () => fireEvent.click(copy))
    expect(writeText).toHaveBeenCalledWith('const answer: number = 42')
    expect(copy.textContent).toBe('Copied')
  })

  it('shows code in an unknown language as escaped plain text', () => {
    const { container } = renderAnswer(<StreamingMarkdown text={'```klingon\n<b>qapla</b>\n```\n'} />)
    expect(container.querySelector('pre b')).toBeNull()
    expect(container.querySelector('pre')?.textContent).toBe('<b>qapla</b>')
    expect(container.querySelector('.code-language')?.textContent).toBe('klingon')
  })

  it('renders a code fence opened and not yet closed as code while it streams', () => {
    const { container, rerender } = renderAnswer(<StreamingMarkdown text={'Here:\n\n```python\ndef f():\n'} />)
    expect(container.querySelector('pre')?.textContent).toBe('def f():')
    rerender(<StreamingMarkdown text={'Here:\n\n```python\ndef f():\n\n\nreturn 1\n'} />)
    expect(container.querySelectorAll('pre')).toHaveLength(1)
    expect(container.querySelector('pre')?.textContent).toBe('def f():\n\n\nreturn 1')
    rerender(<StreamingMarkdown text={'Here:\n\n```python\ndef f():\n\n\nreturn 1\n```\nAfter.\n'} />)
    expect(container.querySelector('pre')?.textContent).toBe('def f():\n\n\nreturn 1')
    expect(container.querySelector('.markdown > .md-block:last-child > p')?.textContent).toBe('After.')
  })

  it('shows a table arriving row by row', () => {
    let text = 'Scores:\n\n| name | score |\n|---|---|\n'
    const { container, rerender } = renderAnswer(<StreamingMarkdown text={text} />)
    expect(container.querySelectorAll('table th')).toHaveLength(2)
    for (let row = 1; row <= 5; row++) {
      text += `| p${row} | ${row * 10} |\n`
      rerender(<StreamingMarkdown text={text} />)
      expect(container.querySelectorAll('table tbody tr')).toHaveLength(row)
      expect(container.querySelector('table tbody tr:last-child td')?.textContent).toBe(`p${row}`)
    }
  })

  it('opens only http(s) links, in a new tab without opener or referrer', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    const { container, getByRole } = renderAnswer(
      <StreamingMarkdown
        text={'[site](https://example.com/a) and [bad](javascript:alert(1)) and [file](file:///etc)\n'}
      />,
    )
    const link = getByRole('link', { name: 'site' })
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    fireEvent.click(link)
    expect(open).toHaveBeenCalledWith('https://example.com/a', '_blank', 'noopener,noreferrer')
    expect(container.querySelectorAll('a')).toHaveLength(1)
    expect(container.textContent).toContain('bad')
  })

  it('parses finished blocks once: a delta re-parses only the growing tail', () => {
    const blocks = Array.from({ length: 40 }, (_, index) =>
      index % 3 === 0 ? `- item ${index}\n- more ${index}\n\n` : `Paragraph ${index} with *some* text.\n\n`,
    )
    const full = blocks.join('') + 'The last paragraph grows word by word until it ends'
    const { container, rerender } = renderAnswer(<StreamingMarkdown text="" />)
    let parsesPerDelta = 0
    let charsPerDelta = 0
    for (let end = 5; end <= full.length; end += 5) {
      const before = parsed.length
      rerender(<StreamingMarkdown text={full.slice(0, end)} />)
      parsesPerDelta = Math.max(parsesPerDelta, parsed.length - before)
      charsPerDelta = Math.max(charsPerDelta, parsed.slice(before).join('').length)
    }
    // The text parsed for a delta stays the size of a block or two, though the message is over 1,100 characters.
    expect(full.length).toBeGreaterThan(1100)
    expect(charsPerDelta).toBeLessThan(120)
    // A delta parses the tail, plus the block it just finished when one ends: never the blocks before.
    expect(parsesPerDelta).toBeLessThanOrEqual(2)
    for (const block of blocks) expect(parsed.filter((source) => source === block).length).toBeLessThanOrEqual(2)
    expect(container.querySelectorAll('.md-block > p, .md-block > ul')).toHaveLength(41)
  })

  it('shows a text replaced by one as long or shorter in full, not the blocks of the one before', () => {
    const text = (word: string) => Array.from({ length: 70 }, (_, index) => `${word} ${index}\n\n`).join('') + 'end\n'
    const { container, rerender } = renderAnswer(<StreamingMarkdown text={text('old')} />)
    rerender(<StreamingMarkdown text={text('new')} />)
    expect(container.textContent).not.toContain('old')
    expect(container.querySelectorAll('.md-block > p')).toHaveLength(71)
    rerender(<StreamingMarkdown text={'short\n\nend\n'} />)
    expect(container.textContent).toBe('shortend')
  })
})
