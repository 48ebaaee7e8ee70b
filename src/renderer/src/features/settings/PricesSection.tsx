import { useState } from 'react'
import type { PriceTable } from '../../../../shared/pricing'
import type { SettingsView as SettingsData } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { Field, TextInput } from '../../ui/Field'
import { IconButton } from '../../ui/IconButton'
import { Plus, Trash2 } from '../../ui/icons'
import { Select } from '../../ui/Select'
import { showToast } from '../../ui/toast-store'
import { currencyOptions } from './currency-options'
import { parseOptionalNumber } from './number-field'
import type { FieldErrors } from './settings-validation'
import { SettingField } from './SettingField'
import { SettingsSection } from './SettingsSection'
import type { SaveSettings } from './use-settings-save'

interface Row {
  key: number
  model: string
  input: string
  output: string
}

let nextKey = 0

function rowsOf(table: PriceTable): Row[] {
  return Object.entries(table).map(([model, price]) => ({
    key: nextKey++,
    model,
    input: String(price.inputUsdPerMillion),
    output: String(price.outputUsdPerMillion),
  }))
}

/** The rows as a price table, or each wrong cell's error (by row key and column). */
function tableOf(rows: readonly Row[]): { table: PriceTable; errors: FieldErrors } {
  const table: PriceTable = {}
  const errors: FieldErrors = {}
  for (const row of rows) {
    const model = row.model.trim()
    const input = parseOptionalNumber(row.input)
    const output = parseOptionalNumber(row.output)
    // A row still being typed (no model yet) waits; it is saved once it names a model.
    if (!model) continue
    if (typeof input !== 'number') errors[`${row.key}.input`] = strings.settingsPage.errors.notANumber
    if (typeof output !== 'number') errors[`${row.key}.output`] = strings.settingsPage.errors.notANumber
    if (typeof input === 'number' && typeof output === 'number')
      table[model] = { inputUsdPerMillion: input, outputUsdPerMillion: output }
  }
  return { table, errors }
}

/** Prices and currency: the price table (USD per million tokens), the currency and the payment rate. */
export function PricesSection({ id, settings, save }: { id: string; settings: SettingsData; save: SaveSettings }) {
  const t = strings.prices
  const p = strings.settingsPage
  const [rows, setRows] = useState<Row[]>(() => rowsOf(settings.settings.prices))
  const [errors, setErrors] = useState<FieldErrors>({})
  const currency = settings.settings.currency

  const update = (key: number, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)))

  /** Saves the table as it stands, when a cell is left or a row removed. */
  const commit = async (next: readonly Row[]) => {
    const { table, errors: cellErrors } = tableOf(next)
    setErrors(cellErrors)
    if (Object.keys(cellErrors).length) return
    if (JSON.stringify(table) === JSON.stringify(settings.settings.prices)) return
    const result = await save({ prices: table }, p.sections.prices)
    if (result.ok) return
    // The schema's paths are prices.<model>.<column>: put each beside its cell.
    const mapped: FieldErrors = {}
    for (const [path, text] of Object.entries(result.errors)) {
      const [, model, column] = path.split('.')
      const row = next.find((candidate) => candidate.model.trim() === model)
      const cell = column === 'outputUsdPerMillion' ? 'output' : 'input'
      mapped[row ? `${row.key}.${cell}` : 'table'] = text
    }
    setErrors(mapped)
  }

  const cell = (row: Row, column: 'input' | 'output', label: string) => {
    const error = errors[`${row.key}.${column}`]
    const errorId = `price-${row.key}-${column}-error`
    return (
      <td>
        <TextInput
          aria-label={`${label} ${row.model}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          type="number"
          step="any"
          min={0}
          value={row[column]}
          onChange={(event) => update(row.key, { [column]: event.target.value })}
          onBlur={() => void commit(rows)}
        />
        {error ? (
          <p className="ui-field__error" id={errorId} role="alert">
            {error}
          </p>
        ) : null}
      </td>
    )
  }

  return (
    <SettingsSection id={id} title={p.sections.prices} description={t.explain}>
      <div className="settings-row">
        <Field label={t.currency}>
          {(control) => (
            <Select
              {...control}
              value={currency}
              options={currencyOptions(currency)}
              onValueChange={(value) =>
                void save({ currency: value }, t.currency).then((result) => {
                  if (!result.ok)
                    showToast({ key: 'settings-saved', title: Object.values(result.errors)[0]!, tone: 'error' })
                })
              }
            />
          )}
        </Field>
        <SettingField
          name="paymentRate"
          kind="number"
          label={t.paymentRate(currency)}
          settings={settings.settings}
          save={save}
          min={0}
        />
      </div>
      <table className="price-table">
        <thead>
          <tr>
            <th scope="col">{t.model}</th>
            <th scope="col">{t.input}</th>
            <th scope="col">{t.output}</th>
            <th scope="col">
              <span className="visually-hidden">{t.remove}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>
                <TextInput
                  aria-label={t.model}
                  spellCheck={false}
                  value={row.model}
                  onChange={(event) => update(row.key, { model: event.target.value })}
                  onBlur={() => void commit(rows)}
                />
              </td>
              {cell(row, 'input', t.input)}
              {cell(row, 'output', t.output)}
              <td className="price-table__remove">
                <IconButton
                  size="sm"
                  label={p.removePrice(row.model)}
                  icon={<Trash2 aria-hidden />}
                  onClick={() => {
                    const next = rows.filter((other) => other.key !== row.key)
                    setRows(next)
                    void commit(next)
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.table ? (
        <p className="ui-field__error" role="alert">
          {errors.table}
        </p>
      ) : null}
      <div className="settings-actions">
        <Button
          icon={<Plus aria-hidden />}
          onClick={() => setRows((current) => [...current, { key: nextKey++, model: '', input: '', output: '' }])}
        >
          {t.add}
        </Button>
      </div>
    </SettingsSection>
  )
}
