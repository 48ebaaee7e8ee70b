import { useEffect, useState, type FormEvent } from 'react'
import type { Api } from '../../../../shared/api'
import { PresetSaveSchema, type Preset } from '../../../../shared/presets'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { Field, TextArea, TextInput } from '../../ui/Field'
import { IconButton } from '../../ui/IconButton'
import { Pencil, Plus, Trash2 } from '../../ui/icons'
import { showToast } from '../../ui/toast-store'
import { numberText, parseOptionalNumber } from './number-field'
import { errorText } from './save-notice'
import { fieldErrors, type FieldErrors } from './settings-validation'
import { SettingsSection } from './SettingsSection'

interface Draft {
  id: string | null
  name: string
  systemPrompt: string
  model: string
  temperature: string
  maxTokens: string
}

const emptyDraft: Draft = { id: null, name: '', systemPrompt: '', model: '', temperature: '', maxTokens: '' }

function draftOf(preset: Preset): Draft {
  return {
    id: preset.id,
    name: preset.name,
    systemPrompt: preset.systemPrompt,
    model: preset.model ?? '',
    temperature: numberText(preset.temperature),
    maxTokens: numberText(preset.maxTokens),
  }
}

/** The draft as what main saves, or the errors of every wrong field at once. */
function parseDraft(draft: Draft): { ok: true; value: unknown } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const temperature = parseOptionalNumber(draft.temperature)
  const maxTokens = parseOptionalNumber(draft.maxTokens)
  if (temperature === 'invalid') errors.temperature = strings.settingsPage.errors.notANumber
  if (maxTokens === 'invalid') errors.maxTokens = strings.settingsPage.errors.notANumber
  const value = {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name,
    systemPrompt: draft.systemPrompt,
    ...(draft.model.trim() ? { model: draft.model.trim() } : {}),
    ...(typeof temperature === 'number' ? { temperature } : {}),
    ...(typeof maxTokens === 'number' ? { maxTokens } : {}),
  }
  const checked = PresetSaveSchema.safeParse(value)
  if (!checked.success) Object.assign(errors, { ...fieldErrors(checked.error.issues), ...errors })
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: checked.data }
}

/** Presets (the shipped ones included): a list with Edit and Delete, and an editor in a dialog. */
export function PresetsSection({ id, api }: { id: string; api: Api }) {
  const t = strings.presets
  const p = strings.settingsPage
  const [presets, setPresets] = useState<Preset[]>([])
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})

  useEffect(() => {
    void api.presets.list().then((result) => {
      if (result.ok) setPresets(result.value)
    })
  }, [api])

  const open = (next: Draft) => {
    setErrors({})
    setDraft(next)
  }
  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    const parsed = parseDraft(draft)
    if (!parsed.ok) return setErrors(parsed.errors)
    const result = await api.presets.save(parsed.value as Parameters<Api['presets']['save']>[0])
    if (!result.ok) return setErrors({ name: errorText(result.error) })
    const saved = result.value
    setPresets((current) =>
      current.some((preset) => preset.id === saved.id)
        ? current.map((preset) => (preset.id === saved.id ? saved : preset))
        : [...current, saved],
    )
    setDraft(null)
    showToast({ key: 'settings-saved', title: p.saved, description: t.saved, tone: 'success' })
  }
  const remove = async (preset: Preset) => {
    const result = await api.presets.delete({ id: preset.id })
    if (!result.ok) return showToast({ key: 'settings-saved', title: errorText(result.error), tone: 'error' })
    setPresets((current) => current.filter((other) => other.id !== preset.id))
    showToast({ key: 'settings-saved', title: t.deleted(preset.name), tone: 'success' })
  }

  const input = (key: keyof Draft) => ({
    value: draft?.[key] ?? '',
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => (current ? { ...current, [key]: event.target.value } : current)),
  })
  return (
    <SettingsSection id={id} title={p.sections.presets} description={t.explain}>
      <ul className="preset-list">
        {presets.map((preset) => (
          <li key={preset.id} className="preset-row">
            <span className="preset-name">{preset.name}</span>
            <IconButton
              size="sm"
              label={p.editPreset(preset.name)}
              icon={<Pencil aria-hidden />}
              onClick={() => open(draftOf(preset))}
            />
            <IconButton
              size="sm"
              label={p.deletePreset(preset.name)}
              icon={<Trash2 aria-hidden />}
              onClick={() => void remove(preset)}
            />
          </li>
        ))}
      </ul>
      <div className="settings-actions">
        <Button icon={<Plus aria-hidden />} onClick={() => open(emptyDraft)}>
          {t.new}
        </Button>
      </div>
      <Dialog
        open={draft !== null}
        onOpenChange={(isOpen) => {
          if (!isOpen) setDraft(null)
        }}
        title={draft?.id ? t.edit : t.new}
      >
        <form id="preset-form" className="preset-form" onSubmit={save} noValidate>
          <Field label={t.name} error={errors.name}>
            {(control) => <TextInput {...control} {...input('name')} />}
          </Field>
          <Field label={t.systemPrompt} error={errors.systemPrompt}>
            {(control) => <TextArea {...control} rows={5} {...input('systemPrompt')} />}
          </Field>
          <Field label={t.model} error={errors.model}>
            {(control) => (
              <TextInput {...control} spellCheck={false} list="default-model-options" {...input('model')} />
            )}
          </Field>
          <div className="settings-row">
            <Field label={t.temperature} error={errors.temperature}>
              {(control) => (
                <TextInput {...control} type="number" step="any" min={0} max={2} {...input('temperature')} />
              )}
            </Field>
            <Field label={t.maxTokens} error={errors.maxTokens}>
              {(control) => <TextInput {...control} type="number" step={1} min={1} {...input('maxTokens')} />}
            </Field>
          </div>
          <div className="settings-actions settings-actions--end">
            <Button onClick={() => setDraft(null)}>{t.cancel}</Button>
            <Button type="submit" variant="primary">
              {t.save}
            </Button>
          </div>
        </form>
      </Dialog>
    </SettingsSection>
  )
}
