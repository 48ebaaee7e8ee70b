import { useEffect, useState, type FormEvent } from 'react'
import type { Api } from '../../../../shared/api'
import type { Conversation, ConversationOverrides } from '../../../../shared/history'
import type { Preset } from '../../../../shared/presets'
import type { Settings } from '../../../../shared/settings'
import { strings } from '../../i18n'
import './settings-extra.css'
import { numberText, parseOptionalNumber } from './number-field'

interface Props {
  api: Api
  /** null for a new chat: the settings are then kept as a draft and sent with its first message. */
  conversation: Conversation | null
  draft: ConversationOverrides
  onDraftChange(overrides: ConversationOverrides): void
  defaults: Settings
  onClose(): void
}

/**
 * Model, temperature, max tokens and system prompt for one conversation, winning over the
 * defaults; a preset fills the fields in one go. Saved through `history:setOverrides`.
 */
export function ConversationSettingsPanel({ api, conversation, draft, onDraftChange, defaults, onClose }: Props) {
  const t = strings.conversationSettings
  const overrides = conversation?.overrides ?? draft
  const [presets, setPresets] = useState<Preset[]>([])
  const [model, setModel] = useState(overrides.model ?? '')
  const [temperature, setTemperature] = useState(numberText(overrides.temperature))
  const [maxTokens, setMaxTokens] = useState(numberText(overrides.maxTokens))
  const [systemPrompt, setSystemPrompt] = useState(overrides.systemPrompt ?? '')
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)

  useEffect(() => {
    void api.presets.list().then((result) => {
      if (result.ok) setPresets(result.value)
    })
  }, [api])

  const applyPreset = (id: string) => {
    const preset = presets.find((candidate) => candidate.id === id)
    if (!preset) return
    setSystemPrompt(preset.systemPrompt)
    setTemperature(numberText(preset.temperature))
    setMaxTokens(numberText(preset.maxTokens))
    if (preset.model) setModel(preset.model)
  }

  const save = async (next: ConversationOverrides) => {
    if (!conversation) {
      onDraftChange(next)
      return setNotice({ kind: 'ok', text: t.savedDraft })
    }
    const result = await api.history.setOverrides({ conversationId: conversation.id, overrides: next })
    setNotice(
      result.ok
        ? { kind: 'ok', text: t.saved }
        : {
            kind: 'error',
            text: result.error.kind === 'invalid_payload' ? result.error.message : strings.errors[result.error.kind],
          },
    )
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsedTemperature = parseOptionalNumber(temperature)
    const parsedMaxTokens = parseOptionalNumber(maxTokens)
    if (parsedTemperature === 'invalid')
      return setNotice({ kind: 'error', text: strings.preferences.notANumber(t.temperature) })
    if (parsedMaxTokens === 'invalid')
      return setNotice({ kind: 'error', text: strings.preferences.notANumber(t.maxTokens) })
    void save({
      ...(model.trim() ? { model: model.trim() } : {}),
      ...(parsedTemperature === null ? {} : { temperature: parsedTemperature }),
      ...(parsedMaxTokens === null ? {} : { maxTokens: parsedMaxTokens }),
      ...(systemPrompt.trim() ? { systemPrompt } : {}),
    })
  }

  const clear = () => {
    setModel('')
    setTemperature('')
    setMaxTokens('')
    setSystemPrompt('')
    void save({})
  }

  return (
    <form className="card conversation-settings" onSubmit={submit} aria-labelledby="conversation-settings-title">
      <h2 id="conversation-settings-title">{t.title}</h2>
      <p className="hint">{t.explain}</p>
      <label>
        <span>{t.preset}</span>
        <select value="" onChange={(event) => applyPreset(event.target.value)}>
          <option value="">{t.choosePreset}</option>
          {presets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.model}</span>
        <input
          list="model-options"
          spellCheck={false}
          value={model}
          placeholder={defaults.defaultModel}
          onChange={(event) => setModel(event.target.value)}
        />
      </label>
      <label>
        <span>{t.temperature}</span>
        <input
          inputMode="decimal"
          value={temperature}
          placeholder={t.defaultHint(numberText(defaults.temperature) || t.noDefault)}
          onChange={(event) => setTemperature(event.target.value)}
        />
      </label>
      <label>
        <span>{t.maxTokens}</span>
        <input
          inputMode="numeric"
          value={maxTokens}
          placeholder={t.defaultHint(numberText(defaults.maxTokens) || t.noDefault)}
          onChange={(event) => setMaxTokens(event.target.value)}
        />
      </label>
      <label>
        <span>{t.systemPrompt}</span>
        <textarea
          rows={4}
          value={systemPrompt}
          placeholder={defaults.systemPrompt}
          onChange={(event) => setSystemPrompt(event.target.value)}
        />
      </label>
      <div className="actions">
        <button type="submit">{t.save}</button>
        <button type="button" onClick={clear}>
          {t.clear}
        </button>
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
      {notice ? (
        <p className={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
    </form>
  )
}
