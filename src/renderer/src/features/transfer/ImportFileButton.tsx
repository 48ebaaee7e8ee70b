import { useRef, useState } from 'react'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { Upload } from '../../ui/icons'
import './transfer.css'

/**
 * Browser mode's import: our own button (in the UI's language) opens the browser's file picker
 * through a hidden file input, whose "Choose File / No file chosen" would be in the browser's
 * language and style. The chosen file's name is then said in our words.
 */
export function ImportFileButton({ onFile }: { onFile(file: File): void }) {
  const input = useRef<HTMLInputElement>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  return (
    <span className="import-file">
      <Button icon={<Upload size={16} aria-hidden />} onClick={() => input.current?.click()}>
        {strings.transfer.import}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0]
          // Emptied, so choosing the same file again is a change too.
          event.target.value = ''
          if (!file) return
          setChosen(file.name)
          onFile(file)
        }}
      />
      {chosen ? (
        <span className="import-file__name" role="status">
          {strings.transfer.chosenFile(chosen)}
        </span>
      ) : null}
    </span>
  )
}
