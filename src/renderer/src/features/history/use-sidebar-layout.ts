import { createContext, useCallback, useContext, useState, useSyncExternalStore } from 'react'

/** Below this width the sidebar folds away and opens over the chat, so the chat keeps its width. */
export const narrowQuery = '(max-width: 899px)'

function subscribeNarrow(listener: () => void): () => void {
  const query = window.matchMedia(narrowQuery)
  query.addEventListener('change', listener)
  return () => query.removeEventListener('change', listener)
}
const isNarrow = () => window.matchMedia(narrowQuery).matches

export interface SidebarLayout {
  /** The window is narrow: the sidebar is an overlay, closed until asked for. */
  narrow: boolean
  /** The sidebar shows (beside the chat when wide, over it when narrow). */
  visible: boolean
  toggle(): void
  /** Closes the overlay (narrow windows only; a wide sidebar stays as the user left it). */
  dismiss(): void
}

/**
 * Wide windows remember the user's choice (the `sidebarCollapsed` setting, saved by `onCollapsedChange`);
 * narrow ones start closed each time and open the sidebar as an overlay, which Esc, a click outside
 * or opening a conversation closes again.
 */
export function useSidebarLayout(collapsed: boolean, onCollapsedChange: (collapsed: boolean) => void): SidebarLayout {
  const narrow = useSyncExternalStore(subscribeNarrow, isNarrow)
  const [overlayOpen, setOverlayOpen] = useState(false)
  const toggle = useCallback(() => {
    if (narrow) setOverlayOpen((open) => !open)
    else onCollapsedChange(!collapsed)
  }, [narrow, collapsed, onCollapsedChange])
  const dismiss = useCallback(() => setOverlayOpen(false), [])
  return { narrow, visible: narrow ? overlayOpen : !collapsed, toggle, dismiss }
}

/** The layout for whatever places a SidebarToggle (the chat header, the collapsed rail). */
export const SidebarLayoutContext = createContext<SidebarLayout | null>(null)

export function useSidebarLayoutContext(): SidebarLayout | null {
  return useContext(SidebarLayoutContext)
}
