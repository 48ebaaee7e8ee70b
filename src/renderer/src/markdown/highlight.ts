import { lazyModule } from '../lib/lazy-module'
import type * as GrammarsModule from './highlight-grammars'

/**
 * Syntax highlighting, loaded on first use: highlight.js and its grammars are a separate chunk
 * (highlight-grammars.ts), imported the first time a code block asks for it, so the app's start-up
 * parses none of it. Until it has loaded, code shows plain; then every code block on screen
 * re-renders highlighted.
 */
type Grammars = typeof GrammarsModule

const grammars = lazyModule<Grammars>(() => import('./highlight-grammars'))

/** Starts loading the highlighter (once); resolves when it is ready. */
export const loadHighlighter = grammars.load

/** The highlighter once loaded, else null (and loading starts). Components re-render when it arrives. */
export function useHighlighter(): Grammars | null {
  return grammars.useLoaded()
}
