/**
 * What the app and the diagram frame (src/renderer/mermaid-frame/frame.js) say to each other by
 * postMessage, and how the frame's answer becomes an image. Pure: no DOM, so it is tested as it is.
 */

/** The frame's mermaid themes, picked by the app's. */
export type DiagramTheme = 'default' | 'dark'

/** Sent to the frame: draw `source` and answer with the same `id`. */
export interface DiagramRequest {
  type: 'holysheep-mermaid-render'
  id: string
  source: string
  theme: DiagramTheme
}

/** From the frame: it has loaded mermaid, or here is one diagram's SVG or parser message. */
export type FrameMessage =
  | { type: 'holysheep-mermaid-ready' }
  | { type: 'holysheep-mermaid-result'; id: string; svg: string }
  | { type: 'holysheep-mermaid-result'; id: string; error: string }

/** Mermaid's own bound on a source (maxTextSize); the frame refuses more, the app does not ask. */
export const maxDiagramChars = 50_000
/** An answer from the frame larger than this is refused (no diagram needs it; a runaway would). */
const maxSvgChars = 5_000_000
const maxErrorChars = 2_000

/**
 * The frame's message, checked field by field (the frame runs a library on an answer's text, so what
 * it sends is not trusted either), or null.
 */
export function readFrameMessage(data: unknown): FrameMessage | null {
  if (typeof data !== 'object' || data === null) return null
  const message = data as Record<string, unknown>
  if (message.type === 'holysheep-mermaid-ready') return { type: 'holysheep-mermaid-ready' }
  if (message.type !== 'holysheep-mermaid-result' || typeof message.id !== 'string') return null
  if (typeof message.svg === 'string' && message.svg.length <= maxSvgChars)
    return { type: 'holysheep-mermaid-result', id: message.id, svg: message.svg }
  if (typeof message.error === 'string')
    return { type: 'holysheep-mermaid-result', id: message.id, error: message.error.slice(0, maxErrorChars) }
  return null
}

export interface DiagramImage {
  /** A data: URL of the SVG: drawn by an <img>, where an SVG runs no script and loads nothing. */
  src: string
  width: number
  height: number
}

/**
 * The SVG as an image of its own size. Mermaid writes `width="100%"` and a max-width style on the
 * root, which leave an <img> no intrinsic size; the viewBox gives the real one, set as width and height
 * (CSS then scales it down to fit). Null when the root has no usable viewBox.
 */
export function diagramImage(svg: string): DiagramImage | null {
  const root = /^\s*<svg\b[^>]*>/.exec(svg)
  if (!root) return null
  const viewBox = /\sviewBox="\s*(-?[\d.]+)[\s,]+(-?[\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(root[0])
  if (!viewBox) return null
  const width = Number(viewBox[3])
  const height = Number(viewBox[4])
  if (!(width > 0 && height > 0) || !Number.isFinite(width) || !Number.isFinite(height)) return null
  const sized = root[0]
    .replace(/\s(width|height)="[^"]*"/g, '')
    .replace(/\sstyle="[^"]*"/, '')
    .replace(/^(\s*<svg)/, `$1 width="${width}" height="${height}"`)
  const text = sized + svg.slice(root[0].length)
  return {
    src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`,
    width: Math.round(width),
    height: Math.round(height),
  }
}

/** The kinds of diagram named in an image's label; others are just "diagram". */
export type DiagramKind = 'flowchart' | 'sequence' | 'class' | 'state' | 'gantt' | 'pie' | 'er' | 'journey' | 'mindmap'

const kinds: Record<string, DiagramKind> = {
  graph: 'flowchart',
  flowchart: 'flowchart',
  'flowchart-elk': 'flowchart',
  sequencediagram: 'sequence',
  classdiagram: 'class',
  'classdiagram-v2': 'class',
  statediagram: 'state',
  'statediagram-v2': 'state',
  gantt: 'gantt',
  pie: 'pie',
  erdiagram: 'er',
  journey: 'journey',
  mindmap: 'mindmap',
}

/**
 * The diagram's kind from its first word, past the front matter (`---` … `---`), %%{init}%%
 * directives and %% comments, as mermaid reads it; null when it is another kind or none.
 */
export function diagramKind(source: string): DiagramKind | null {
  const text = source.replace(/^\s*---\n[\s\S]*?\n---\s*\n/, '')
  for (const line of text.split('\n')) {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('%%')) continue
    const word = /^[A-Za-z][\w-]*/.exec(trimmed)?.[0].toLowerCase()
    return word ? (kinds[word] ?? null) : null
  }
  return null
}
