import type { Api } from '../../../../shared/api'
import { friendlyModelName, readsImages } from '../../../../shared/models'
import type { Settings } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { Switch } from '../../ui/Switch'
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
      <Switch
        label={strings.attachments.settings.readsImages(friendlyModelName(settings.defaultModel))}
        hint={strings.attachments.settings.readsImagesHint}
        checked={readsImages(settings.defaultModel, settings.modelReadsImages)}
        onCheckedChange={(value) =>
          void save(
            { modelReadsImages: { ...settings.modelReadsImages, [settings.defaultModel]: value } },
            strings.attachments.settings.readsImages(friendlyModelName(settings.defaultModel)),
          )
        }
      />
      <Switch
        label={strings.attachments.settings.keepOriginalImages}
        hint={strings.attachments.settings.keepOriginalImagesHint}
        checked={settings.keepOriginalImages}
        onCheckedChange={(keepOriginalImages) =>
          void save({ keepOriginalImages }, strings.attachments.settings.keepOriginalImages)
        }
      />
    </SettingsSection>
  )
}
