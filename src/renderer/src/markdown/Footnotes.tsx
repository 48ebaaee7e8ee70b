import type { MouseEvent, ReactNode } from 'react'
import { strings } from '../i18n'

/**
 * A footnote's reference and definition (see remark-footnotes.ts). Each link finds its target by label in the
 * same answer when clicked, scrolls it into view and moves focus there, so keyboard users land on it.
 */
export function FootnoteReference({ id, label }: { id: string; label: ReactNode }) {
  return (
    <a
      href={`#footnote-${id}`}
      data-footnote-ref={id}
      aria-label={strings.richText.footnote(String(label))}
      onClick={(event) => jump(event, `[data-footnote-def="${CSS.escape(id)}"]`)}
    >
      {label}
    </a>
  )
}

export function FootnoteDefinition({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="md-footnote" data-footnote-def={id} tabIndex={-1}>
      <span className="md-footnote-label">{label}</span>
      <div className="md-footnote-body">{children}</div>
      <a
        className="md-footnote-back"
        href={`#footnote-ref-${id}`}
        aria-label={strings.richText.backToReference(label)}
        onClick={(event) => jump(event, `[data-footnote-ref="${CSS.escape(id)}"]`)}
      >
        ↩
      </a>
    </div>
  )
}

function jump(event: MouseEvent<HTMLAnchorElement>, selector: string): void {
  // Never a navigation: the app has no in-page anchors, and a hash change would reach the router.
  event.preventDefault()
  const target = event.currentTarget.closest('.markdown')?.querySelector<HTMLElement>(selector)
  if (!target) return
  target.scrollIntoView({ block: 'center' })
  target.focus({ preventScroll: true })
}
