import type { InlineMath, Math } from 'mdast-util-math'
import type { Nodes, Root } from 'mdast'
import type { VFile } from 'vfile'

/**
 * Turns remark-math's nodes (and those of math-delimiters.ts) into one element the renderer draws
 * with KaTeX (MathFormula): its TeX, whether it is display math, and its source exactly as written
 * (delimiters included), shown while the block is still streaming or when KaTeX cannot parse it.
 * Display math is `$$…$$` (as a block or inline) and `\[…\]`; `$…$` and `\(…\)` are inline.
 */
export function remarkMathNodes() {
  return (tree: Root, file: VFile) => {
    rewrite(tree, String(file.value))
  }
}

function rewrite(node: Nodes, source: string): void {
  if (node.type === 'math' || node.type === 'inlineMath') {
    describe(node, source)
    return
  }
  if ('children' in node) for (const child of node.children) rewrite(child, source)
}

function describe(node: Math | InlineMath, source: string): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const raw = start === undefined || end === undefined ? node.value : source.slice(start, end)
  let tex = node.value
  let display = node.type === 'math'
  if (node.type === 'inlineMath') {
    const delimiter = /^(\\[([]|\$+)/.exec(raw)?.[1] ?? '$'
    display = delimiter === '\\[' || (delimiter[0] === '$' && delimiter.length > 1)
    tex = raw.slice(delimiter.length, raw.length - delimiter.length)
  }
  node.data = {
    hName: node.type === 'math' ? 'div' : 'span',
    hProperties: { className: ['md-math'], dataMath: display ? 'display' : 'inline', dataMathSource: raw.trim() },
    hChildren: [{ type: 'text', value: tex.trim() }],
  }
}
