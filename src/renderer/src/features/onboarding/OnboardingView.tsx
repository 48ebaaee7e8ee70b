import { useState, type FormEvent } from 'react'
import type { Api } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { KeyStatus } from '../../../../shared/key-status'
import type { SettingsView as SettingsData } from '../../../../shared/settings'
import { strings } from '../../i18n'
import './onboarding.css'

interface Props {
  api: Api
  keyStatus: KeyStatus
  settings: SettingsData
  onKeySaved(status: KeyStatus, settings: SettingsData): void
  onSkip(): void
}

function failureText(error: AppError): string {
  const failures = strings.onboarding.failures
  if (error.kind === 'invalid_key' || error.kind === 'forbidden') return failures.invalid_key
  if (error.kind === 'network') return `${failures.network} (${error.message})`
  if (error.kind === 'timeout') return failures.timeout
  if (error.kind === 'not_found' || error.kind === 'unknown_model') return failures.not_found
  if (error.kind === 'invalid_payload') return error.message
  return `${failures.other} ${strings.errors[error.kind]}`
}

/**
 * First run, no key: ask for it, try it with GET /models before saving anything, say how it will
 * be kept, or let the user go on without one to read their history offline.
 */
export function OnboardingView({ api, keyStatus, settings, onKeySaved, onSkip }: Props) {
  const t = strings.onboarding
  const [key, setKey] = useState('')
  const fromEnvironment = settings.baseURLSource === 'environment'
  const [baseURL, setBaseURL] = useState(settings.effectiveBaseURL)
  const [state, setState] = useState<{ kind: 'idle' | 'checking' } | { kind: 'failed'; text: string }>({
    kind: 'idle',
  })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setState({ kind: 'checking' })
    const typedURL = baseURL.trim().replace(/\/+$/, '')
    const changedURL = !fromEnvironment && typedURL !== settings.effectiveBaseURL ? typedURL : null
    const checked = await api.key.check({ key, baseURL: changedURL })
    if (!checked.ok) return setState({ kind: 'failed', text: failureText(checked.error) })
    let nextSettings = settings
    if (changedURL) {
      const saved = await api.settings.set({ baseURL: changedURL })
      if (!saved.ok) return setState({ kind: 'failed', text: failureText(saved.error) })
      nextSettings = saved.value
    }
    const stored = await api.key.set({ key })
    if (!stored.ok) return setState({ kind: 'failed', text: failureText(stored.error) })
    onKeySaved(stored.value, nextSettings)
  }

  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <form className="card" onSubmit={submit}>
        <h1 id="onboarding-title">{t.title}</h1>
        <p>{t.intro}</p>
        <label>
          <span>{t.key}</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(event) => setKey(event.target.value)}
            autoFocus
          />
        </label>
        <label>
          <span>{t.baseURL}</span>
          <input
            type="url"
            spellCheck={false}
            value={baseURL}
            disabled={fromEnvironment}
            onChange={(event) => setBaseURL(event.target.value)}
          />
        </label>
        <p className="hint">
          {fromEnvironment ? strings.settings.baseURLFromEnv(settings.effectiveBaseURL) : t.baseURLHint}
        </p>
        <h2>{t.protectionTitle}</h2>
        <p className="hint">{strings.settings.protection[keyStatus.protection]}</p>
        <div className="actions">
          <button type="submit" disabled={!key.trim() || state.kind === 'checking'}>
            {t.check}
          </button>
          <button type="button" onClick={onSkip}>
            {t.skip}
          </button>
        </div>
        {state.kind === 'checking' ? <p role="status">{t.checking}</p> : null}
        {state.kind === 'failed' ? (
          <p className="error" role="alert">
            {state.text}
          </p>
        ) : null}
      </form>
    </section>
  )
}
