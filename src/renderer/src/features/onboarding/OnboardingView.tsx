import { useState, type FormEvent } from 'react'
import type { Api } from '../../../../shared/api'
import type { KeyStatus } from '../../../../shared/key-status'
import type { SettingsView as SettingsData } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { Field, TextInput } from '../../ui/Field'
import { Globe, KeyRound, Sparkles } from '../../ui/icons'
import { Spinner } from '../../ui/Spinner'
import { checkAndSaveKey, keyFailure, type KeyFailure } from '../settings/key-check'
import { KeyInput } from '../settings/KeyInput'
import './onboarding.css'

interface Props {
  api: Api
  keyStatus: KeyStatus
  settings: SettingsData
  onKeySaved(status: KeyStatus, settings: SettingsData): void
  onSkip(): void
}

/**
 * First run, no key: say what the app needs, ask for the key, try it with GET /models before saving
 * anything (Settings saves keys the same way), or let the user go on without one to read history.
 */
export function OnboardingView({ api, keyStatus, settings, onKeySaved, onSkip }: Props) {
  const t = strings.onboarding
  const [key, setKey] = useState('')
  const fromEnvironment = settings.baseURLSource === 'environment'
  const [baseURL, setBaseURL] = useState(settings.effectiveBaseURL)
  const [checking, setChecking] = useState(false)
  const [failure, setFailure] = useState<KeyFailure | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setChecking(true)
    setFailure(null)
    const typedURL = baseURL.trim().replace(/\/+$/, '')
    const changedURL = !fromEnvironment && typedURL !== settings.effectiveBaseURL ? typedURL : null
    let nextSettings = settings
    const result = await checkAndSaveKey(api, key, {
      baseURL: changedURL,
      check: true,
      // The address the key worked with is saved with it.
      afterCheck: async () => {
        if (!changedURL) return null
        const saved = await api.settings.set({ baseURL: changedURL })
        if (!saved.ok) return { ...keyFailure(saved.error), field: 'baseURL' }
        nextSettings = saved.value
        return null
      },
    })
    setChecking(false)
    if (!result.ok) return setFailure(result.failure)
    onKeySaved(result.status, nextSettings)
  }

  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <div className="onboarding__card">
        <div className="onboarding__brand">
          <span className="onboarding__mark" aria-hidden>
            <Sparkles />
          </span>
          <span className="onboarding__name">{strings.appName}</span>
        </div>
        <h1 id="onboarding-title" className="onboarding__title">
          {t.title}
        </h1>
        <p className="onboarding__intro">{t.intro}</p>
        <h2 className="onboarding__subtitle">{t.needsTitle}</h2>
        <ul className="onboarding__needs">
          <li>
            <KeyRound aria-hidden />
            <span>{t.needKey}</span>
          </li>
          <li>
            <Globe aria-hidden />
            <span>{t.needGateway}</span>
          </li>
        </ul>
        <form className="onboarding__form" onSubmit={submit} noValidate>
          <Field
            label={t.key}
            hint={strings.settings.protection[keyStatus.protection]}
            error={failure?.field === 'key' ? failure.text : null}
          >
            {(control) => <KeyInput control={control} value={key} onChange={setKey} autoFocus />}
          </Field>
          <Field
            label={t.baseURL}
            hint={fromEnvironment ? strings.settings.baseURLFromEnv(settings.effectiveBaseURL) : t.baseURLHint}
            error={failure?.field === 'baseURL' ? failure.text : null}
          >
            {(control) => (
              <TextInput
                {...control}
                type="url"
                spellCheck={false}
                value={baseURL}
                disabled={fromEnvironment}
                onChange={(event) => setBaseURL(event.target.value)}
              />
            )}
          </Field>
          <div className="onboarding__actions">
            <Button
              type="submit"
              variant="primary"
              disabled={!key.trim() || checking}
              icon={checking ? <Spinner /> : undefined}
            >
              {t.check}
            </Button>
            <Button variant="ghost" onClick={onSkip}>
              {t.skip}
            </Button>
          </div>
          {checking ? (
            <p className="onboarding__hint" role="status">
              {t.checking}
            </p>
          ) : (
            <p className="onboarding__hint">{t.skipHint}</p>
          )}
        </form>
      </div>
    </section>
  )
}
