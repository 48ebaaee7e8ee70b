import { createContext } from 'react'

/**
 * Whether formulas are drawn: true in finished blocks, false in the block still streaming, which
 * shows its formulas' source until the block is finished (never half a formula drawn, and no KaTeX
 * work on every delta).
 */
export const MathRendering = createContext(true)
