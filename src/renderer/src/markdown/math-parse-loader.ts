import { lazyModule } from '../lib/lazy-module'
import type * as MathParse from './math-parse'

/**
 * The math parse is loaded the first time a block might hold a formula, not in the first paint: an
 * answer without `$` or `\(` / `\[` never asks for it. Until it has arrived (milliseconds, from the
 * app's own files), such a block is parsed without it and shows its formulas as text; then every block
 * that asked re-renders once with math.
 */
type MathParseModule = typeof MathParse

const mathParse = lazyModule<MathParseModule>(() => import('./math-parse'))

export const loadMathParse = mathParse.load

const mathLike = /\$|\\[([]/

/** Whether a block's source has anything a formula starts with. */
export function mightHoldMath(source: string): boolean {
  return mathLike.test(source)
}

/** The math parse once loaded, else null; `wanted` starts the loading. */
export function useMathParse(wanted: boolean): MathParseModule | null {
  return mathParse.useLoaded(wanted)
}
