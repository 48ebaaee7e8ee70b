import { useEffect, useSyncExternalStore } from 'react'

export type ThemeSetting = 'system' | 'light' | 'dark'
const darkQuery = '(prefers-color-scheme: dark)'

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(darkQuery)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/**
 * Applies the theme setting: `data-theme` on <html> picks the CSS variables (styles.css). For
 * 'system' it follows the OS (prefers-color-scheme), live, so switching the OS to dark switches us too.
 */
export function useTheme(setting: ThemeSetting): 'light' | 'dark' {
  const systemDark = useSyncExternalStore(subscribe, () => window.matchMedia(darkQuery).matches)
  const theme = setting === 'system' ? (systemDark ? 'dark' : 'light') : setting
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  return theme
}
