import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * The content security policy of the renderer, in the desktop app (as a meta tag and a header) and
 * in browser mode: only the app's own scripts and styles, no eval, no remote anything.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Where the preview page of HTML and SVG code blocks is, in the built renderer (src/renderer/public/preview.html). */
export const previewPagePath = '/preview.html'

/**
 * The preview page's own policy (the same as its meta tag): the previewed code's inline scripts and
 * styles run, inside a frame sandboxed to an opaque origin; nothing is fetched from anywhere. Only
 * the app may frame it.
 */
export const previewPolicy = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  'media-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ')

/** Where the diagram frame's page is, in the built renderer (made by scripts/mermaid-frame-page.ts). */
export const mermaidFramePagePath = '/mermaid-frame.html'

/**
 * The diagram frame's policy, as its meta tag says it. One script runs: the page's inline one,
 * mermaid and the frame's own code, named by its hash (`scriptHash`, 'sha256-…'); no eval. Mermaid
 * styles its drawing inline, which only this frame allows; it is sandboxed to an opaque origin and
 * fetches nothing from anywhere.
 */
export function mermaidFrameMetaPolicy(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src '${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/** The same as the frame page's header, which can also say that only the app may frame it (a meta tag cannot). */
export function mermaidFramePolicy(scriptHash: string): string {
  return `${mermaidFrameMetaPolicy(scriptHash)}; frame-ancestors 'self'`
}

/** Compares the presented token in constant time, so its bytes cannot be guessed one by one. */
export function tokenMatches(presented: string | undefined | null, expected: string): boolean {
  if (!presented) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The cookie that carries the token after the first visit; its name carries the port, as cookies ignore ports. */
export function tokenCookieName(port: number): string {
  return `holysheep_token_${port}`
}

/** The cookie's value; a value whose percent-encoding is broken counts as no cookie (a 401, not a 500). */
export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return safeDecode(rest.join('=')) ?? undefined
  }
  return undefined
}

/**
 * `decodeURIComponent` that answers null for a malformed encoding (`%E0%A4%A`, a lone `%`) instead
 * of throwing a URIError, which would reach the server's catch-all as a 500 and an error log line.
 */
export function safeDecode(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return null
  }
}

/**
 * DNS rebinding defence: a page on evil.example that rebinds its name to 127.0.0.1 still sends
 * `Host: evil.example`, so only our own loopback host names are served.
 */
export function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** A request from a page of another origin is refused; requests with no Origin (curl, tests) pass on to the token check. */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin
  if (origin === undefined) return true
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}
