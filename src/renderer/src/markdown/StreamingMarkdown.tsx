import { memo, useState } from 'react'
import { BlockSplitter } from './block-splitter'
import { MarkdownBlock } from './MarkdownBlock'

/**
 * An answer as markdown that may still be growing. The text is split into blocks; finished blocks sit
 * in a memoised list that re-renders only when a block is added, so a delta re-parses just the tail.
 */
export function StreamingMarkdown({ text }: { text: string }) {
  // One splitter per mounted answer: it remembers how far it has scanned.
  const [splitter] = useState(() => new BlockSplitter())
  const { finished, tail } = splitter.update(text)
  return (
    <div className="markdown">
      <FinishedBlocks blocks={finished} />
      {tail ? <MarkdownBlock key={finished.length} source={tail} /> : null}
    </div>
  )
}

const FinishedBlocks = memo(function FinishedBlocks({ blocks }: { blocks: readonly string[] }) {
  return blocks.map((block, index) => <MarkdownBlock key={index} source={block} />)
})
