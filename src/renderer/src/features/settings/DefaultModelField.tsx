import { useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { ModelInfo } from '../../../../shared/contract'
import { knownModels } from '../../../../shared/models'
import type { Settings } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { SettingField } from './SettingField'
import type { SaveSettings } from './use-settings-save'

const optionsId = 'default-model-options'

/**
 * The model new chats start with: the gateway's models as suggestions, any id typed freely. Kept
 * apart so the header's searchable model picker can take its place without touching the page.
 */
export function DefaultModelField({
  api,
  settings,
  save,
  hasKey,
}: {
  api: Api
  settings: Settings
  save: SaveSettings
  hasKey: boolean
}) {
  const [models, setModels] = useState<ModelInfo[]>(() => knownModels.map((known) => ({ ...known })))
  useEffect(() => {
    let current = true
    void api.models.list().then((result) => {
      if (current && result.ok && result.value.length) setModels(result.value)
    })
    return () => {
      current = false
    }
  }, [api, hasKey])
  return (
    <>
      <SettingField
        name="defaultModel"
        kind="text"
        label={strings.settings.defaultModel}
        hint={strings.settingsPage.defaultModelHint}
        settings={settings}
        save={save}
        list={optionsId}
      />
      <datalist id={optionsId}>
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name}
          </option>
        ))}
      </datalist>
    </>
  )
}
