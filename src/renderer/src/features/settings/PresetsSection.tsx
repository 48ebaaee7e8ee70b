import { useEffect, useState, type FormEvent } from 'react'
import type { Api } from '../../../../shared/api'
import type { Preset } from '../../../../shared/presets'
import { strings } from '../../i18n'
import './settings-extra.css'
import { numberText, parseOptionalNumber } from './number-field'
import { errorText, SaveNoticeLine, type SaveNotice } from './save-notice'

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

/** The user's presets (the shipped ones included): create, edit, delete. */
export function PresetsSection({ api }: { api: Api }) {
  const t = strings.presets
  const [presets, setPresets] = useState<Preset[]>([])
  const [draft, setDraft] = useState<Draft | null>(null)
  const [notice, setNotice] = useState<SaveNotice>(null)

  useEffect(() => {
    void api.presets.list().then((result) => {
      if (result.ok) setPresets(result.value)
    })
  }, [api])

  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    const temperature = parseOptionalNumber(draft.temperature)
    const maxTokens = parseOptionalNumber(draft.maxTokens)
    if (temperature === 'invalid')
      return setNotice({ kind: 'error', text: strings.preferences.notANumber(t.temperature) })
    if (maxTokens === 'invalid') return setNotice({ kind: 'error', text: strings.preferences.notANumber(t.maxTokens) })
    const result = await api.presets.save({
      ...(draft.id ? { id: draft.id } : {}),
      name: draft.name,
      systemPrompt: draft.systemPrompt,
      ...(draft.model.trim() ? { model: draft.model.trim() } : {}),
      ...(temperature === null ? {} : { temperature }),
      ...(maxTokens === null ? {} : { maxTokens }),
    })
    if (!result.ok) return setNotice({ kind: 'error', text: errorText(result.error) })
    const saved = result.value
    setPresets((current) =>
      current.some((preset) => preset.id === saved.id)
        ? current.map((preset) => (preset.id === saved.id ? saved : preset))
        : [...current, saved],
    )
    setDraft(null)
    setNotice({ kind: 'ok', text: t.saved })
  }

  const remove = async (preset: Preset) => {
    const result = await api.presets.delete({ id: preset.id })
    if (!result.ok) return setNotice({ kind: 'error', text: errorText(result.error) })
    setPresets((current) => current.filter((other) => other.id !== preset.id))
    setNotice({ kind: 'ok', text: t.deleted(preset.name) })
  }

  const field = (key: keyof Draft) => ({
    value: draft?.[key] ?? '',
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => (current ? { ...current, [key]: event.target.value } : current)),
  })

  return (
    <section className="card presets" aria-labelledby="presets-title">
      <h2 id="presets-title">{t.section}</h2>
      <p className="hint">{t.explain}</p>
      <ul className="preset-list">
        {presets.map((preset) => (
          <li key={preset.id}>
            <span className="preset-name">{preset.name}</span>
            <button type="button" onClick={() => setDraft(draftOf(preset))} aria-label={`${t.edit} ${preset.name}`}>
              {t.edit}
            </button>
            <button type="button" onClick={() => void remove(preset)} aria-label={`${t.delete} ${preset.name}`}>
              {t.delete}
            </button>
          </li>
        ))}
      </ul>
      {draft ? (
        <form onSubmit={save} className="preset-form" aria-label={draft.id ? t.edit : t.new}>
          <label>
            <span>{t.name}</span>
            <input {...field('name')} />
          </label>
          <label>
            <span>{t.systemPrompt}</span>
            <textarea rows={4} {...field('systemPrompt')} />
          </label>
          <div className="field-row">
            <label>
              <span>{t.model}</span>
              <input list="model-options" spellCheck={false} {...field('model')} />
            </label>
            <label>
              <span>{t.temperature}</span>
              <input inputMode="decimal" {...field('temperature')} />
            </label>
            <label>
              <span>{t.maxTokens}</span>
              <input inputMode="numeric" {...field('maxTokens')} />
            </label>
          </div>
          <div className="actions">
            <button type="submit">{t.save}</button>
            <button type="button" onClick={() => setDraft(null)}>
              {t.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setDraft(emptyDraft)}>
            {t.new}
          </button>
        </div>
      )}
      <SaveNoticeLine notice={notice} />
    </section>
  )
}
