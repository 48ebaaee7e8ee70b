import type { ReactElement, ReactNode } from 'react'
import { DropdownMenu } from 'radix-ui'
import { cx } from './cx'

export interface MenuItem {
  label: string
  icon?: ReactNode
  onSelect(): void
  danger?: boolean
  disabled?: boolean
  /** A shortcut or other hint shown at the row's end. */
  hint?: string
}

/**
 * A menu of actions behind a trigger (an IconButton "More…", say), on Radix DropdownMenu: arrow
 * keys, typeahead, Esc and focus return come from the primitive. Non-modal, so the page behind
 * keeps its scroll and no style element is injected (the CSP allows none).
 */
export function Menu({
  trigger,
  items,
  label,
  align = 'end',
}: {
  trigger: ReactElement
  items: ReadonlyArray<MenuItem | 'separator'>
  label?: string
  align?: 'start' | 'center' | 'end'
}) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="ui-popover ui-menu" align={align} sideOffset={4} aria-label={label}>
          {items.map((item, index) =>
            item === 'separator' ? (
              <DropdownMenu.Separator key={`separator-${index}`} className="ui-menu__separator" />
            ) : (
              <DropdownMenu.Item
                key={item.label}
                className={cx('ui-menu__item', item.danger ? 'ui-menu__item--danger' : null)}
                disabled={item.disabled}
                onSelect={item.onSelect}
              >
                {item.icon ? <span className="ui-menu__icon">{item.icon}</span> : null}
                <span className="ui-menu__label">{item.label}</span>
                {item.hint ? <span className="ui-menu__hint">{item.hint}</span> : null}
              </DropdownMenu.Item>
            ),
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}
