import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { Settings, SettingsPatch } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { Field, TextArea, TextInput } from '../../ui/Field'
import { numberText, parseOptionalNumber } from './number-field'
import type { SaveSettings } from './use-settings-save'

/** The settings a typed field edits: numbers and strings (booleans are Switches, enums Selects). */
type TextSettingKey = {
  [K in keyof Settings]: Settings[K] extends number | string | null ? K : never
}[keyof Settings]

export type SettingFieldKind = 'number' | 'optional-number' | 'text' | 'optional-text' | 'textarea'

/**
 * What was typed but not saved because it was wrong, kept while the app runs: leaving Settings and
 * coming back shows it again with its error, instead of silently dropping it.
 */
const unsavedDrafts = new Map<string, string>()

function display(value: number | string | null): string {
  return typeof value === 'number' || value === null ? numberText(value) : value
}

/**
 * One setting typed in a field, saved when the field is left or Enter is pressed (and when the page
 * closes with a valid change pending). A wrong value stays in the field with its error beside it.
 */
export function SettingField({
  name,
  kind,
  label,
  hint,
  settings,
  save,
  onSaved,
  placeholder,
  type,
  min,
  max,
  step,
  list,
}: {
  name: TextSettingKey
  kind: SettingFieldKind
  label: string
  hint?: ReactNode
  settings: Settings
  save: SaveSettings
  onSaved?(): void
  placeholder?: string
  type?: 'url' | 'text'
  min?: number
  max?: number
  step?: number | 'any'
  list?: string
}) {
  const saved = display(settings[name])
  const [text, setText] = useState(() => unsavedDrafts.get(name) ?? saved)
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null)

  /** The typed text as the setting's value, or the reason it cannot be one. */
  const parse = (): { value: number | string | null } | { error: string } => {
    const errors = strings.settingsPage.errors
    if (kind === 'number' || kind === 'optional-number') {
      // A number input holds '' for text it cannot read ("1e"): that is not "empty".
      if (input.current?.validity.badInput) return { error: errors.notANumber }
      const value = parseOptionalNumber(text)
      if (value === 'invalid') return { error: errors.notANumber }
      if (value === null && kind === 'number') return { error: errors.required }
      return { value }
    }
    if (kind === 'optional-text') return { value: text.trim() || null }
    return { value: kind === 'text' ? text.trim() : text }
  }

  const commit = async () => {
    const parsed = parse()
    if ('error' in parsed) {
      unsavedDrafts.set(name, text)
      return setError(parsed.error)
    }
    if (display(parsed.value) === saved) {
      unsavedDrafts.delete(name)
      return setError(null)
    }
    const result = await save({ [name]: parsed.value } as SettingsPatch, label)
    if (!result.ok) {
      unsavedDrafts.set(name, text)
      return setError(result.errors[name] ?? Object.values(result.errors)[0] ?? null)
    }
    unsavedDrafts.delete(name)
    setError(null)
    // The stored form (a URL without its trailing slash, a code in capitals).
    setText(display(result.view.settings[name]))
    onSaved?.()
  }

  // Leaving the page with a change typed and not yet committed saves it (or keeps it, if wrong).
  const latestCommit = useRef(commit)
  const dirty = useRef(false)
  useEffect(() => {
    latestCommit.current = commit
    dirty.current = text !== saved
  })
  useEffect(
    () => () => {
      if (dirty.current) void latestCommit.current()
    },
    [],
  )

  // A draft kept from an earlier visit shows its error at once.
  useEffect(() => {
    if (unsavedDrafts.has(name)) void latestCommit.current()
  }, [name])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && kind !== 'textarea') {
      event.preventDefault()
      void commit()
    }
  }
  const numeric = kind === 'number' || kind === 'optional-number'
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) =>
        kind === 'textarea' ? (
          <TextArea
            {...control}
            ref={input}
            rows={4}
            value={text}
            placeholder={placeholder}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => void commit()}
          />
        ) : (
          <TextInput
            {...control}
            ref={input}
            type={numeric ? 'number' : (type ?? 'text')}
            inputMode={numeric ? 'decimal' : undefined}
            min={min}
            max={max}
            step={numeric ? (step ?? 'any') : undefined}
            spellCheck={false}
            list={list}
            value={text}
            placeholder={placeholder}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => void commit()}
            onKeyDown={onKeyDown}
          />
        )
      }
    </Field>
  )
}
