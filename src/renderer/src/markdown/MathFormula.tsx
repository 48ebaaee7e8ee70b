import { memo, useContext, useLayoutEffect, useRef } from 'react'
import { strings } from '../i18n'
import { renderFormula, useKatex } from './katex-loader'
import { MathRendering } from './math-context'

interface MathFormulaProps {
  tex: string
  /** As written, delimiters included. */
  source: string
  display: boolean
  /** A display formula that is a block of its own (a div) rather than inside a paragraph (a span). */
  block: boolean
}

/**
 * A formula: drawn by KaTeX in a finished block once KaTeX has loaded; its source while streaming or
 * loading; its source marked, with KaTeX's message, when it does not parse.
 */
export const MathFormula = memo(function MathFormula({ tex, source, display, block }: MathFormulaProps) {
  const rendering = useContext(MathRendering)
  const katex = useKatex(rendering)
  const drawn = useRef<HTMLElement>(null)
  useLayoutEffect(() => {
    // A display formula wider than the answer scrolls sideways: keyboard users must be able to scroll
    // it too, so it takes focus then (and only then: no tab stop on every formula).
    const element = drawn.current
    if (!element || !display) return
    if (element.scrollWidth > element.clientWidth) element.tabIndex = 0
    else element.removeAttribute('tabindex')
  })
  const Tag = block ? 'div' : 'span'
  const kind = display ? 'md-math md-math--display' : 'md-math'
  if (!rendering || !katex) return <Tag className={`${kind} md-math-source`}>{source}</Tag>
  const result = renderFormula(katex, tex, display)
  if (!result.ok)
    return (
      <Tag className={`${kind} md-math-source md-math-error`} title={strings.richText.formulaFailed(result.message)}>
        {source}
      </Tag>
    )
  // KaTeX's MathML escapes the formula's text; with trust off it emits no links, classes or styles.
  return (
    <Tag
      className={kind}
      ref={drawn as React.Ref<HTMLDivElement & HTMLSpanElement>}
      dangerouslySetInnerHTML={{ __html: result.html }}
    />
  )
})
