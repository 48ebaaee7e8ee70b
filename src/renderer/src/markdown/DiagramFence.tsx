import { lazy, Suspense, useContext } from 'react'
import { CodeBlock } from './CodeBlock'
import { DrawingPlaceholder } from './DrawingPlaceholder'
import { MathRendering } from './math-context'

/** The diagram's drawing, its frame and queue: a chunk of their own, loaded with the first finished diagram. */
const MermaidBlock = lazy(() => import('./MermaidBlock').then((module) => ({ default: module.MermaidBlock })))

/**
 * A ```mermaid fence: code while its block streams (formulas and diagrams share the switch: drawn in
 * finished blocks only), then MermaidBlock, whose code start-up never parses.
 */
export function DiagramFence({ code }: { code: string }) {
  const finished = useContext(MathRendering)
  if (!finished) return <CodeBlock code={code} language="mermaid" />
  return (
    <Suspense fallback={<CodeBlock code={code} language="mermaid" figure={<DrawingPlaceholder />} />}>
      <MermaidBlock code={code} />
    </Suspense>
  )
}
