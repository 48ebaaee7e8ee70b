import { Loader2 } from './icons'

/**
 * A small turning circle for work in progress; `label` names it for screen readers when it stands
 * alone. The turn is on an HTML wrapper, not the SVG: Chromium animates an HTML element's transform
 * on the compositor, while an animated SVG element repaints on the main thread every frame, which
 * starved a streaming answer's rendering while a sidebar row showed it.
 */
export function Spinner({ size = 14, label }: { size?: number; label?: string }) {
  return (
    <span
      className="ui-spinner"
      aria-hidden={label ? undefined : true}
      aria-label={label}
      role={label ? 'img' : undefined}
    >
      <Loader2 size={size} aria-hidden />
    </span>
  )
}
