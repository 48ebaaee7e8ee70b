import type { Api } from '../../../../shared/api'
import type { Settings } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { DefaultModelField } from './DefaultModelField'
import { SettingField } from './SettingField'
import { SettingsSection } from './SettingsSection'
import type { SaveSettings } from './use-settings-save'

/** Model and parameters: the default model and the answer parameters every conversation starts from. */
export function PreferencesSection({
  id,
  api,
  settings,
  save,
  hasKey,
}: {
  id: string
  api: Api
  settings: Settings
  save: SaveSettings
  hasKey: boolean
}) {
  const t = strings.preferences
  const common = { settings, save }
  return (
    <SettingsSection id={id} title={strings.settingsPage.sections.model} description={t.emptyMeansModel}>
      <DefaultModelField api={api} settings={settings} save={save} hasKey={hasKey} />
      <div className="settings-row">
        <SettingField {...common} name="temperature" kind="optional-number" label={t.temperature} min={0} max={2} />
        <SettingField {...common} name="topP" kind="optional-number" label={t.topP} min={0} max={1} />
        <SettingField {...common} name="maxTokens" kind="optional-number" label={t.maxTokens} min={1} step={1} />
      </div>
      <SettingField {...common} name="systemPrompt" kind="textarea" label={t.systemPrompt} />
    </SettingsSection>
  )
}
