import { useState, type FormEvent } from 'react'
import type { Api } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { KeyStatus } from '../../../../shared/key-status'
import type { SettingsView as SettingsData } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { PreferencesSection } from './PreferencesSection'
import { PresetsSection } from './PresetsSection'
import { PricesSection } from './PricesSection'

interface SettingsViewProps {
  api: Api
  settings: SettingsData
  keyStatus: KeyStatus
  onSettingsChange(settings: SettingsData): void
  onKeyStatusChange(status: KeyStatus): void
}

type Notice = { kind: 'ok'; text: string } | { kind: 'error'; text: string }

function errorNotice(error: AppError): Notice {
  // Validation messages name the field; other kinds have their own sentence.
  return { kind: 'error', text: error.kind === 'invalid_payload' ? error.message : strings.errors[error.kind] }
}

export function SettingsView({ api, settings, keyStatus, onSettingsChange, onKeyStatusChange }: SettingsViewProps) {
  const t = strings.settings
  const [key, setKey] = useState('')
  const [baseURL, setBaseURL] = useState(settings.settings.baseURL ?? '')
  const [defaultModel, setDefaultModel] = useState(settings.settings.defaultModel)
  const [keyNotice, setKeyNotice] = useState<Notice | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)

  const saveKey = async (event: FormEvent) => {
    event.preventDefault()
    const result = await api.key.set({ key })
    if (!result.ok) return setKeyNotice(errorNotice(result.error))
    setKey('')
    onKeyStatusChange(result.value)
    setKeyNotice({ kind: 'ok', text: t.keySaved })
  }

  const clearKey = async () => {
    const result = await api.key.clear()
    if (!result.ok) return setKeyNotice(errorNotice(result.error))
    onKeyStatusChange(result.value)
    setKeyNotice({ kind: 'ok', text: t.keyRemoved })
  }

  const saveSettings = async (event: FormEvent) => {
    event.preventDefault()
    const result = await api.settings.set({ baseURL: baseURL.trim() || null, defaultModel })
    if (!result.ok) return setNotice(errorNotice(result.error))
    onSettingsChange(result.value)
    setNotice({ kind: 'ok', text: t.saved })
    // A new gateway address may leave the key bound to the old one: the key card says so at once.
    const status = await api.key.status()
    if (status.ok) onKeyStatusChange(status.value)
  }

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t.title}</h1>

      <form onSubmit={saveKey} className="card">
        <h2>{t.keySection}</h2>
        <p role="status">
          {t.keyStatus[keyStatus.source]} {t.protection[keyStatus.protection]}
        </p>
        {keyStatus.unreadableStoredKey ? <p className="warning">{t.unreadableKey}</p> : null}
        {keyStatus.originChanged ? (
          <p className="warning" role="alert">
            {t.keyOriginChanged(keyStatus.originChanged.savedFor, keyStatus.originChanged.inUse)}
          </p>
        ) : null}
        <label>
          <span>{t.apiKey}</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(event) => setKey(event.target.value)}
          />
        </label>
        <div className="actions">
          <button type="submit" disabled={!key.trim()}>
            {t.saveKey}
          </button>
          {keyStatus.source === 'stored' || keyStatus.unreadableStoredKey ? (
            <button type="button" onClick={() => void clearKey()}>
              {t.clearKey}
            </button>
          ) : null}
        </div>
        {keyNotice ? (
          <p className={keyNotice.kind} role={keyNotice.kind === 'error' ? 'alert' : 'status'}>
            {keyNotice.text}
          </p>
        ) : null}
      </form>

      <form onSubmit={saveSettings} className="card">
        <h2>{t.gatewaySection}</h2>
        <label>
          <span>{t.baseURL}</span>
          <input
            type="url"
            placeholder="https://api.holysheep.ai/v1"
            spellCheck={false}
            value={baseURL}
            onChange={(event) => setBaseURL(event.target.value)}
          />
        </label>
        <p className="hint">
          {settings.baseURLSource === 'environment'
            ? t.baseURLFromEnv(settings.effectiveBaseURL)
            : `${t.baseURLHint} ${t.inUse(settings.effectiveBaseURL)}`}
        </p>
        <label>
          <span>{t.defaultModel}</span>
          <input
            list="model-options"
            spellCheck={false}
            value={defaultModel}
            onChange={(event) => setDefaultModel(event.target.value)}
          />
        </label>
        <div className="actions">
          <button type="submit">{t.save}</button>
        </div>
        {notice ? (
          <p className={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </p>
        ) : null}
      </form>

      <PreferencesSection api={api} settings={settings} onSettingsChange={onSettingsChange} />
      <PresetsSection api={api} />
      <PricesSection api={api} settings={settings} onSettingsChange={onSettingsChange} />
    </section>
  )
}
