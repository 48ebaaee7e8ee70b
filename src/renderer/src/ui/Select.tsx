import { Select as RadixSelect } from 'radix-ui'
import { Check, ChevronDown } from './icons'
import { cx } from './cx'

export interface SelectOption {
  value: string
  label: string
}

/**
 * A closed list of choices (theme, language, currency…), on Radix Select: keyboard, typeahead and
 * focus come from the primitive. Pass `id` and the aria props from a Field to label it.
 */
export function Select({
  value,
  onValueChange,
  options,
  id,
  className,
  disabled,
  ...aria
}: {
  value: string
  onValueChange(value: string): void
  options: readonly SelectOption[]
  id?: string
  className?: string
  disabled?: boolean
  'aria-label'?: string
  'aria-describedby'?: string
  'aria-invalid'?: true
}) {
  return (
    <RadixSelect.Root value={value} onValueChange={onValueChange} disabled={disabled}>
      <RadixSelect.Trigger id={id} className={cx('ui-input', 'ui-select', className)} {...aria}>
        <RadixSelect.Value />
        <RadixSelect.Icon className="ui-select__icon">
          <ChevronDown size={16} aria-hidden />
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content className="ui-popover ui-select__content" position="popper" sideOffset={4}>
          <RadixSelect.Viewport>
            {options.map((option) => (
              <RadixSelect.Item key={option.value} value={option.value} className="ui-menu__item">
                <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
                <RadixSelect.ItemIndicator className="ui-menu__check">
                  <Check size={14} aria-hidden />
                </RadixSelect.ItemIndicator>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  )
}
