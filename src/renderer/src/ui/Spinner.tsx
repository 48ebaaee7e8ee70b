import { Loader2 } from './icons'

/** A small turning circle for work in progress; `label` names it for screen readers when it stands alone. */
export function Spinner({ size = 14, label }: { size?: number; label?: string }) {
  return (
    <Loader2
      className="ui-spinner"
      size={size}
      aria-hidden={label ? undefined : true}
      aria-label={label}
      role={label ? 'img' : undefined}
    />
  )
}
