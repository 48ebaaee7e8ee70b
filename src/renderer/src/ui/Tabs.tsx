import type { ReactNode } from 'react'
import { Tabs as RadixTabs } from 'radix-ui'

/** Tabs on Radix Tabs (arrow keys move between them). Each tab's panel is rendered only when shown. */
export function Tabs({
  value,
  onValueChange,
  tabs,
  label,
}: {
  value: string
  onValueChange(value: string): void
  tabs: ReadonlyArray<{ value: string; label: string; content: ReactNode }>
  label: string
}) {
  return (
    <RadixTabs.Root className="ui-tabs" value={value} onValueChange={onValueChange}>
      <RadixTabs.List className="ui-tabs__list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.value} value={tab.value} className="ui-tabs__tab">
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.value} value={tab.value} className="ui-tabs__panel">
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  )
}
