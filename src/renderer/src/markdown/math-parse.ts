import remarkMath from 'remark-math'
import type { PluggableList } from 'unified'
import { remarkMathDelimiters, withBracketFences } from './math-delimiters'
import { remarkMathNodes } from './math-nodes'

/**
 * The math parse, a chunk of its own (math-parse-loader.ts): `$$` by remark-math, `$` (with Pandoc's
 * rule, so prices stay text), `\(` and `\[` by math-delimiters.ts, turned into MathFormula's elements.
 */
export const mathPlugins: PluggableList = [
  [remarkMath, { singleDollarTextMath: false }],
  remarkMathDelimiters,
  remarkMathNodes,
]

export { withBracketFences }
