import type { ReactNode } from 'react'
import { strings } from '../i18n'
import { ErrorBoundary } from './ErrorBoundary'

/**
 * A view of the app (chat, settings, usage, the sidebar) that fails to render shows a short alert with
 * Try again in its place; the other views and the navigation keep working. A new `resetKey` (another
 * conversation opened) tries again by itself.
 */
export function ViewBoundary(props: { label: string; resetKey?: unknown; children: ReactNode }) {
  const { label, resetKey, children } = props
  return (
    <ErrorBoundary
      label={label}
      resetKey={resetKey}
      fallback={(_error, reset) => (
        <div className="view-failed" role="alert">
          <p>{strings.views.failed}</p>
          <button type="button" onClick={reset}>
            {strings.views.retry}
          </button>
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  )
}
