import { isAbsolute, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { contentSecurityPolicy, mermaidFramePagePath, previewPagePath, previewPolicy } from '../web/security'

/**
 * What the window's session may load. The renderer is bundled, so everything it needs is a file
 * under `out/renderer` (inside app.asar once packaged); nothing remote is ever loaded, and `file:`
 * is limited to that one folder, so a hostile page cannot read `file:///etc/passwd` or a user's
 * documents even by a redirect. (The SDK's requests to the gateway go through Node in main, not
 * through this session, so they are not affected.)
 */
export interface RequestPolicy {
  /** The folder holding the built renderer (`out/renderer`). */
  rendererDir: string
  /** electron-vite's dev server in development, where the page and its HMR socket live. */
  devServerUrl?: string | undefined
  /** The diagram frame page's policy (see web/server.ts's option of that name). */
  mermaidFramePolicy?: string | undefined
}

/** Schemes that name no place: inline images and object URLs the page made, DevTools' own pages. */
const localSchemes = new Set(['data:', 'blob:', 'devtools:'])

export function isAllowedRequest(rawUrl: string, policy: RequestPolicy): boolean {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return false
  }
  if (localSchemes.has(url.protocol)) return true
  if (url.protocol === 'file:') return isInside(policy.rendererDir, url)
  if (policy.devServerUrl) {
    const dev = new URL(policy.devServerUrl)
    const sameHost = url.hostname === dev.hostname && url.port === dev.port
    if (sameHost && (url.protocol === dev.protocol || url.protocol === 'ws:')) return true
  }
  return false
}

function isInside(dir: string, url: URL): boolean {
  let path: string
  try {
    // Throws for encoded slashes and for hosts other than localhost, both refused.
    path = fileURLToPath(url)
  } catch {
    return false
  }
  const inside = relative(dir, path)
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)
}

/** The part of Electron's `Session.webRequest` used here. */
export interface WebRequestLike {
  onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void
  onHeadersReceived(
    listener: (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void,
  ): void
}

/** Cancels every request the policy refuses, and gives every response the app's CSP as a header. */
export function installRequestFilter(
  webRequest: WebRequestLike,
  policy: RequestPolicy,
  onBlocked?: (url: string) => void,
): void {
  webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, policy)
    if (!allowed) onBlocked?.(details.url)
    callback({ cancel: !allowed })
  })
  webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policyFor(details.url, policy)) })
  })
}

/**
 * The app's policy, except for the preview page and the diagram frame of the built renderer, which
 * have their own (they run the previewed code or mermaid, sandboxed; web/security.ts).
 */
export function policyFor(rawUrl: string, policy: RequestPolicy): string {
  try {
    const url = new URL(rawUrl)
    if (url.protocol === 'file:' && isInside(policy.rendererDir, url)) {
      const page = relative(policy.rendererDir, fileURLToPath(url))
      if (page === previewPagePath.slice(1)) return previewPolicy
      if (page === mermaidFramePagePath.slice(1) && policy.mermaidFramePolicy) return policy.mermaidFramePolicy
    }
  } catch {
    return contentSecurityPolicy
  }
  return contentSecurityPolicy
}

/** Replaces any CSP a response carried (the dev server's, say) with the app's own (or `csp`). */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> = {},
  csp: string = contentSecurityPolicy,
): Record<string, string[]> {
  const kept = Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
  )
  return { ...kept, 'Content-Security-Policy': [csp] }
}
