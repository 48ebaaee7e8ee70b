import { useEffect, useRef } from 'react'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { Trash2 } from '../../ui/icons'

/** How long Undo stays offered; after that the deletion is final for this session. */
const undoForMs = 6000

interface UndoToastProps {
  title: string
  onUndo(): void
  onExpire(): void
}

/** "Deleted “title”. Undo", for a few seconds after a delete. Key it by conversation so each delete gets its own time. */
export function UndoToast({ title, onUndo, onExpire }: UndoToastProps) {
  const undoRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const timer = setTimeout(onExpire, undoForMs)
    return () => clearTimeout(timer)
  }, [onExpire])

  // The row that had the focus is gone: a keyboard user lands on Undo rather than at the top of the page.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) undoRef.current?.focus()
  }, [])

  return (
    // Beside the list it came from, not in the app's toast corner: the focus moves here, so it must be near.
    <div className="undo-toast" role="status">
      <Trash2 className="undo-toast__icon" aria-hidden />
      <span className="undo-toast__text">{strings.history.deleted(title)}</span>
      <Button size="sm" ref={undoRef} onClick={onUndo}>
        {strings.history.undo}
      </Button>
    </div>
  )
}
