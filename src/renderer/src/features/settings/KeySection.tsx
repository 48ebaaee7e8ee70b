import { useState, type FormEvent } from 'react'
import type { Api } from '../../../../shared/api'
import type { KeyStatus } from '../../../../shared/key-status'
import type { SettingsView as SettingsData } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'
import { Spinner } from '../../ui/Spinner'
import { checkAndSaveKey, keyFailure } from './key-check'
import { KeyInput } from './KeyInput'
import { SettingField } from './SettingField'
import { SettingsSection } from './SettingsSection'
import type { SaveSettings } from './use-settings-save'

interface Props {
  id: string
  api: Api
  settings: SettingsData
  keyStatus: KeyStatus
  save: SaveSettings
  onKeyStatusChange(status: KeyStatus): void
}

type KeyState = { kind: 'idle' | 'checking' } | { kind: 'saved'; text: string } | { kind: 'failed'; text: string }

/**
 * Key and gateway: the key is checked with the gateway when saved (as onboarding does), or saved
 * unchecked when the gateway cannot be reached; the base URL is saved like every other field.
 */
export function KeySection({ id, api, settings, keyStatus, save, onKeyStatusChange }: Props) {
  const t = strings.settings
  const p = strings.settingsPage
  const [key, setKey] = useState('')
  const [state, setState] = useState<KeyState>({ kind: 'idle' })

  const store = async (check: boolean) => {
    setState({ kind: 'checking' })
    const result = await checkAndSaveKey(api, key, { baseURL: null, check })
    if (!result.ok) return setState({ kind: 'failed', text: result.failure.text })
    setKey('')
    onKeyStatusChange(result.status)
    setState({ kind: 'saved', text: t.keySaved })
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void store(true)
  }
  const clearKey = async () => {
    const result = await api.key.clear()
    if (!result.ok) return setState({ kind: 'failed', text: keyFailure(result.error).text })
    onKeyStatusChange(result.value)
    setState({ kind: 'saved', text: t.keyRemoved })
  }
  // A new gateway address may leave the key bound to the old one: the section says so at once.
  const refreshKeyStatus = async () => {
    const status = await api.key.status()
    if (status.ok) onKeyStatusChange(status.value)
  }

  const checking = state.kind === 'checking'
  return (
    <SettingsSection id={id} title={p.sections.key}>
      <p className="settings-status" role="status">
        {t.keyStatus[keyStatus.source]} {t.protection[keyStatus.protection]}
      </p>
      {keyStatus.unreadableStoredKey ? <p className="settings-warning">{t.unreadableKey}</p> : null}
      {keyStatus.originChanged ? (
        <p className="settings-warning" role="alert">
          {t.keyOriginChanged(keyStatus.originChanged.savedFor, keyStatus.originChanged.inUse)}
        </p>
      ) : null}
      <form className="settings-key" onSubmit={submit}>
        <Field label={t.apiKey} hint={p.keyHint} error={state.kind === 'failed' ? state.text : null}>
          {(control) => (
            <KeyInput
              control={control}
              value={key}
              onChange={(value) => {
                setKey(value)
                if (state.kind !== 'checking') setState({ kind: 'idle' })
              }}
            />
          )}
        </Field>
        <div className="settings-actions">
          <Button
            type="submit"
            variant="primary"
            disabled={!key.trim() || checking}
            icon={checking ? <Spinner /> : undefined}
          >
            {p.checkAndSave}
          </Button>
          <Button variant="ghost" disabled={!key.trim() || checking} onClick={() => void store(false)}>
            {p.saveUnchecked}
          </Button>
          {keyStatus.source === 'stored' || keyStatus.unreadableStoredKey ? (
            <Button variant="ghost" onClick={() => void clearKey()}>
              {t.clearKey}
            </Button>
          ) : null}
        </div>
        <p className="settings-hint">{p.saveUncheckedHint}</p>
        {checking ? (
          <p className="settings-hint" role="status">
            {p.keyChecking}
          </p>
        ) : null}
        {state.kind === 'saved' ? (
          <p className="settings-saved" role="status">
            {state.text}
          </p>
        ) : null}
      </form>
      <SettingField
        name="baseURL"
        kind="optional-text"
        type="url"
        label={t.baseURL}
        placeholder="https://api.holysheep.ai/v1"
        hint={
          settings.baseURLSource === 'environment'
            ? t.baseURLFromEnv(settings.effectiveBaseURL)
            : `${t.baseURLHint} ${t.inUse(settings.effectiveBaseURL)}`
        }
        settings={settings.settings}
        save={save}
        onSaved={() => void refreshKeyStatus()}
      />
    </SettingsSection>
  )
}
