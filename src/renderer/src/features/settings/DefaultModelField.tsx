import { useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { Settings } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { Field } from '../../ui/Field'
import { ModelPicker } from '../models/ModelPicker'
import type { SaveSettings } from './use-settings-save'

/**
 * The model new chats start with, on the same searchable picker as the chat header (the gateway's
 * models by name, with prices; a free id with a warning), saved when chosen like every other field.
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
  const [error, setError] = useState<string | undefined>()
  return (
    <Field
      id="settings-default-model"
      label={strings.settings.defaultModel}
      hint={strings.settingsPage.defaultModelHint}
      error={error}
    >
      {(control) => (
        <ModelPicker
          api={api}
          value={settings.defaultModel}
          hasKey={hasKey}
          prices={settings.prices}
          onChange={(model) =>
            void save({ defaultModel: model }, strings.settings.defaultModel).then((result) =>
              setError(result.ok ? undefined : (result.errors.defaultModel ?? Object.values(result.errors)[0])),
            )
          }
          {...control}
        />
      )}
    </Field>
  )
}
