import { useSyncExternalStore } from 'react'
import type * as GrammarsModule from './highlight-grammars'

/**
 * Syntax highlighting, loaded on first use: highlight.js and its grammars are a separate chunk
 * (highlight-grammars.ts), imported the first time a code block asks for it, so the app's start-up
 * parses none of it. Until it has loaded, code shows plain; then every code block on screen
 * re-renders highlighted.
 */
type Grammars = typeof GrammarsModule

let grammars: Grammars | null = null
let loading: Promise<Grammars> | null = null
const listeners = new Set<() => void>()

/** Starts loading the highlighter (once); resolves when it is ready. */
export function loadHighlighter(): Promise<Grammars> {
  loading ??= import('./highlight-grammars').then((module) => {
    grammars = module
    for (const listener of listeners) listener()
    return module
  })
  return loading
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The highlighter once loaded, else null (and loading starts). Components re-render when it arrives. */
export function useHighlighter(): Grammars | null {
  const ready = useSyncExternalStore(subscribe, () => grammars)
  if (!ready) void loadHighlighter()
  return ready
}
