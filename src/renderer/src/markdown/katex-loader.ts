import { useSyncExternalStore } from 'react'
import type Katex from 'katex'

/**
 * KaTeX, loaded on first use: a separate chunk, imported the first time a finished block holds a
 * formula, so start-up parses none of it (as highlight.ts does for highlight.js).
 */
type KatexModule = typeof Katex

let katex: KatexModule | null = null
let loading: Promise<KatexModule> | null = null
const listeners = new Set<() => void>()

export function loadKatex(): Promise<KatexModule> {
  loading ??= import('katex').then((module) => {
    katex = module.default
    for (const listener of listeners) listener()
    return katex
  })
  return loading
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** KaTeX once loaded, else null; `wanted` starts the loading. Components re-render when it arrives. */
export function useKatex(wanted: boolean): KatexModule | null {
  const ready = useSyncExternalStore(subscribe, () => katex)
  if (!ready && wanted) void loadKatex()
  return ready
}

export type FormulaResult = { ok: true; html: string } | { ok: false; message: string }

/** The same formula recurs (a symbol defined once, used often): each is rendered once per session. */
const cache = new Map<string, FormulaResult>()
const cacheLimit = 4096

/**
 * A formula as MathML (Chromium draws MathML Core natively). Not KaTeX's HTML output: it positions
 * glyphs with inline style attributes, which the app's Content-Security-Policy (`style-src 'self'`)
 * blocks. `trust: false` refuses \href, \url, \htmlClass and the like (drawn as text); a formula KaTeX
 * cannot parse is a value here, never an exception, and never KaTeX's red error HTML.
 */
export function renderFormula(module: KatexModule, tex: string, display: boolean): FormulaResult {
  const key = `${display ? 'd' : 'i'}${tex}`
  const known = cache.get(key)
  if (known) return known
  let result: FormulaResult
  try {
    const html = module.renderToString(tex, {
      displayMode: display,
      output: 'mathml',
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      // Bounds against a formula built to cost: macro expansion, sizes.
      maxExpand: 1000,
      maxSize: 50,
    })
    // KaTeX writes a meaningless style="false" on a few elements (\colorbox, \raisebox); the CSP would
    // refuse and report it. Its attribute values are escaped, so no quote hides in one.
    result = { ok: true, html: html.replace(/ style="[^"]*"/g, '') }
  } catch (error) {
    result = { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  if (cache.size >= cacheLimit) cache.clear()
  cache.set(key, result)
  return result
}
