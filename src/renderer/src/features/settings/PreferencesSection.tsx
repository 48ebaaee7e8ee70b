import { useEffect, useState, type FormEvent } from 'react'
import type { Api } from '../../../../shared/api'
import type { SettingsView as SettingsData } from '../../../../shared/settings'
import { strings } from '../../i18n'
import './settings-extra.css'
import { numberText, parseOptionalNumber } from './number-field'
import { errorText, SaveNoticeLine, type SaveNotice } from './save-notice'

interface Props {
  api: Api
  settings: SettingsData
  onSettingsChange(settings: SettingsData): void
}

/** Default answer parameters, streaming limits, the proxy and updates (language and theme: AppearanceSection). */
export function PreferencesSection({ api, settings, onSettingsChange }: Props) {
  const t = strings.preferences
  const current = settings.settings
  const [temperature, setTemperature] = useState(numberText(current.temperature))
  const [topP, setTopP] = useState(numberText(current.topP))
  const [maxTokens, setMaxTokens] = useState(numberText(current.maxTokens))
  const [systemPrompt, setSystemPrompt] = useState(current.systemPrompt)
  const [idleTimeout, setIdleTimeout] = useState(String(current.idleTimeoutSeconds))
  const [maxStreams, setMaxStreams] = useState(String(current.maxConcurrentStreams))
  const [totalTimeout, setTotalTimeout] = useState(String(current.totalTimeoutSeconds))
  const [maxAnswerChars, setMaxAnswerChars] = useState(String(current.maxAnswerChars))
  const [proxy, setProxy] = useState(current.proxy ?? '')
  const [autoUpdate, setAutoUpdate] = useState(current.autoUpdate)
  /** Whether this copy updates itself (the installed desktop app); null until main has said. */
  const [updatable, setUpdatable] = useState<boolean | null>(null)
  const [notice, setNotice] = useState<SaveNotice>(null)
  useEffect(() => {
    void api.app.updateStatus().then((result) => setUpdatable(result.ok ? result.value.supported : null))
  }, [api])

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const numbers = {
      temperature: [parseOptionalNumber(temperature), t.temperature],
      topP: [parseOptionalNumber(topP), t.topP],
      maxTokens: [parseOptionalNumber(maxTokens), t.maxTokens],
      idleTimeoutSeconds: [parseOptionalNumber(idleTimeout), t.idleTimeout],
      maxConcurrentStreams: [parseOptionalNumber(maxStreams), t.maxConcurrentStreams],
      totalTimeoutSeconds: [parseOptionalNumber(totalTimeout), t.totalTimeout],
      maxAnswerChars: [parseOptionalNumber(maxAnswerChars), t.maxAnswerChars],
    } as const
    for (const [value, label] of Object.values(numbers))
      if (value === 'invalid') return setNotice({ kind: 'error', text: t.notANumber(label) })
    const value = (key: keyof typeof numbers) => numbers[key][0] as number | null
    const result = await api.settings.set({
      temperature: value('temperature'),
      topP: value('topP'),
      maxTokens: value('maxTokens'),
      systemPrompt,
      idleTimeoutSeconds: value('idleTimeoutSeconds') ?? current.idleTimeoutSeconds,
      maxConcurrentStreams: value('maxConcurrentStreams') ?? current.maxConcurrentStreams,
      totalTimeoutSeconds: value('totalTimeoutSeconds') ?? current.totalTimeoutSeconds,
      maxAnswerChars: value('maxAnswerChars') ?? current.maxAnswerChars,
      proxy: proxy.trim() || null,
      autoUpdate,
    })
    if (!result.ok) return setNotice({ kind: 'error', text: errorText(result.error) })
    onSettingsChange(result.value)
    setNotice({ kind: 'ok', text: t.saved })
  }

  return (
    <form onSubmit={save} className="card preferences" aria-labelledby="preferences-title">
      <h2 id="preferences-title">{t.parametersSection}</h2>
      <p className="hint">{t.emptyMeansModel}</p>
      <div className="field-row">
        <label>
          <span>{t.temperature}</span>
          <input inputMode="decimal" value={temperature} onChange={(event) => setTemperature(event.target.value)} />
        </label>
        <label>
          <span>{t.topP}</span>
          <input inputMode="decimal" value={topP} onChange={(event) => setTopP(event.target.value)} />
        </label>
        <label>
          <span>{t.maxTokens}</span>
          <input inputMode="numeric" value={maxTokens} onChange={(event) => setMaxTokens(event.target.value)} />
        </label>
      </div>
      <label>
        <span>{t.systemPrompt}</span>
        <textarea rows={3} value={systemPrompt} onChange={(event) => setSystemPrompt(event.target.value)} />
      </label>

      <h2>{t.streamingSection}</h2>
      <div className="field-row">
        <label>
          <span>{t.idleTimeout}</span>
          <input inputMode="numeric" value={idleTimeout} onChange={(event) => setIdleTimeout(event.target.value)} />
        </label>
        <label>
          <span>{t.maxConcurrentStreams}</span>
          <input inputMode="numeric" value={maxStreams} onChange={(event) => setMaxStreams(event.target.value)} />
        </label>
      </div>
      <div className="field-row">
        <label>
          <span>{t.totalTimeout}</span>
          <input inputMode="numeric" value={totalTimeout} onChange={(event) => setTotalTimeout(event.target.value)} />
        </label>
        <label>
          <span>{t.maxAnswerChars}</span>
          <input
            inputMode="numeric"
            value={maxAnswerChars}
            onChange={(event) => setMaxAnswerChars(event.target.value)}
          />
        </label>
      </div>
      <label>
        <span>{t.proxy}</span>
        <input
          type="url"
          spellCheck={false}
          placeholder="http://127.0.0.1:3128"
          value={proxy}
          onChange={(event) => setProxy(event.target.value)}
        />
      </label>
      <p className="hint">
        {t.proxyHint} {t.proxyInUse(settings.proxySource, settings.effectiveProxy)}
      </p>

      <h2>{strings.updates.section}</h2>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={autoUpdate}
          onChange={(event) => setAutoUpdate(event.target.checked)}
        />
        <span>{strings.updates.autoUpdate}</span>
      </label>
      <p className="hint">{updatable === false ? strings.updates.desktopOnly : strings.updates.autoUpdateHint}</p>
      <div className="actions">
        <button type="submit">{t.save}</button>
      </div>
      <SaveNoticeLine notice={notice} />
    </form>
  )
}
