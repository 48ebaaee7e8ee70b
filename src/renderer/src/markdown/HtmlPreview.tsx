import { useEffect, useRef, useState } from 'react'
import { strings } from '../i18n'
import { Button } from '../ui/Button'
import { Dialog } from '../ui/Dialog'
import { Eye } from '../ui/icons'

/** Languages whose code blocks can be previewed. */
export const previewable = new Set(['html', 'svg'])
/** Beyond this, no preview: a page of megabytes would only freeze the frame. */
export const previewLimitChars = 500_000

/**
 * The previewed document: the code, plus a line that hands Esc back to the app (focus inside the frame
 * keeps key presses there). It acts on the key's release, not its press: closing removes the frame, and a
 * frame removed while its key press was still being delivered left that press unanswered in Chromium
 * (a scripted press waited forever: 1 close in 7 under load, 0 in 120 on the release).
 * An SVG is centred on an empty page.
 */
function previewDocument(code: string, language: string): string {
  const escape =
    "<script>addEventListener('keyup',function(e){if(e.key==='Escape')parent.postMessage('holysheep-preview-escape','*')})</script>"
  if (language === 'svg')
    return `<!doctype html><meta charset="utf-8">${escape}<style>html,body{margin:0;height:100%}body{display:grid;place-items:center}svg{max-width:100%;max-height:100vh}</style>${code}`
  return `${escape}${code}`
}

/**
 * "Preview" on an HTML or SVG code block: a dialog with the code drawn in preview.html, a frame
 * sandboxed without allow-same-origin (an opaque origin: it cannot reach the app, its storage or
 * the top window) under that page's own policy (no network). The app's own policy is untouched.
 */
export function HtmlPreview({ code, language }: { code: string; language: string }) {
  const [open, setOpen] = useState(false)
  const tooLarge = code.length > previewLimitChars
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        className="code-preview"
        icon={<Eye aria-hidden />}
        disabled={tooLarge}
        onClick={() => setOpen(true)}
      >
        {tooLarge ? strings.richText.previewTooLarge : strings.richText.preview}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={strings.richText.previewTitle(language)}
        description={strings.richText.previewNote}
        size="lg"
        initialFocus="content"
      >
        {open ? <PreviewFrame html={previewDocument(code, language)} onEscape={() => setOpen(false)} /> : null}
      </Dialog>
    </>
  )
}

function PreviewFrame({ html, onEscape }: { html: string; onEscape: () => void }) {
  const frame = useRef<HTMLIFrameElement>(null)
  useEffect(() => {
    const listen = (event: MessageEvent) => {
      const target = frame.current?.contentWindow
      // Only the frame's own messages: the page says it is ready, or Esc was pressed inside.
      if (!target || event.source !== target) return
      // The frame's origin is opaque, so '*' is the only target it matches; the code is the answer's own.
      if (event.data === 'holysheep-preview-ready') target.postMessage({ html }, '*')
      else if (event.data === 'holysheep-preview-escape') onEscape()
    }
    window.addEventListener('message', listen)
    return () => window.removeEventListener('message', listen)
  }, [html, onEscape])
  return (
    <iframe
      ref={frame}
      className="md-preview-frame"
      title={strings.richText.previewFrame}
      src="./preview.html"
      sandbox="allow-scripts"
      referrerPolicy="no-referrer"
    />
  )
}
