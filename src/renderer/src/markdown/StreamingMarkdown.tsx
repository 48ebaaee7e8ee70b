import { memo, useState } from 'react'
import { ErrorBoundary } from '../lib/ErrorBoundary'
import { BlockSplitter } from './block-splitter'
import { CodeBlock } from './CodeBlock'
import { DiagramFence } from './DiagramFence'
import { parseFenceBlock } from './fence-block'
import { formatRefusal } from './format-limits'
import { MathRendering } from './math-context'
import { MarkdownBlock } from './MarkdownBlock'
import { PlainBlock } from './PlainBlock'

/** Finished blocks per memoised group: adding a block re-renders one group and checks the others' props only. */
const groupSize = 32

/**
 * An answer as markdown that may still be growing. The text is split into blocks; finished blocks sit
 * in memoised groups that re-render only when a block joins them, so a delta re-parses just the tail
 * and a finished block costs a few prop checks however long the answer is. `streaming`: the text is
 * still growing, so its last block is not finished yet.
 */
export function StreamingMarkdown({ text, streaming = false }: { text: string; streaming?: boolean }) {
  // One splitter and one group cache per mounted answer: they remember how far they have got.
  const [splitter] = useState(() => new BlockSplitter())
  const [groups] = useState(() => new BlockGroups())
  const { finished, tail, restarts } = splitter.update(text)
  return (
    <div className="markdown">
      {groups.update(finished, restarts).map((group, index) => (
        <FinishedGroup key={index} blocks={group} />
      ))}
      {tail ? (
        <div className="md-block md-tail" key={`tail-${finished.length}`}>
          {/* While the answer streams, its last block shows formulas as source; drawn once it is finished. */}
          <MathRendering value={!streaming}>
            <BlockView source={tail} />
          </MathRendering>
        </div>
      ) : null}
    </div>
  )
}

/** Cuts the finished blocks into groups, handing back the same array for a group that did not change. */
class BlockGroups {
  private groups: (readonly string[])[] = []
  private restarts = 0

  update(finished: readonly string[], restarts: number): readonly (readonly string[])[] {
    if (restarts !== this.restarts) {
      this.restarts = restarts
      this.groups = []
    }
    const count = Math.ceil(finished.length / groupSize)
    for (let index = Math.max(0, this.groups.length - 1); index < count; index++) {
      const group = this.groups[index]
      const size = Math.min(groupSize, finished.length - index * groupSize)
      if (group?.length !== size) this.groups[index] = finished.slice(index * groupSize, index * groupSize + size)
    }
    return this.groups
  }
}

/**
 * A group of finished blocks, each in its own box that the browser may skip laying out and painting
 * while it is off screen (content-visibility), so a frame's layout cost does not grow with the answer either.
 */
const FinishedGroup = memo(function FinishedGroup({ blocks }: { blocks: readonly string[] }) {
  return (
    <div className="md-group">
      {blocks.map((block, index) => (
        <div className="md-block" key={index}>
          <BlockView source={block} />
        </div>
      ))}
    </div>
  )
})

/**
 * A block: a plain fenced code block is drawn from its lines (CodeBlock bounds its own work); anything
 * else is parsed as markdown when it is within the formatting bounds, else shown as plain text. A block
 * whose formatting throws anyway falls back to plain text on its own; the rest of the answer stays.
 */
const BlockView = memo(function BlockView({ source }: { source: string }) {
  const fence = parseFenceBlock(source)
  if (fence?.closed && fence.language?.toLowerCase() === 'mermaid') return <DiagramFence code={fence.code} />
  if (fence) return <CodeBlock code={fence.code} language={fence.language} />
  if (formatRefusal(source) !== null) return <PlainBlock text={source} reason="too-large" />
  return (
    <ErrorBoundary label="markdown block" fallback={() => <PlainBlock text={source} reason="failed" />}>
      <MarkdownBlock source={source} />
    </ErrorBoundary>
  )
})
