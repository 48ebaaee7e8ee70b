import { act, cleanup, fireEvent } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { StreamingMarkdown } from '../../../src/renderer/src/markdown/StreamingMarkdown'
import { renderAnswer } from './render-answer'

afterEach(cleanup)

describe('GFM footnotes across blocks', () => {
  const answer =
    'Pythagoras[^1] and Euclid[^note] wrote it down.\n\nMore text.\n\n[^1]: A Greek.\n\n[^note]: Also *Greek*.\n'

  it('draws each reference as a superscript link and each definition where it stands', () => {
    const { container } = renderAnswer(<StreamingMarkdown text={answer} />)
    const refs = [...container.querySelectorAll('sup.md-footnote-ref a')]
    expect(refs.map((ref) => ref.textContent)).toEqual(['1', 'note'])
    expect(refs[0]!.getAttribute('aria-label')).toBe('Footnote 1')
    // Nothing raw is left, and no stub of the references' block shows up as an empty definition.
    expect(container.textContent).not.toContain('[^')
    const defs = [...container.querySelectorAll('.md-footnote')]
    expect(defs.map((def) => def.querySelector('.md-footnote-label')?.textContent)).toEqual(['1', 'note'])
    expect(defs[0]!.querySelector('.md-footnote-body')?.textContent?.trim()).toBe('A Greek.')
    expect(defs[1]!.querySelector('em')?.textContent).toBe('Greek')
  })

  it('moves focus to the definition and back, within the same answer', () => {
    const { container } = renderAnswer(
      <>
        <StreamingMarkdown text={'Other answer[^1].\n\n[^1]: Not this one.\n'} />
        <StreamingMarkdown text={answer} />
      </>,
    )
    const second = container.querySelectorAll('.markdown')[1]!
    const ref = second.querySelector<HTMLAnchorElement>('a[data-footnote-ref="1"]')!
    Element.prototype.scrollIntoView = function () {}
    fireEvent.click(ref)
    expect(document.activeElement?.textContent).toContain('A Greek.')
    fireEvent.click(second.querySelector<HTMLAnchorElement>('.md-footnote-back')!)
    expect(document.activeElement).toBe(ref)
  })

  it('leaves a reference with no definition anywhere as a link that goes nowhere, never an error', () => {
    const { container } = renderAnswer(<StreamingMarkdown text={'Only a reference[^9].\n'} />)
    expect(container.querySelector('sup.md-footnote-ref')?.textContent).toBe('9')
    expect(container.querySelector('.md-footnote')).toBeNull()
  })

  it('keeps footnote syntax inside code as code', () => {
    const { container } = renderAnswer(<StreamingMarkdown text={'Use `a[^1]` literally.\n'} />)
    expect(container.querySelector('code')?.textContent).toBe('a[^1]')
    expect(container.querySelector('.md-footnote-ref, .md-footnote')).toBeNull()
  })
})

describe('code blocks', () => {
  it('scroll long lines by default and wrap them with the toggle', async () => {
    const { container, getByRole } = renderAnswer(<StreamingMarkdown text={'```\n' + 'x'.repeat(400) + '\n```\n'} />)
    const block = container.querySelector('.code-block')!
    const toggle = getByRole('button', { name: 'Wrap long lines' })
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    expect(block.classList.contains('code-block--wrap')).toBe(false)
    await act(async () => fireEvent.click(toggle))
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect(container.querySelector('.code-block')!.classList.contains('code-block--wrap')).toBe(true)
    await act(async () => fireEvent.click(toggle))
    expect(container.querySelector('.code-block')!.classList.contains('code-block--wrap')).toBe(false)
  })
})
