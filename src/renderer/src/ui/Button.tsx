import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'
import { cx } from './cx'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger'
export type ButtonSize = 'sm' | 'md'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
  size?: ButtonSize
  /** An icon before the label (from ./icons), sized by the button. */
  icon?: ReactNode
  ref?: Ref<HTMLButtonElement>
}

/**
 * The app's one button. Every prop reaches the <button>, so Radix triggers (`asChild`) can wrap it.
 * `type` defaults to "button": a button inside a form submits only when it says so.
 */
export function Button({ variant = 'secondary', size = 'md', icon, className, children, type, ...rest }: ButtonProps) {
  return (
    <button
      type={type ?? 'button'}
      className={cx('ui-button', `ui-button--${variant}`, `ui-button--${size}`, className)}
      {...rest}
    >
      {icon}
      {children === undefined || children === null ? null : <span className="ui-button__label">{children}</span>}
    </button>
  )
}
