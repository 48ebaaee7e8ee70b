import { lazyModule } from '../lib/lazy-module'
import type Katex from 'katex'

/**
 * KaTeX, loaded on first use: a separate chunk, imported the first time a finished block holds a
 * formula, so start-up parses none of it (as highlight.ts does for highlight.js).
 */
type KatexModule = typeof Katex

const katex = lazyModule<KatexModule>(() => import('katex').then((module) => module.default))

export const loadKatex = katex.load

/** KaTeX once loaded, else null; `wanted` starts the loading. Components re-render when it arrives. */
export function useKatex(wanted: boolean): KatexModule | null {
  return katex.useLoaded(wanted)
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
