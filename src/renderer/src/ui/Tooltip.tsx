import { useRef, useState, type ReactElement, type ReactNode } from 'react'
import { Tooltip as RadixTooltip } from 'radix-ui'

/** One provider at the app's root: the delay is shared, so moving along a toolbar shows tips at once. */
export function TooltipProvider({ children }: { children: ReactNode }) {
  return (
    <RadixTooltip.Provider delayDuration={400} skipDelayDuration={200}>
      {children}
    </RadixTooltip.Provider>
  )
}

/**
 * A short label shown on hover and on keyboard focus. The child must accept a ref and props (a
 * Button, IconButton or plain element). The tip is a description, not the accessible name: an icon
 * button gets its name from `aria-label` (IconButton does this).
 */
export function Tooltip({
  content,
  side = 'top',
  whenTruncated = false,
  children,
}: {
  content: ReactNode
  side?: 'top' | 'right' | 'bottom' | 'left'
  /**
   * Show the tip only while the trigger's text is cut by an ellipsis (the trigger itself, or its
   * `[data-truncates]` child, is narrower than its text): a full title for a truncated one.
   */
  whenTruncated?: boolean
  children: ReactElement
}) {
  // The trigger is whatever element the child renders; Radix types its ref as a button.
  const trigger = useRef<HTMLButtonElement>(null)
  const [open, setOpen] = useState(false)
  if (content === null || content === undefined || content === '') return children
  const control = whenTruncated
    ? {
        open,
        onOpenChange: (next: boolean) => setOpen(next && isTruncated(trigger.current)),
      }
    : {}
  return (
    <RadixTooltip.Root {...control}>
      <RadixTooltip.Trigger asChild ref={whenTruncated ? trigger : undefined}>
        {children}
      </RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content className="ui-tooltip" side={side} sideOffset={6} collisionPadding={8}>
          {content}
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  )
}

function isTruncated(element: HTMLElement | null): boolean {
  const text = element?.querySelector<HTMLElement>('[data-truncates]') ?? element
  return !!text && text.scrollWidth > text.clientWidth
}
