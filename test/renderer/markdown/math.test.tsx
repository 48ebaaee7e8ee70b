import { cleanup, waitFor } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { StreamingMarkdown } from '../../../src/renderer/src/markdown/StreamingMarkdown'
import { loadMathParse } from '../../../src/renderer/src/markdown/math-parse-loader'
import { renderAnswer } from './render-answer'

afterEach(cleanup)
// The math parse is a chunk loaded by the first block with a `$` or `\\(`; these tests start with it there.
beforeAll(() => loadMathParse())

/** The TeX KaTeX was given for each formula drawn, from the MathML's annotation. */
const drawn = (container: HTMLElement) =>
  [...container.querySelectorAll('math')].map((math) => ({
    tex: math.querySelector('annotation')?.textContent,
    display: math.getAttribute('display') === 'block',
  }))

const pending = '.md-math-source:not(.md-math-error)'
const pendingFinished = `.md-group ${pending}`

async function settled(text: string, streaming = false) {
  const view = renderAnswer(<StreamingMarkdown text={text} streaming={streaming} />)
  // KaTeX is a chunk of its own, loaded by the first formula.
  if (text.includes('$') || text.includes('\\'))
    await waitFor(() => expect(view.container.querySelector(streaming ? pendingFinished : pending)).toBeNull())
  return view
}

describe('math', () => {
  it('draws $…$ and \\(…\\) inline, $$…$$ and \\[…\\] as display, with the source unaltered', async () => {
    const { container } = await settled(
      'Pythagoras: $a^2+b^2=c^2$, or \\(e^{i\\pi}+1=0\\).\n\n$$\\int_0^1 x\\,dx$$\n\n$$\n\\sum_{k=1}^n k\n- 1\n$$\n\n\\[\n\\frac{a}{b}\n\\]\n\nInline display \\[x \\cdot y\\] too.\n',
    )
    expect(drawn(container)).toEqual([
      { tex: 'a^2+b^2=c^2', display: false },
      { tex: 'e^{i\\pi}+1=0', display: false },
      { tex: '\\int_0^1 x\\,dx', display: true },
      { tex: '\\sum_{k=1}^n k\n- 1', display: true },
      { tex: '\\frac{a}{b}', display: true },
      { tex: 'x \\cdot y', display: true },
    ])
    // Nothing of a formula is left as text around it, and no list was started inside one.
    expect(container.querySelector('ul, li')).toBeNull()
    expect(container.textContent).not.toContain('$')
  })

  it('leaves prices as text: "$5 and $10", ranges, thousands, and an escaped dollar', async () => {
    const prices = [
      'It costs $5 and $10 with tax.',
      'Plans from $5-$10 a month.',
      'Between $1,000 and $2,000.',
      'US$5 or US$6, and $ 5 $.',
      'A \\$ sign and $5.',
      'Save $5 now, then $x$ is a formula.',
    ]
    const { container } = await settled(prices.join('\n\n') + '\n')
    const paragraphs = [...container.querySelectorAll('p')].map((p) => p.textContent)
    expect(paragraphs.slice(0, 4)).toEqual(prices.slice(0, 4))
    expect(paragraphs[4]).toBe('A $ sign and $5.')
    expect(drawn(container)).toEqual([{ tex: 'x', display: false }])
    expect(paragraphs[5]).toContain('Save $5 now, then ')
  })

  it('keeps math syntax inside code as code', async () => {
    const { container } = await settled('Type `$x$` or `\\(y\\)`.\n\n```\n\\[\n$z$\n\\]\n```\n')
    expect([...container.querySelectorAll('code')].map((code) => code.textContent)).toEqual([
      '$x$',
      '\\(y\\)',
      '\\[\n$z$\n\\]',
    ])
    expect(container.querySelector('math')).toBeNull()
  })

  it('shows a formula KaTeX cannot parse as its source, marked with the reason, never red HTML or an exception', async () => {
    const { container } = await settled('Broken $\\frac{1$ here, fine $y$ there.\n\n$$\n\\begin{matrix} a\n$$\n')
    const errors = [...container.querySelectorAll('.md-math-error')]
    expect(errors.map((error) => error.textContent)).toEqual(['$\\frac{1$', '$$\n\\begin{matrix} a\n$$'])
    expect(errors[0]!.getAttribute('title')).toMatch(/^This formula could not be shown: KaTeX parse error/)
    expect(container.querySelector('.katex-error, [style]')).toBeNull()
    expect(drawn(container)).toEqual([{ tex: 'y', display: false }])
  })

  it('shows the growing block as source while it streams and draws it once the block is finished', async () => {
    const tailSources = (container: HTMLElement) =>
      [...container.querySelectorAll('.md-tail .md-math-source')].map((node) => node.textContent)
    const first = 'First $a$.\n\nTail $b^2$\nso far'
    const { container, rerender } = await settled(first, true)
    expect(drawn(container)).toEqual([{ tex: 'a', display: false }])
    expect(tailSources(container)).toEqual(['$b^2$'])
    const second = `${first} and more.\n\n$$\n\\int_0`
    rerender(<StreamingMarkdown text={second} streaming />)
    expect(drawn(container)).toEqual([
      { tex: 'a', display: false },
      { tex: 'b^2', display: false },
    ])
    expect(tailSources(container)).toEqual(['$$\n\\int_0'])
    rerender(<StreamingMarkdown text={`${second}^1\n$$\n\nNext $c$\nand`} streaming />)
    expect(drawn(container)[2]).toEqual({ tex: '\\int_0^1', display: true })
    expect(tailSources(container)).toEqual(['$c$'])
    // The answer's last block is drawn once the answer has finished.
    rerender(<StreamingMarkdown text={`${second}^1\n$$\n\nNext $c$\nand`} />)
    await waitFor(() => expect(drawn(container)).toHaveLength(4))
  })

  it('lets nothing in a formula become a link, an element or a style', async () => {
    const hostile = [
      '$\\href{javascript:alert(1)}{click}$',
      '$\\url{javascript:alert(1)}$',
      '$\\htmlClass{evil}{x}\\htmlId{evil}{y}\\htmlStyle{color:red}{z}\\htmlData{a=b}{w}$',
      '$<script>window.pwned=1</script>$',
      '$\\text{<img src=x onerror=alert(1)>}$',
      '$\\colorbox{red}{x}\\raisebox{1em}{y}$',
      '$\\includegraphics{https://example.com/x.png}$',
    ]
    const { container } = await settled(hostile.join('\n\n') + '\n')
    expect(container.querySelectorAll('math').length).toBeGreaterThanOrEqual(5)
    expect(container.querySelector('a, script, img, [href], [style], [onerror], #evil, .evil, [data-a]')).toBeNull()
    expect(container.textContent).toContain('<script>window.pwned=1</script>')
  })
})
