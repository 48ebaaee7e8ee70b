import { useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { Settings, SettingsView } from '../../../../shared/settings'
import { strings } from '../../i18n'

interface AppearanceSectionProps {
  api: Api
  settings: SettingsView
  onSettingsChange(settings: SettingsView): void
}

const themes = ['system', 'light', 'dark'] as const
const languages = ['system', 'en', 'vi'] as const

/** Theme and language, applied as soon as they are picked (and saved by main). */
export function AppearanceSection({ api, settings, onSettingsChange }: AppearanceSectionProps) {
  const t = strings.settings
  const [error, setError] = useState<string | null>(null)
  const save = async (patch: Partial<Pick<Settings, 'theme' | 'language'>>) => {
    const result = await api.settings.set(patch)
    if (!result.ok) return setError(strings.errors[result.error.kind])
    setError(null)
    onSettingsChange(result.value)
  }
  return (
    <section className="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title">{t.appearanceSection}</h2>
      <label>
        <span>{t.theme}</span>
        <select
          value={settings.settings.theme}
          onChange={(event) => void save({ theme: event.target.value as Settings['theme'] })}
        >
          {themes.map((theme) => (
            <option key={theme} value={theme}>
              {t.themeOptions[theme]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.language}</span>
        <select
          value={settings.settings.language}
          onChange={(event) => void save({ language: event.target.value as Settings['language'] })}
        >
          {languages.map((language) => (
            <option key={language} value={language} lang={language === 'system' ? undefined : language}>
              {t.languageOptions[language]}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  )
}
