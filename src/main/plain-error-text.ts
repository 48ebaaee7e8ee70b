/**
 * A gateway's error body as a short plain sentence. Proxies and load balancers answer with HTML
 * pages (Cloudflare's 502, nginx's 504); shown raw, that is 2,000 characters of markup. An HTML body
 * becomes the status and its `<title>` (or its first text), tags stripped, at most 200 characters.
 * Secrets are scrubbed from the whole text before it is shortened: a key cut at the 200th character
 * keeps a prefix (or half a base64 form) the scrubber would no longer recognise.
 */
import { scrubSecrets } from './log'

const maxSummaryChars = 200

const looksLikeHtml = (text: string) => /<(?:!doctype\s+html|html|head|body|title|h1|div|p)\b/i.test(text)

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

function textOf(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#39|amp|lt|gt|quot|apos|nbsp);/g, (_match, name: string) => entities[name] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function shorten(text: string): string {
  return text.length <= maxSummaryChars ? text : `${text.slice(0, maxSummaryChars - 1).trimEnd()}…`
}

/**
 * `message` is the SDK's: the status, a space, then the body as text. JSON bodies never come here
 * (their message is read from the JSON); plain text is kept as it is, HTML is summarised.
 */
export function plainErrorText(status: number, message: string, secrets: readonly string[]): string {
  const body = message.startsWith(`${status} `) ? message.slice(String(status).length + 1) : message
  if (!looksLikeHtml(body)) return message
  const clean = (html: string) => scrubSecrets(textOf(html), secrets)
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1]
  const summary = shorten(clean(title ?? '') || clean(body))
  return summary ? `HTTP ${status}: ${summary}` : `HTTP ${status} (an HTML page with no text)`
}
