import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'
import type { ButtonSize, ButtonVariant } from './Button'
import { cx } from './cx'
import { Tooltip } from './Tooltip'

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** The accessible name, also shown as the tooltip. */
  label: string
  icon: ReactNode
  /** A longer tooltip than the name (a shortcut, say); defaults to the label. */
  tooltip?: ReactNode
  tooltipSide?: 'top' | 'right' | 'bottom' | 'left'
  variant?: ButtonVariant
  size?: ButtonSize
  ref?: Ref<HTMLButtonElement>
}

/** A square button with only an icon: its name is `label`, shown as a tooltip on hover and focus. */
export function IconButton({
  label,
  icon,
  tooltip,
  tooltipSide,
  variant = 'ghost',
  size = 'md',
  className,
  type,
  ...rest
}: IconButtonProps) {
  return (
    <Tooltip content={tooltip ?? label} side={tooltipSide}>
      <button
        type={type ?? 'button'}
        aria-label={label}
        className={cx('ui-button', 'ui-icon-button', `ui-button--${variant}`, `ui-button--${size}`, className)}
        {...rest}
      >
        {icon}
      </button>
    </Tooltip>
  )
}
