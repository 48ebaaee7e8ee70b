import { useEffect, useRef } from 'react'
import { shortcuts, type ShortcutId } from './shortcuts'

/**
 * Runs the app-wide shortcuts. A key some control already used (an editor's Escape, say) is left
 * alone: handlers see only events nobody prevented. Handlers may change every render; the listener
 * is added once and reads the latest through a ref.
 */
export function useShortcuts(handlers: Partial<Record<ShortcutId, () => boolean | void>>): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      const shortcut = shortcuts.find((candidate) => candidate.matches(event))
      const handler = shortcut && latest.current[shortcut.id]
      // A handler returns false when the shortcut does nothing now (Esc with nothing streaming).
      if (handler && handler() !== false) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
