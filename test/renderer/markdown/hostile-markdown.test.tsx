import { act, cleanup, fireEvent } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from '../../../src/renderer/src/lib/ErrorBoundary'
import { formatLimits } from '../../../src/renderer/src/markdown/format-limits'
import { loadHighlighter } from '../../../src/renderer/src/markdown/highlight'
import { PlainBlock } from '../../../src/renderer/src/markdown/PlainBlock'
import { StreamingMarkdown } from '../../../src/renderer/src/markdown/StreamingMarkdown'
import { hostileKinds } from '../../fake-gateway/hostile'
import { renderAnswer } from './render-answer'

// Loaded first, so "drawn plain" below means the size limit chose plain, not a highlighter still loading.
beforeAll(() => loadHighlighter())

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function stubClipboard() {
  const writeText = vi.fn((_text: string) => Promise.resolve())
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
  return writeText
}

describe('hostile answers', () => {
  it('shows a block over the bounds as plain text with a note, around formatted neighbours', () => {
    const quotes = hostileKinds['nested-quotes'].make(2_000)
    const { container } = renderAnswer(<StreamingMarkdown text={`Before **bold**.\n\n${quotes}\n\nAfter *it*.\n`} />)
    expect(container.querySelector('blockquote')).toBeNull()
    const plain = container.querySelector('.md-plain')!
    expect(plain.querySelector('.md-plain-note')?.textContent).toContain('Too large to format: shown as plain text.')
    expect(plain.querySelector('.md-plain-text')?.textContent?.trimEnd()).toBe(quotes.trimEnd())
    expect(container.querySelector('strong')?.textContent).toBe('bold')
    expect(container.querySelector('em')?.textContent).toBe('it')
  })

  it('puts one page of a huge block on screen, shows more on request and copies all of it', async () => {
    const writeText = stubClipboard()
    const word = hostileKinds['long-word'].make(1_000_000)
    const { container, getByRole } = renderAnswer(<StreamingMarkdown text={word} />)
    const text = () => container.querySelector('.md-plain-text')!.textContent!.length
    expect(text()).toBe(formatLimits.plainPageChars)
    expect(container.querySelector('.md-plain-note')?.textContent).toContain(
      `Showing the first 20,000 of ${(1_000_001).toLocaleString('en')} characters.`,
    )
    fireEvent.click(getByRole('button', { name: 'Show more' }))
    expect(text()).toBe(2 * formatLimits.plainPageChars)
    await act(async () => fireEvent.click(getByRole('button', { name: 'Copy all' })))
    expect(writeText).toHaveBeenCalledWith(word)
  })

  it('draws a huge code block plain (no highlighting), a page at a time, and copies all of it', async () => {
    const writeText = stubClipboard()
    const source = hostileKinds['long-code'].make(500_000)
    const { container, getByRole } = renderAnswer(<StreamingMarkdown text={source} />)
    const code = container.querySelector('.code-block pre code')!
    expect(code.querySelector('.hljs-keyword, [class^=hljs]')).toBeNull()
    expect(code.textContent).toHaveLength(formatLimits.plainPageChars)
    expect(container.querySelector('.code-block')?.textContent).toContain('Too large to format')
    fireEvent.click(getByRole('button', { name: 'Show more' }))
    expect(container.querySelector('.code-block pre code')!.textContent).toHaveLength(2 * formatLimits.plainPageChars)
    await act(async () => fireEvent.click(getByRole('button', { name: 'Copy js code' })))
    expect(writeText).toHaveBeenCalledWith('x'.repeat(500_000))
  })

  it('bounds the growing tail too: a hostile answer streaming in stays plain on every delta', () => {
    const answer = hostileKinds.emphasis.make(10_000)
    const { container, rerender } = renderAnswer(<StreamingMarkdown text={answer.slice(0, 4_096)} />)
    for (let end = 8_192; end < answer.length; end += 4_096) {
      rerender(<StreamingMarkdown text={answer.slice(0, end)} />)
    }
    rerender(<StreamingMarkdown text={answer} />)
    expect(container.querySelector('em')).toBeNull()
    expect(container.querySelector('.md-tail .md-plain-text')?.textContent).toBe(
      answer.slice(0, formatLimits.plainPageChars),
    )
  })

  it('drops bidi controls from link text, so a name cannot be shown reversed', () => {
    const { container } = renderAnswer(
      <StreamingMarkdown
        text={'Get [\u202Egnp.exe](https://x.test/a) or ![\u202Eevil](https://x.test/i.png) \u202Ekept\n'}
      />,
    )
    const links = [...container.querySelectorAll('a')]
    expect(links.map((link) => link.textContent)).toEqual(['gnp.exe', 'Image: evil'])
    // Outside link labels the text keeps them (right-to-left writing needs them).
    expect(container.textContent).toContain('\u202Ekept')
  })
})

describe('ErrorBoundary', () => {
  function Throws(): never {
    throw new RangeError('Maximum call stack size exceeded')
  }

  it('shows the fallback for the part that threw, logs it without the text, and keeps the rest', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { container } = renderAnswer(
      <div>
        <p className="other">still here</p>
        <ErrorBoundary label="message" fallback={() => <PlainBlock text="secret answer text" reason="failed" />}>
          <Throws />
        </ErrorBoundary>
      </div>,
    )
    expect(container.querySelector('.other')?.textContent).toBe('still here')
    expect(container.querySelector('.md-plain-note')?.textContent).toContain(
      'This answer could not be formatted: shown as plain text.',
    )
    expect(container.querySelector('.md-plain-text')?.textContent).toBe('secret answer text')
    const ours = logged.mock.calls.find((call) => String(call[0]).startsWith('[render] message failed'))
    expect(ours?.[0]).toBe('[render] message failed: RangeError: Maximum call stack size exceeded')
    expect(JSON.stringify(ours)).not.toContain('secret answer text')
  })

  it('renders the children again after reset or when its reset key changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let fail = true
    function Sometimes() {
      if (fail) throw new Error('boom')
      return <p className="ok">fine</p>
    }
    const view = (key: number) => (
      <ErrorBoundary
        label="chat view"
        resetKey={key}
        fallback={(_error, reset) => (
          <button type="button" onClick={reset}>
            Try again
          </button>
        )}
      >
        <Sometimes />
      </ErrorBoundary>
    )
    const { container, getByRole, rerender } = renderAnswer(view(1))
    fail = false
    fireEvent.click(getByRole('button', { name: 'Try again' }))
    expect(container.querySelector('.ok')?.textContent).toBe('fine')
    fail = true
    rerender(view(2))
    expect(container.querySelector('button')).not.toBeNull()
    fail = false
    rerender(view(3))
    expect(container.querySelector('.ok')?.textContent).toBe('fine')
  })
})
