import { memo, useEffect, useRef, useState, type ReactNode } from 'react'
import { strings } from '../i18n'
import { Button } from '../ui/Button'
import { IconButton } from '../ui/IconButton'
import { Check, Copy, WrapText } from '../ui/icons'
import { CodeChunker } from './code-chunks'
import { formatLimits } from './format-limits'
import { HtmlPreview, previewable } from './HtmlPreview'
import { useHighlighter } from './highlight'

interface CodeBlockProps {
  code: string
  /** From the fence's info string (```ts), or null. */
  language: string | null
}

interface CodeBlockViewProps extends CodeBlockProps {
  /** More actions, before Wrap and Copy (a diagram's source toggle). */
  extraActions?: ReactNode
  /** Drawn instead of the code (a diagram); the code's Wrap toggle goes with it. */
  figure?: ReactNode
  /** A line between the header and the code (why a diagram is shown as its source). */
  note?: ReactNode
}

/** A fenced code block: its language, a Copy button and the highlighted code (or a figure of it). */
export const CodeBlock = memo(function CodeBlock({ code, language, extraActions, figure, note }: CodeBlockViewProps) {
  const label = language ?? strings.markdown.code
  const highlighter = useHighlighter()
  const known = highlighter !== null && highlighter.isKnownLanguage(language)
  // One chunker per code block on screen: while the code streams in, it scans only what is new.
  const [chunker] = useState(() => new CodeChunker())
  const [shown, setShown] = useState<number>(formatLimits.plainPageChars)
  // Long lines scroll sideways by default (code keeps its shape); the toggle wraps them instead.
  const [wrap, setWrap] = useState(false)
  const className = wrap ? 'code-block code-block--wrap' : 'code-block'
  const actions = (
    <div className="code-actions">
      {language && previewable.has(language.toLowerCase()) ? (
        <HtmlPreview code={code} language={language.toLowerCase()} />
      ) : null}
      {extraActions}
      {figure ? null : <WrapToggle wrap={wrap} onChange={setWrap} />}
      <CopyButton text={code} label={strings.markdown.copyCode(label)} />
    </div>
  )
  if (figure)
    return (
      <div className="code-block">
        <div className="code-header">
          <span className="code-language">{label}</span>
          {actions}
        </div>
        {figure}
      </div>
    )
  if (code.length > formatLimits.maxCodeChars) {
    // Megabytes of code: no highlighting, and a page of it on screen at a time (layout costs seconds per MB).
    const visible = code.length > shown ? code.slice(0, shown) : code
    return (
      <div className={className}>
        <div className="code-header">
          <span className="code-language">{label}</span>
          {actions}
        </div>
        {note}
        <p className="md-plain-note">
          {strings.markdown.tooLarge}{' '}
          {visible.length < code.length ? strings.markdown.shownPart(visible.length, code.length) : null}
        </p>
        {/* Focusable: a block whose long lines scroll sideways must scroll from the keyboard too. */}
        <pre tabIndex={0}>
          <code>{visible}</code>
        </pre>
        {visible.length < code.length ? (
          <Button size="sm" onClick={() => setShown((current) => current + formatLimits.plainPageChars)}>
            {strings.markdown.showMore}
          </Button>
        ) : null}
      </div>
    )
  }
  return (
    <div className={className}>
      <div className="code-header">
        <span className="code-language">{label}</span>
        {actions}
      </div>
      {note}
      {/* Focusable: a block whose long lines scroll sideways must scroll from the keyboard too. */}
      <pre tabIndex={0}>
        <code className={known ? `hljs language-${language}` : undefined}>
          {chunker.update(code).map((chunk, index) => (
            <CodeChunk key={index} code={chunk} language={known ? language : null} highlighter={highlighter} />
          ))}
        </code>
      </pre>
    </div>
  )
})

/** One chunk of a code block, highlighted once: a chunk before the last never changes while code streams. */
const CodeChunk = memo(function CodeChunk({
  code,
  language,
  highlighter,
}: CodeBlockProps & { highlighter: ReturnType<typeof useHighlighter> }) {
  const html =
    !highlighter || code.length > formatLimits.maxHighlightChunkChars ? null : highlighter.highlightCode(code, language)
  // highlight.js escapes the code; the HTML holds only its own spans.
  return html === null ? (
    <span className="code-chunk">{code}</span>
  ) : (
    <span className="code-chunk" dangerouslySetInnerHTML={{ __html: html }} />
  )
})

/** Wraps a code block's long lines or lets them scroll; pressed while wrapping. */
function WrapToggle({ wrap, onChange }: { wrap: boolean; onChange: (wrap: boolean) => void }) {
  return (
    <IconButton
      size="sm"
      className="code-wrap"
      label={strings.richText.wrapLines}
      tooltip={wrap ? strings.richText.unwrapLines : strings.richText.wrapLines}
      aria-pressed={wrap}
      icon={<WrapText aria-hidden />}
      onClick={() => onChange(!wrap)}
    />
  )
}

/**
 * Copies `text` to the clipboard and says so for a moment. `text` may be read when clicked (a message
 * shown cut is copied whole); null from it is a failure. `iconOnly` makes it a square icon button whose
 * tooltip says what happened (message actions); otherwise a small button with its word (code blocks).
 */
export function CopyButton({
  text,
  label,
  iconOnly = false,
}: {
  text: string | (() => Promise<string | null>)
  label: string
  iconOnly?: boolean
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => () => clearTimeout(timer.current ?? undefined), [])
  const copy = () => {
    const settle = (next: 'copied' | 'failed') => {
      setState(next)
      clearTimeout(timer.current ?? undefined)
      timer.current = setTimeout(() => setState('idle'), 2000)
    }
    Promise.resolve(typeof text === 'string' ? text : text())
      .then((whole) => (whole === null ? Promise.reject(new Error('not read')) : navigator.clipboard.writeText(whole)))
      .then(
        () => settle('copied'),
        () => settle('failed'),
      )
  }
  const word =
    state === 'copied'
      ? strings.markdown.copied
      : state === 'failed'
        ? strings.markdown.copyFailed
        : strings.markdown.copy
  const icon = state === 'copied' ? <Check aria-hidden /> : <Copy aria-hidden />
  if (iconOnly)
    return (
      <IconButton
        size="sm"
        className="copy"
        label={label}
        icon={icon}
        tooltip={state === 'idle' ? label : word}
        onClick={copy}
      />
    )
  return (
    // Its name is what it shows once it has copied ("Copied"): a name that did not hold the visible word
    // would fail WCAG's label-in-name, and speech users could not say what they see.
    <Button
      size="sm"
      variant="ghost"
      className="copy"
      aria-label={state === 'idle' ? label : undefined}
      icon={icon}
      onClick={copy}
    >
      {word}
    </Button>
  )
}
