import { useId, type ReactNode } from 'react'
import { Switch as RadixSwitch } from 'radix-ui'

/** An on/off setting with its label (and an optional hint) on one row. */
export function Switch({
  checked,
  onCheckedChange,
  label,
  hint,
  disabled,
}: {
  checked: boolean
  onCheckedChange(checked: boolean): void
  label: ReactNode
  hint?: ReactNode
  disabled?: boolean
}) {
  const id = useId()
  return (
    <div className="ui-switch-row">
      <div className="ui-switch-row__text">
        <label htmlFor={id} className="ui-field__label">
          {label}
        </label>
        {hint ? (
          <p className="ui-field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
      </div>
      <RadixSwitch.Root
        id={id}
        className="ui-switch"
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        <RadixSwitch.Thumb className="ui-switch__thumb" />
      </RadixSwitch.Root>
    </div>
  )
}
