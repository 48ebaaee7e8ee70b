import { memo } from 'react'
import './markdown.css'
import Markdown from 'react-markdown'
import { blockSource } from './block-source'
import { markdownComponents, remarkPlugins } from './markdown-components'

/**
 * One top-level block of an answer, parsed by react-markdown. Memoised on its source, so a finished
 * block is parsed once and never again while the answer grows after it.
 */
export const MarkdownBlock = memo(function MarkdownBlock({ source }: { source: string }) {
  return (
    <Markdown remarkPlugins={remarkPlugins} components={markdownComponents}>
      {blockSource(source)}
    </Markdown>
  )
})
