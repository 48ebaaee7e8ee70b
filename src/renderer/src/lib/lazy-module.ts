import { useSyncExternalStore } from 'react'

/**
 * A module loaded on first use, as its own chunk (the bundler splits at the `import()` the caller
 * passes): nothing of it is parsed at start-up. `load` starts it once; `useLoaded` gives the module
 * once it has arrived (null before, and `wanted` starts the loading), and re-renders every component
 * that asked when it arrives. highlight.js, the math parse and KaTeX are loaded this way.
 */
export function lazyModule<T>(importModule: () => Promise<T>): {
  load(): Promise<T>
  useLoaded(wanted?: boolean): T | null
} {
  let loaded: T | null = null
  let loading: Promise<T> | null = null
  const listeners = new Set<() => void>()
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  const load = () =>
    (loading ??= importModule().then((module) => {
      loaded = module
      for (const listener of listeners) listener()
      return module
    }))
  return {
    load,
    useLoaded(wanted = true) {
      const ready = useSyncExternalStore(subscribe, () => loaded)
      if (!ready && wanted) void load()
      return ready
    },
  }
}
