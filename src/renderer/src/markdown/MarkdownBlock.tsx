import { memo } from 'react'
import './markdown.css'
import Markdown from 'react-markdown'
import type { PluggableList } from 'unified'
import { markdownComponents, remarkPlugins, withMath } from './markdown-components'
import { mightHoldMath, useMathParse } from './math-parse-loader'
import { withFootnoteStubs } from './remark-footnotes'

let mathPluginList: { from: PluggableList; list: PluggableList } | null = null

/**
 * One top-level block of an answer, parsed by react-markdown. Memoised on its source, so a finished
 * block is parsed once and never again while the answer grows after it (and once more if it holds
 * math, when the math parse arrives).
 */
export const MarkdownBlock = memo(function MarkdownBlock({ source }: { source: string }) {
  const wantsMath = mightHoldMath(source)
  const math = useMathParse(wantsMath)
  let plugins = remarkPlugins
  let text = source
  if (wantsMath && math) {
    if (mathPluginList?.from !== math.mathPlugins)
      mathPluginList = { from: math.mathPlugins, list: withMath(math.mathPlugins) }
    plugins = mathPluginList.list
    text = math.withBracketFences(source)
  }
  return (
    <Markdown remarkPlugins={plugins} components={markdownComponents}>
      {withFootnoteStubs(text)}
    </Markdown>
  )
})
