import { useId, useMemo } from 'react'
import type { Api } from '../../../../shared/api'
import { defaultPriceTable, type PriceTable } from '../../../../shared/pricing'
import { strings } from '../../i18n'
import { Combobox, type ComboboxOption } from '../../ui/Combobox'
import { AlertTriangle } from '../../ui/icons'
import { cx } from '../../ui/cx'
import { formatCost, usePayment } from '../usage/money'
import { useModels } from './use-models'
import './models.css'

/** The chat header's picker, so an error about the model can send the user straight to it. */
export const modelPickerInputId = 'model-picker'

export interface ModelPickerProps {
  api: Api
  value: string
  onChange(model: string): void
  /** A key change asks the gateway for its list again. */
  hasKey: boolean
  /** Prices per million tokens by model id (Settings → Prices); the built-in list prices by default. */
  prices?: PriceTable
  id?: string
  className?: string
  'aria-label'?: string
  'aria-describedby'?: string
  'aria-invalid'?: true
}

/**
 * A searchable list of the gateway's models (or, offline, the last list it gave) by their friendly
 * names, each with its price per million tokens in the user's currency; searching matches the name
 * and the id. Any other id can be typed and chosen; when the gateway's list does not have it, a
 * warning under the picker says sending may fail. Used by the chat header, the conversation's
 * settings and Settings' default model, so all three offer the same models the same way.
 */
export function ModelPicker({
  api,
  value,
  onChange,
  hasKey,
  prices = defaultPriceTable,
  id = modelPickerInputId,
  className,
  ...aria
}: ModelPickerProps) {
  const t = strings.models
  const payment = usePayment()
  const { models, fromGateway } = useModels(api, hasKey)
  const warningId = useId()
  const options = useMemo<ComboboxOption[]>(
    () =>
      models.map((model) => {
        const price = prices[model.id]
        return {
          value: model.id,
          label: model.name,
          keywords: [model.id],
          detail: price
            ? t.price(formatCost(price.inputUsdPerMillion, payment), formatCost(price.outputUsdPerMillion, payment))
            : undefined,
        }
      }),
    [models, prices, payment, t],
  )
  const chosen = models.find((model) => model.id === value)
  const unlisted = fromGateway && value.trim() !== '' && !chosen
  const describedBy = [aria['aria-describedby'], unlisted ? warningId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={cx('model-picker', className)}>
      <Combobox
        id={id}
        value={value}
        onValueChange={onChange}
        options={options}
        searchPlaceholder={t.search}
        allowCustom
        customLabel={t.useCustom}
        aria-label={aria['aria-label'] ?? t.picker}
        aria-describedby={describedBy}
        aria-invalid={aria['aria-invalid']}
        className="model-picker__trigger"
        tooltip={chosen ? t.chosen(chosen.name, chosen.id) : unlisted ? t.notListed : t.customHint}
      />
      {unlisted ? (
        <p className="model-picker__warning" id={warningId} role="status">
          <AlertTriangle size={14} aria-hidden />
          <span>{t.notListed}</span>
        </p>
      ) : null}
    </div>
  )
}
