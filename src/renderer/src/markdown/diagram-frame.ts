import { useEffect, useState, useSyncExternalStore } from 'react'
import { strings } from '../i18n'
import type { DiagramTheme } from './diagram-protocol'
import { DiagramRenderer, type DiagramResult, type OpenFrame } from './diagram-renderer'

/**
 * The hidden frame mermaid runs in: mermaid-frame.html (scripts/mermaid-frame-page.ts), sandboxed
 * without allow-same-origin, so an opaque origin that cannot reach the app, its storage or the
 * network, under its own policy. It is off screen rather than display:none, because mermaid measures
 * its labels and a frame that is not laid out measures everything as 0.
 */
function openDiagramFrame(onMessage: (data: unknown) => void): OpenFrame {
  const frame = document.createElement('iframe')
  frame.className = 'md-diagram-frame'
  frame.setAttribute('sandbox', 'allow-scripts')
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  frame.title = strings.richText.diagramFrame
  frame.referrerPolicy = 'no-referrer'
  frame.src = './mermaid-frame.html'
  const listen = (event: MessageEvent) => {
    // Only the frame's own messages; its origin is opaque ("null"), so the window is what names it.
    if (event.source !== null && event.source === frame.contentWindow) onMessage(event.data)
  }
  window.addEventListener('message', listen)
  document.body.append(frame)
  return {
    // '*': the only target an opaque origin matches. What is sent is the answer's diagram source.
    post: (request) => frame.contentWindow?.postMessage(request, '*'),
    close: () => {
      window.removeEventListener('message', listen)
      frame.remove()
    },
  }
}

/** Mermaid (5 MB) loads in a few seconds at worst; a frame silent for this long is not coming. */
const loadTimeoutMs = 30_000

/** Far more than any diagram within the size limit takes (a few hundred ms); longer, mermaid is stuck. */
const drawTimeoutMs = 20_000

let renderer: DiagramRenderer | null = null

/** The app's one renderer, made on first use: no frame exists until a diagram asks for one. */
function diagramRenderer(): DiagramRenderer {
  return (renderer ??= new DiagramRenderer(openDiagramFrame, {
    loadTimeoutMs,
    drawTimeoutMs,
    unavailableMessage: () => strings.richText.diagramUnavailable,
    tooSlowMessage: () => strings.richText.diagramTooSlow(drawTimeoutMs / 1000),
  }))
}

/**
 * The drawing of `source` in `theme`, or null while it is drawn (or when `source` is null: nothing
 * asked). A source already drawn is there at once, with no placeholder.
 */
export function useDiagram(source: string | null, theme: DiagramTheme): DiagramResult | null {
  const known = source === null ? undefined : renderer?.known(source, theme)
  const [arrived, setArrived] = useState<{ source: string; theme: DiagramTheme; result: DiagramResult } | null>(null)
  useEffect(() => {
    if (source === null || known) return
    let current = true
    void diagramRenderer()
      .render(source, theme)
      .then((result) => {
        if (current) setArrived({ source, theme, result })
      })
    return () => {
      current = false
    }
  }, [source, theme, known])
  if (known) return known
  return arrived && arrived.source === source && arrived.theme === theme ? arrived.result : null
}

function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  return () => observer.disconnect()
}

/** Mermaid's theme for the app's (use-theme.ts sets data-theme on <html>); a diagram re-draws when it changes. */
export function useDiagramTheme(): DiagramTheme {
  return useSyncExternalStore(subscribeTheme, () =>
    document.documentElement.dataset.theme === 'dark' ? 'dark' : 'default',
  )
}
