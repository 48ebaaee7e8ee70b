import { useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { ModelInfo } from '../../../../shared/contract'
import { knownModels } from '../../../../shared/models'
import { strings } from '../../i18n'
import './models.css'

/**
 * The model for the next message: the gateway's models (or, offline, the last list it gave) by
 * their friendly names, and any other id typed freely. The datalist is shared with Settings'
 * default-model field by its id.
 */
/** The picker's input, so an error about the model can send the user straight to it. */
export const modelPickerInputId = 'model-picker'

export function ModelPicker({
  api,
  value,
  onChange,
  hasKey,
}: {
  api: Api
  value: string
  onChange(model: string): void
  hasKey: boolean
}) {
  const [models, setModels] = useState<ModelInfo[]>(knownModels.map((known) => ({ ...known })))

  useEffect(() => {
    let current = true
    void api.models.list().then((result) => {
      if (current && result.ok && result.value.length) setModels(result.value)
    })
    return () => {
      current = false
    }
  }, [api, hasKey])

  // The friendly name of a known id, as the input's tooltip; the datalist shows every name.
  const known = models.find((model) => model.id === value)
  return (
    <label className="model-picker" title={known ? `${known.name} (${known.id})` : strings.models.customHint}>
      <span>{strings.chat.model}</span>
      <input
        id={modelPickerInputId}
        list="model-options"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
      />
      <datalist id="model-options">
        {models.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </datalist>
    </label>
  )
}
