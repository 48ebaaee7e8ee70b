import { memo } from 'react'
import type { Api } from '../../../../shared/api'
import { useModels } from './use-models'

/**
 * The model ids as a `<datalist id="model-options">`, for the plain text fields that still suggest
 * from it (the presets' model field in Settings) until they move onto ModelPicker. The chat view
 * stays mounted while Settings is open, so the list is there for them.
 */
export const ModelDatalist = memo(function ModelDatalist({ api, hasKey }: { api: Api; hasKey: boolean }) {
  const { models } = useModels(api, hasKey)
  return (
    <datalist id="model-options">
      {models.map((model) => (
        <option key={model.id} value={model.id}>
          {model.name}
        </option>
      ))}
    </datalist>
  )
})
