import type { KeyboardEvent } from 'react'
import type { MessageVersions } from '../../../../shared/history'
import { strings } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { ChevronLeft, ChevronRight } from '../../ui/icons'
import { IconButton } from '../../ui/IconButton'
import './version-switcher.css'

interface VersionSwitcherProps {
  versions: MessageVersions
  /** Shows the branch through that sibling (main remembers it). */
  onShow(messageId: string): void
}

/**
 * `‹ 2 / 3 ›` on a message with siblings (answers given again, questions edited, compared answers):
 * two buttons with names, and the position read out in full. A button at either end is disabled.
 */
export function VersionSwitcher({ versions, onShow }: VersionSwitcherProps) {
  const index = formatNumber(versions.index + 1)
  const count = formatNumber(versions.count)
  const { previousId, nextId } = versions
  return (
    <div className="version-switcher" role="group" aria-label={strings.versions.group}>
      <IconButton
        size="sm"
        label={strings.versions.previous}
        tooltip={`${strings.versions.previous} (Alt+←)`}
        icon={<ChevronLeft aria-hidden />}
        disabled={previousId === null}
        onClick={() => previousId && onShow(previousId)}
      />
      <span className="version-switcher-position" aria-label={strings.versions.positionLabel(index, count)}>
        {strings.versions.position(index, count)}
      </span>
      <IconButton
        size="sm"
        label={strings.versions.next}
        tooltip={`${strings.versions.next} (Alt+→)`}
        icon={<ChevronRight aria-hidden />}
        disabled={nextId === null}
        onClick={() => nextId && onShow(nextId)}
      />
    </div>
  )
}

/** Alt+← and Alt+→ on a focused message (or anything inside it) switch to its previous or next version. */
export function versionKeys(
  versions: MessageVersions | undefined,
  onShow: (messageId: string) => void,
): ((event: KeyboardEvent) => void) | undefined {
  if (!versions) return undefined
  return (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    // Inside a text field the keys move the caret by word; the message's own keys stay out of its way.
    if (event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement) return
    event.preventDefault()
    const target = event.key === 'ArrowLeft' ? versions.previousId : versions.nextId
    if (target) onShow(target)
  }
}
