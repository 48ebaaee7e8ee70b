import { useSyncExternalStore } from 'react'
import type * as MathParse from './math-parse'

/**
 * The math parse is loaded the first time a block might hold a formula, not in the first paint: an
 * answer without `$` or `\(` / `\[` never asks for it. Until it has arrived (milliseconds, from the
 * app's own files), such a block is parsed without it and shows its formulas as text; then every block
 * that asked re-renders once with math.
 */
type MathParseModule = typeof MathParse

let parse: MathParseModule | null = null
let loading: Promise<MathParseModule> | null = null
const listeners = new Set<() => void>()

export function loadMathParse(): Promise<MathParseModule> {
  loading ??= import('./math-parse').then((module) => {
    parse = module
    for (const listener of listeners) listener()
    return module
  })
  return loading
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const mathLike = /\$|\\[([]/

/** Whether a block's source has anything a formula starts with. */
export function mightHoldMath(source: string): boolean {
  return mathLike.test(source)
}

/** The math parse once loaded, else null; `wanted` starts the loading. */
export function useMathParse(wanted: boolean): MathParseModule | null {
  const ready = useSyncExternalStore(subscribe, () => parse)
  if (!ready && wanted) void loadMathParse()
  return ready
}
