import { createHash } from 'node:crypto'

/**
 * The two small HTML pages browser mode answers before the app itself is served: the hand-over
 * that turns the printed address into a cookie, and the page a tab from an earlier start gets.
 * They are built here, not in the renderer, because the renderer's bundle is only served behind
 * the token. No scripts; their one inline style is allowed by its hash in the page's own policy.
 */

export type PageLanguage = 'en' | 'vi'

const staleText: Record<PageLanguage, { title: string; heading: string; body: string; hint: string }> = {
  en: {
    title: 'Open the newest address – HolySheep Chat',
    heading: 'This address is from an earlier start',
    body: 'HolySheep Chat was started again, and each start prints a new address with a new access key.',
    hint: 'Open the newest address printed in the terminal where you ran it (it begins with {origin}/?token=).',
  },
  vi: {
    title: 'Mở địa chỉ mới nhất – HolySheep Chat',
    heading: 'Địa chỉ này thuộc về một lần khởi động trước',
    body: 'HolySheep Chat đã được khởi động lại, và mỗi lần khởi động in ra một địa chỉ mới với một khóa truy cập mới.',
    hint: 'Hãy mở địa chỉ mới nhất được in trong cửa sổ dòng lệnh nơi bạn chạy ứng dụng (bắt đầu bằng {origin}/?token=).',
  },
}

const openingText: Record<PageLanguage, { title: string; link: string }> = {
  en: { title: 'Opening HolySheep Chat…', link: 'Open HolySheep Chat' },
  vi: { title: 'Đang mở HolySheep Chat…', link: 'Mở HolySheep Chat' },
}

// Colours follow the renderer's light and dark palette (ui tokens), written out because this page
// cannot load the app's stylesheet.
const style = `
:root { color-scheme: light dark; --bg: #f7f7f8; --card: #ffffff; --text: #1f2328; --muted: #59636e; --border: #d1d9e0; }
@media (prefers-color-scheme: dark) { :root { --bg: #16181d; --card: #1f2228; --text: #e6e8eb; --muted: #a3abb5; --border: #3a3f47; } }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 1.5rem;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--text); }
main { max-width: 34rem; width: 100%; background: var(--card); border: 1px solid var(--border); border-radius: 12px; padding: 1.5rem 1.75rem; }
h1 { font-size: 1.2rem; margin: 0 0 0.75rem; }
p { margin: 0.5rem 0; overflow-wrap: anywhere; }
.hint { color: var(--muted); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
a { color: inherit; }
`

const styleHash = createHash('sha256').update(style).digest('base64')

/** Only the page's own inline style; nothing to load, nothing to run. */
export const addressPagePolicy = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** The first supported language in the browser's Accept-Language, by its weight; English otherwise. */
export function pageLanguage(acceptLanguage: string | undefined): PageLanguage {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined)
      return { tag: tag.toLowerCase(), weight: q === undefined ? 1 : Number(q), index }
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  for (const { tag } of ranked) {
    if (tag === 'vi' || tag.startsWith('vi-')) return 'vi'
    if (tag === 'en' || tag.startsWith('en-')) return 'en'
  }
  return 'en'
}

/** The page an old tab (or an old printed address) gets: what happened and what to do, no JSON. */
export function staleAddressPage(language: PageLanguage, origin: string): string {
  const text = staleText[language]
  const hint = escapeHtml(text.hint).replace('{origin}', `<code>${escapeHtml(origin)}</code>`)
  return page(
    language,
    text.title,
    `<h1>${escapeHtml(text.heading)}</h1>
<p>${escapeHtml(text.body)}</p>
<p class="hint">${hint}</p>`,
  )
}

/**
 * The answer to the printed address: it sets the cookie and moves on to `/` by a refresh from this
 * page. A redirect would not do: when the address is opened from another site (a link in a web
 * terminal or a chat), the browser keeps a SameSite=Strict cookie off every request of that
 * cross-site chain, and `/` would answer 401. A refresh is this page's own navigation, so the new
 * cookie goes with it (and replaces the cookie of an earlier start).
 */
export function openingPage(language: PageLanguage): string {
  const text = openingText[language]
  return page(
    language,
    text.title,
    `<p><a href="/">${escapeHtml(text.link)}</a></p>`,
    '<meta http-equiv="refresh" content="0; url=/">',
  )
}

function page(language: PageLanguage, title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${head}<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
