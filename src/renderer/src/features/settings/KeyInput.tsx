import { useState } from 'react'
import { strings } from '../../i18n'
import type { FieldControlProps } from '../../ui/Field'
import { TextInput } from '../../ui/Field'
import { IconButton } from '../../ui/IconButton'
import { Eye, EyeOff } from '../../ui/icons'

/**
 * The API key being typed, with a show/hide toggle. The renderer never receives the stored key, so
 * "show" only ever reveals what the user is typing now (to check a paste).
 */
export function KeyInput({
  control,
  value,
  onChange,
  autoFocus,
}: {
  control: FieldControlProps
  value: string
  onChange(value: string): void
  autoFocus?: boolean
}) {
  const [shown, setShown] = useState(false)
  const t = strings.settingsPage
  return (
    <div className="key-input">
      <TextInput
        {...control}
        type={shown ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        value={value}
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
      />
      <IconButton
        label={shown ? t.hideKey : t.showKey}
        aria-pressed={shown}
        aria-controls={control.id}
        icon={shown ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
        onClick={() => setShown((value) => !value)}
      />
    </div>
  )
}
