import { useState } from 'react'
import { strings } from '../i18n'
import { Button } from '../ui/Button'
import { CopyButton } from './CodeBlock'
import { formatLimits } from './format-limits'

interface PlainBlockProps {
  text: string
  /** Why it is plain: too large to format, or formatting failed (an error boundary caught it). */
  reason: 'too-large' | 'failed'
}

/**
 * Text shown as it is, without markdown: a block over the formatting bounds, or one whose formatting
 * threw. Only a page of it is put on screen at first (laying out megabytes of text takes seconds),
 * more on request; Copy always takes all of it.
 */
export function PlainBlock({ text, reason }: PlainBlockProps) {
  const [shown, setShown] = useState<number>(formatLimits.plainPageChars)
  const visible = text.length > shown ? text.slice(0, shown) : text
  return (
    <div className="md-plain">
      <p className="md-plain-note">
        {reason === 'too-large' ? strings.markdown.tooLarge : strings.markdown.renderFailed}{' '}
        {visible.length < text.length ? strings.markdown.shownPart(visible.length, text.length) : null}
      </p>
      <div className="md-plain-actions">
        <CopyButton text={text} label={strings.markdown.copyAll} />
        {visible.length < text.length ? (
          <Button size="sm" onClick={() => setShown((current) => current + formatLimits.plainPageChars)}>
            {strings.markdown.showMore}
          </Button>
        ) : null}
      </div>
      <div className="md-plain-text">{visible}</div>
    </div>
  )
}
