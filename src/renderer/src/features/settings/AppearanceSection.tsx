import type { Settings } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { Field } from '../../ui/Field'
import { Select } from '../../ui/Select'
import { showToast } from '../../ui/toast-store'
import { SettingsSection } from './SettingsSection'
import type { SaveSettings } from './use-settings-save'

const themes = ['system', 'light', 'dark'] as const
const languages = ['system', 'en', 'vi'] as const

/** Theme and language, applied and saved as soon as they are picked. */
export function AppearanceSection({ id, settings, save }: { id: string; settings: Settings; save: SaveSettings }) {
  const t = strings.settings
  const choose = async (patch: Partial<Pick<Settings, 'theme' | 'language'>>, label: string) => {
    const result = await save(patch, label)
    if (!result.ok) showToast({ key: 'settings-saved', title: Object.values(result.errors)[0]!, tone: 'error' })
  }
  return (
    <SettingsSection id={id} title={strings.settingsPage.sections.appearance}>
      <div className="settings-row">
        <Field label={t.theme}>
          {(control) => (
            <Select
              {...control}
              value={settings.theme}
              options={themes.map((theme) => ({ value: theme, label: t.themeOptions[theme] }))}
              onValueChange={(value) => void choose({ theme: value as Settings['theme'] }, t.theme)}
            />
          )}
        </Field>
        <Field label={t.language}>
          {(control) => (
            <Select
              {...control}
              value={settings.language}
              options={languages.map((language) => ({ value: language, label: t.languageOptions[language] }))}
              onValueChange={(value) => void choose({ language: value as Settings['language'] }, t.language)}
            />
          )}
        </Field>
      </div>
    </SettingsSection>
  )
}
