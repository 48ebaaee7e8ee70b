import { memo, useContext, useState } from 'react'
import { strings } from '../i18n'
import { formatNumber } from '../i18n/format'
import { Button } from '../ui/Button'
import { Code, Workflow } from '../ui/icons'
import { CodeBlock } from './CodeBlock'
import { DrawingPlaceholder } from './DrawingPlaceholder'
import { diagramKind, maxDiagramChars } from './diagram-protocol'
import { useDiagram, useDiagramTheme } from './diagram-frame'
import { MathRendering } from './math-context'

/**
 * A ```mermaid fence. While its block streams it is a code block like any other; once the block is
 * finished it is drawn (once: see diagram-renderer.ts) in the sandboxed diagram frame and shown as an
 * image, an SVG in an <img> running no script and loading nothing. Show source swaps in the code;
 * Copy copies it either way. A diagram mermaid cannot parse shows its source and the parser's message.
 */
export const MermaidBlock = memo(function MermaidBlock({ code }: { code: string }) {
  // DiagramFence draws this in finished blocks only; a block that turns back to streaming (an answer
  // regenerated in place) shows its code again.
  const finished = useContext(MathRendering)
  const theme = useDiagramTheme()
  const [showSource, setShowSource] = useState(false)
  const tooLarge = code.length > maxDiagramChars
  const result = useDiagram(finished && !tooLarge ? code : null, theme)
  if (!finished) return <CodeBlock code={code} language="mermaid" />
  if (tooLarge)
    return (
      <CodeBlock
        code={code}
        language="mermaid"
        note={<p className="md-diagram-error">{strings.richText.diagramTooLarge(formatNumber(maxDiagramChars))}</p>}
      />
    )
  if (result && !result.ok)
    return (
      <CodeBlock
        code={code}
        language="mermaid"
        note={
          <div className="md-diagram-error" role="note">
            <p>{result.unavailable ? result.message : strings.richText.diagramFailed}</p>
            {result.unavailable ? null : <pre className="md-diagram-message">{result.message}</pre>}
          </div>
        }
      />
    )
  const toggle = (
    <Button
      size="sm"
      variant="ghost"
      className="diagram-toggle"
      icon={showSource ? <Workflow aria-hidden /> : <Code aria-hidden />}
      onClick={() => setShowSource(!showSource)}
    >
      {showSource ? strings.richText.showDiagram : strings.richText.showSource}
    </Button>
  )
  if (showSource) return <CodeBlock code={code} language="mermaid" extraActions={toggle} />
  const figure = result ? (
    <div className="md-diagram">
      <img
        className="md-diagram-image"
        src={result.image.src}
        width={result.image.width}
        height={result.image.height}
        alt={strings.richText.diagram(diagramKind(code))}
        draggable={false}
      />
    </div>
  ) : (
    <DrawingPlaceholder />
  )
  return <CodeBlock code={code} language="mermaid" extraActions={toggle} figure={figure} />
})
