import type { Element } from 'hast'
import type { ReactNode } from 'react'
import type { Components } from 'react-markdown'
import type { PluggableList } from 'unified'
import remarkGfm from 'remark-gfm'
import { openLink, safeExternalUrl } from '../api/open-link'
import { strings } from '../i18n'
import { CodeBlock } from './CodeBlock'
import { DiagramFence } from './DiagramFence'
import { FootnoteDefinition, FootnoteReference } from './Footnotes'
import { MathFormula } from './MathFormula'
import { remarkFootnotesInPlace } from './remark-footnotes'
import { remarkBidiLabels } from './remark-bidi-labels'
import { remarkHtmlAsText } from './remark-html-as-text'

/**
 * The remark plugins every block is parsed with: GitHub's tables, task lists, strikethrough and
 * footnotes (drawn where they stand, see remark-footnotes.ts); HTML as text; link labels without bidi
 * controls. A block that may hold math also gets math-parse.ts's plugins, right after GFM.
 */
export const remarkPlugins: PluggableList = [remarkGfm, remarkFootnotesInPlace, remarkHtmlAsText, remarkBidiLabels]

/** The same, with the math parse; one list per loaded module, so react-markdown sees the same array. */
export function withMath(mathPlugins: PluggableList): PluggableList {
  return [remarkGfm, ...mathPlugins, remarkFootnotesInPlace, remarkHtmlAsText, remarkBidiLabels]
}

/** How answers' elements are drawn: code blocks with Copy, links that open outside, no remote images. */
export const markdownComponents: Components = {
  pre({ node }) {
    const code = node?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code')
    const text = code ? textOf(code).replace(/\n$/, '') : ''
    const language = languageOf(code)
    // A fence inside a list or quote: parsed as a whole block, so drawn only once that block is finished.
    if (language?.toLowerCase() === 'mermaid') return <DiagramFence code={text} />
    return <CodeBlock code={text} language={language} />
  },
  a({ href, children, node }) {
    const footnote = node?.properties.dataFootnoteRef
    if (typeof footnote === 'string') return <FootnoteReference id={footnote} label={children} />
    const url = href ? safeExternalUrl(href) : null
    // Only http(s) links are links; anything else (javascript:, file:, relative) stays text.
    if (!url) return <span className="link-refused">{children}</span>
    return <ExternalLink url={url}>{children}</ExternalLink>
  },
  // An image would be fetched from wherever the answer says: show it as a link to open instead.
  img({ src, alt }) {
    const url = typeof src === 'string' ? safeExternalUrl(src) : null
    const label = strings.markdown.image(alt ?? '')
    if (!url) return <span>{label}</span>
    return <ExternalLink url={url}>{label}</ExternalLink>
  },
  input({ type, checked }) {
    if (type !== 'checkbox') return null
    return (
      <input
        type="checkbox"
        checked={Boolean(checked)}
        readOnly
        disabled
        aria-label={checked ? strings.markdown.taskDone : strings.markdown.taskOpen}
      />
    )
  },
  span({ node, children, className }) {
    const math = node?.properties.dataMath
    if (typeof math === 'string') return <Formula node={node} display={math === 'display'} block={false} />
    return <span className={className}>{children}</span>
  },
  div({ node, children, className }) {
    const math = node?.properties.dataMath
    if (typeof math === 'string') return <Formula node={node} display block />
    const footnote = node?.properties.dataFootnoteDef
    const label = node?.properties.dataFootnoteLabel
    if (typeof footnote === 'string')
      return (
        <FootnoteDefinition id={footnote} label={String(label ?? footnote)}>
          {children}
        </FootnoteDefinition>
      )
    return <div className={className}>{children}</div>
  },
  table({ children }) {
    // Wide tables scroll on their own instead of widening the answer.
    return (
      <div className="table-scroll">
        <table>{children}</table>
      </div>
    )
  },
}

function Formula({ node, display, block }: { node: Element | undefined; display: boolean; block: boolean }) {
  const tex = node ? textOf(node) : ''
  const source = node?.properties.dataMathSource
  return <MathFormula tex={tex} source={typeof source === 'string' ? source : tex} display={display} block={block} />
}

function textOf(node: Element): string {
  let text = ''
  for (const child of node.children) {
    if (child.type === 'text') text += child.value
    else if (child.type === 'element') text += textOf(child)
  }
  return text
}

function languageOf(code: Element | undefined): string | null {
  const classes = code?.properties.className
  if (!Array.isArray(classes)) return null
  for (const name of classes) {
    if (typeof name === 'string' && name.startsWith('language-')) return name.slice('language-'.length) || null
  }
  return null
}

/** A link that leaves the app: never navigates this window, opens through `openLink` (http(s) only). */
function ExternalLink({ url, children }: { url: string; children: ReactNode }) {
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        event.preventDefault()
        openLink(url)
      }}
    >
      {children}
    </a>
  )
}
