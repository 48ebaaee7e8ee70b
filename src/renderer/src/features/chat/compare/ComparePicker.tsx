import { useEffect, useId, useState } from 'react'
import type { Api } from '../../../../../shared/api'
import type { ModelInfo } from '../../../../../shared/contract'
import { friendlyModelName } from '../../../../../shared/models'
import { strings } from '../../../i18n'
import { formatNumber } from '../../../i18n/format'
import './compare.css'

export const maxCompared = 4

/** The models a question goes to in Compare: 2 to 4, picked from the gateway's list. */
export function ComparePicker(props: { api: Api; picked: string[]; onChange(models: string[]): void }) {
  const { api, picked, onChange } = props
  const [models, setModels] = useState<ModelInfo[]>([])
  const hint = useId()
  useEffect(() => {
    let current = true
    void api.models.list().then((result) => {
      if (current && result.ok) setModels(result.value)
    })
    return () => {
      current = false
    }
  }, [api])
  return (
    <fieldset className="compare-picker" aria-describedby={hint}>
      <legend>{strings.compare.pickModels}</legend>
      <div className="compare-picker-models">
        {models.map((model) => {
          const checked = picked.includes(model.id)
          return (
            <label key={model.id} className="compare-picker-model">
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && picked.length >= maxCompared}
                onChange={() => onChange(checked ? picked.filter((id) => id !== model.id) : [...picked, model.id])}
              />
              {friendlyModelName(model.id)}
            </label>
          )
        })}
      </div>
      <p id={hint} className="compare-picker-hint">
        {strings.compare.pickedCount(formatNumber(picked.length), formatNumber(maxCompared))}
      </p>
    </fieldset>
  )
}
