import { Component, type ErrorInfo, type ReactNode } from 'react'

interface ErrorBoundaryProps {
  /** Names the part in the log line ("message", "chat view"…). */
  label: string
  /** What to show instead; `reset` renders the children again. */
  fallback(error: Error, reset: () => void): ReactNode
  /** Changing it clears a caught error (the message's text grew, another conversation opened). */
  resetKey?: unknown
  children: ReactNode
}

interface ErrorBoundaryState {
  error: Error | null
  resetKey: unknown
}

/**
 * Keeps a part of the UI that throws while rendering from taking the whole window down with it: React
 * unmounts everything up to the nearest boundary, and without one that is the root. A class component
 * because only classes can be error boundaries in React. The renderer has no logger of main's (it is
 * sandboxed); console.error reaches the devtools and, in the desktop app, main's console capture.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: null, resetKey: props.resetKey }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The error's name and message only: the text being drawn (an answer) stays out of the log. The one
    // console call of the renderer: there is no log channel to main, and a render failure must be seen.
    // eslint-disable-next-line no-console
    console.error(`[render] ${this.props.label} failed: ${error.name}: ${error.message}`, info.componentStack ?? '')
  }

  private readonly reset = () => this.setState({ error: null })

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, this.reset) : this.props.children
  }
}
