import { useState, type ReactNode } from 'react'
import { Command } from 'cmdk'
import { Popover } from 'radix-ui'
import { strings } from '../i18n'
import { Check, ChevronDown } from './icons'
import { cx } from './cx'

export interface ComboboxOption {
  value: string
  label: string
  /** A second line or column: an id, a price. */
  detail?: ReactNode
  /** More words the search should match (the id behind a friendly name, say). */
  keywords?: string[]
}

/**
 * A searchable list behind a button (the model picker): cmdk filters and moves the highlight, Radix
 * Popover places it and returns focus. With `allowCustom`, what was typed can be chosen as is,
 * with `customHint` saying what that means.
 */
export function Combobox({
  value,
  onValueChange,
  options,
  triggerLabel,
  searchPlaceholder,
  allowCustom,
  customLabel,
  id,
  className,
  ...aria
}: {
  value: string
  onValueChange(value: string): void
  options: readonly ComboboxOption[]
  /** What the closed button shows; defaults to the chosen option's label or the value. */
  triggerLabel?: ReactNode
  searchPlaceholder: string
  allowCustom?: boolean
  customLabel?(typed: string): string
  id?: string
  className?: string
  'aria-label'?: string
  'aria-describedby'?: string
  'aria-invalid'?: true
}) {
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState('')
  const chosen = options.find((option) => option.value === value)
  const typed = search.trim()
  const offerCustom = allowCustom && typed !== '' && !options.some((option) => option.value === typed)
  const choose = (next: string) => {
    onValueChange(next)
    setOpen(false)
    setSearch('')
  }
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          type="button"
          id={id}
          className={cx('ui-input', 'ui-select', 'ui-combobox', className)}
          role="combobox"
          aria-expanded={open}
          aria-haspopup="listbox"
          {...aria}
        >
          <span className="ui-select__value">{triggerLabel ?? chosen?.label ?? value}</span>
          <ChevronDown className="ui-select__icon" size={16} aria-hidden />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="ui-popover ui-combobox__content" align="start" sideOffset={4}>
          <Command label={aria['aria-label']} loop>
            <Command.Input
              className="ui-input ui-combobox__search"
              value={search}
              onValueChange={setSearch}
              placeholder={searchPlaceholder}
            />
            <Command.List className="ui-combobox__list">
              <Command.Empty className="ui-combobox__empty">{strings.ui.noMatches}</Command.Empty>
              {options.map((option) => (
                <Command.Item
                  key={option.value}
                  value={option.value}
                  keywords={[option.label, ...(option.keywords ?? [])]}
                  onSelect={choose}
                  className="ui-menu__item"
                >
                  <span className="ui-menu__check">
                    {option.value === value ? <Check size={14} aria-hidden /> : null}
                  </span>
                  <span className="ui-menu__label">{option.label}</span>
                  {option.detail ? <span className="ui-menu__hint">{option.detail}</span> : null}
                </Command.Item>
              ))}
              {offerCustom ? (
                <Command.Item value={typed} onSelect={() => choose(typed)} className="ui-menu__item" forceMount>
                  <span className="ui-menu__check" />
                  <span className="ui-menu__label">{customLabel ? customLabel(typed) : typed}</span>
                </Command.Item>
              ) : null}
            </Command.List>
          </Command>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}
