import { memo, useEffect, useState, type FormEvent } from 'react'
import { Switch } from '../../ui/Switch'
import type { Api } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { ConversationOverrides } from '../../../../shared/history'
import type { Preset } from '../../../../shared/presets'
import type { Settings } from '../../../../shared/settings'
import { formatNumber } from '../../i18n/format'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { Field, TextArea, TextInput } from '../../ui/Field'
import { ChevronDown } from '../../ui/icons'
import { Menu } from '../../ui/Menu'
import { showToast } from '../../ui/toast-store'
import { ModelPicker } from '../models/ModelPicker'
import './conversation-settings.css'

interface Props {
  open: boolean
  onOpenChange(open: boolean): void
  api: Api
  hasKey: boolean
  /** True for a new chat: what is saved is kept as its draft and stored by its first message. */
  isNew: boolean
  /** The conversation's current overrides (the same ones the header's picker shows). */
  overrides: ConversationOverrides
  /** The model shown in the header: the conversation's, or the default for one without. */
  model: string
  defaults: Settings
  onSave(next: ConversationOverrides): Promise<AppError | null>
}

type FieldErrors = Partial<Record<'temperature' | 'maxTokens', string>>

/** A number as typed (a comma is a decimal point too); empty is "use the default". */
function parseNumber(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.')
  if (!trimmed) return null
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : 'invalid'
}

const asText = (value: number | undefined) => (value === undefined ? '' : String(value))
/** A default shown in the user's number format, with its own decimals (0.7 is "0,7" in Vietnamese). */
const formatDefault = (value: number) => formatNumber(value, String(value).split('.')[1]?.length ?? 0)

/**
 * "Prompt and parameters": model, temperature, max tokens and system prompt for one conversation,
 * winning over the defaults in Settings; a preset fills the fields in one go. A dialog, so the
 * transcript keeps its place; errors show beside their fields, in the user's language.
 */
export const ConversationSettingsPanel = memo(function ConversationSettingsPanel(props: Props) {
  return (
    <Dialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={strings.conversationSettings.title}
      description={strings.conversationSettings.explain}
      size="md"
      initialFocus="content"
    >
      {/* Mounted only while open, so each opening starts from what is stored. */}
      {props.open ? <SettingsForm {...props} /> : null}
    </Dialog>
  )
})

function SettingsForm({ api, hasKey, isNew, overrides, model: shownModel, defaults, onSave, onOpenChange }: Props) {
  const t = strings.conversationSettings
  const [presets, setPresets] = useState<Preset[]>([])
  const [model, setModel] = useState(shownModel)
  const [temperature, setTemperature] = useState(asText(overrides.temperature))
  const [maxTokens, setMaxTokens] = useState(asText(overrides.maxTokens))
  const [systemPrompt, setSystemPrompt] = useState(overrides.systemPrompt ?? '')
  // Tools: the conversation's own choice, else the Settings default (shown, saved only when it differs).
  const [tools, setTools] = useState(overrides.tools ?? defaults.tools.enabledByDefault)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    void api.presets.list().then((result) => {
      if (result.ok) setPresets(result.value)
    })
  }, [api])

  const applyPreset = (preset: Preset) => {
    setSystemPrompt(preset.systemPrompt)
    setTemperature(asText(preset.temperature))
    setMaxTokens(asText(preset.maxTokens))
    if (preset.model) setModel(preset.model)
    setErrors({})
  }

  const store = async (next: ConversationOverrides) => {
    setSaving(true)
    const error = await onSave(next)
    setSaving(false)
    if (error) return setFailure(strings.errors[error.kind])
    showToast({ key: 'conversation-settings', tone: 'success', title: isNew ? t.savedDraft : t.saved })
    onOpenChange(false)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsedTemperature = parseNumber(temperature)
    const parsedMaxTokens = parseNumber(maxTokens)
    const found: FieldErrors = {}
    if (parsedTemperature === 'invalid') found.temperature = t.notANumber
    else if (parsedTemperature !== null && (parsedTemperature < 0 || parsedTemperature > 2))
      found.temperature = t.temperatureRange
    if (parsedMaxTokens === 'invalid') found.maxTokens = t.notANumber
    else if (
      parsedMaxTokens !== null &&
      (!Number.isInteger(parsedMaxTokens) || parsedMaxTokens < 1 || parsedMaxTokens > 1_000_000)
    )
      found.maxTokens = t.maxTokensRange
    setErrors(found)
    setFailure(null)
    if (Object.keys(found).length > 0) return
    void store({
      ...(model.trim() ? { model: model.trim() } : {}),
      ...(typeof parsedTemperature === 'number' ? { temperature: parsedTemperature } : {}),
      ...(typeof parsedMaxTokens === 'number' ? { maxTokens: parsedMaxTokens } : {}),
      ...(systemPrompt.trim() ? { systemPrompt } : {}),
      ...(tools !== defaults.tools.enabledByDefault ? { tools } : {}),
    })
  }

  return (
    <form className="conversation-settings" onSubmit={submit} noValidate>
      <Menu
        align="start"
        label={t.preset}
        trigger={
          <Button className="conversation-settings__preset" icon={<ChevronDown size={16} aria-hidden />}>
            {t.preset}
          </Button>
        }
        items={presets.map((preset) => ({ label: preset.name, onSelect: () => applyPreset(preset) }))}
      />
      <Field label={t.model} hint={strings.models.newChatsUseDefault}>
        {(control) => (
          <ModelPicker
            api={api}
            hasKey={hasKey}
            value={model}
            onChange={setModel}
            prices={defaults.prices}
            {...control}
          />
        )}
      </Field>
      <div className="conversation-settings__row">
        <Field
          label={t.temperature}
          error={errors.temperature}
          hint={t.defaultHint(defaults.temperature === null ? t.noDefault : formatDefault(defaults.temperature))}
        >
          {(control) => (
            <TextInput
              {...control}
              inputMode="decimal"
              value={temperature}
              onChange={(event) => setTemperature(event.target.value)}
            />
          )}
        </Field>
        <Field
          label={t.maxTokens}
          error={errors.maxTokens}
          hint={t.defaultHint(defaults.maxTokens === null ? t.noDefault : formatDefault(defaults.maxTokens))}
        >
          {(control) => (
            <TextInput
              {...control}
              inputMode="numeric"
              value={maxTokens}
              onChange={(event) => setMaxTokens(event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label={t.systemPrompt}>
        {(control) => (
          <TextArea
            {...control}
            rows={4}
            value={systemPrompt}
            placeholder={defaults.systemPrompt}
            onChange={(event) => setSystemPrompt(event.target.value)}
          />
        )}
      </Field>
      <Switch
        checked={tools}
        onCheckedChange={setTools}
        label={strings.tools.conversationSwitch}
        hint={strings.tools.conversationSwitchHint}
      />
      {failure ? (
        <p className="conversation-settings__failure" role="alert">
          {failure}
        </p>
      ) : null}
      <footer className="conversation-settings__footer">
        <Button variant="ghost" disabled={saving} onClick={() => void store({})}>
          {t.clear}
        </Button>
        <span className="conversation-settings__spacer" />
        <Button onClick={() => onOpenChange(false)}>{strings.ui.cancel}</Button>
        <Button type="submit" variant="primary" disabled={saving}>
          {t.save}
        </Button>
      </footer>
    </form>
  )
}
