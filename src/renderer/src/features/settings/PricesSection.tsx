import { useState, type FormEvent } from 'react'
import type { Api } from '../../../../shared/api'
import type { PriceTable } from '../../../../shared/pricing'
import type { SettingsView as SettingsData } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { parseOptionalNumber } from './number-field'
import { errorText, SaveNoticeLine, type SaveNotice } from './save-notice'

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

/** The editable price table (USD per million tokens), the currency and the payment rate. */
export function PricesSection({
  api,
  settings,
  onSettingsChange,
}: {
  api: Api
  settings: SettingsData
  onSettingsChange(settings: SettingsData): void
}) {
  const t = strings.prices
  const [rows, setRows] = useState<Row[]>(() => rowsOf(settings.settings.prices))
  const [currency, setCurrency] = useState(settings.settings.currency)
  const [rate, setRate] = useState(String(settings.settings.paymentRate))
  const [notice, setNotice] = useState<SaveNotice>(null)

  const update = (key: number, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)))

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const prices: PriceTable = {}
    for (const row of rows) {
      if (!row.model.trim()) continue
      const input = parseOptionalNumber(row.input)
      const output = parseOptionalNumber(row.output)
      if (typeof input !== 'number' || typeof output !== 'number')
        return setNotice({ kind: 'error', text: strings.preferences.notANumber(row.model) })
      prices[row.model.trim()] = { inputUsdPerMillion: input, outputUsdPerMillion: output }
    }
    const paymentRate = parseOptionalNumber(rate)
    if (typeof paymentRate !== 'number')
      return setNotice({ kind: 'error', text: strings.preferences.notANumber(t.paymentRate(currency)) })
    const result = await api.settings.set({ prices, currency: currency.trim().toUpperCase(), paymentRate })
    if (!result.ok) return setNotice({ kind: 'error', text: errorText(result.error) })
    onSettingsChange(result.value)
    setNotice({ kind: 'ok', text: t.saved })
  }

  return (
    <form onSubmit={save} className="card prices" aria-labelledby="prices-title">
      <h2 id="prices-title">{t.section}</h2>
      <p className="hint">{t.explain}</p>
      <table className="price-table">
        <thead>
          <tr>
            <th scope="col">{t.model}</th>
            <th scope="col">{t.input}</th>
            <th scope="col">{t.output}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>
                <input
                  aria-label={t.model}
                  spellCheck={false}
                  value={row.model}
                  onChange={(event) => update(row.key, { model: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t.input} ${row.model}`}
                  inputMode="decimal"
                  value={row.input}
                  onChange={(event) => update(row.key, { input: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t.output} ${row.model}`}
                  inputMode="decimal"
                  value={row.output}
                  onChange={(event) => update(row.key, { output: event.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
                >
                  {t.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button
          type="button"
          onClick={() => setRows((current) => [...current, { key: nextKey++, model: '', input: '', output: '' }])}
        >
          {t.add}
        </button>
      </div>
      <div className="field-row">
        <label>
          <span>{t.currency}</span>
          <input value={currency} maxLength={3} onChange={(event) => setCurrency(event.target.value)} />
        </label>
        <label>
          <span>{t.paymentRate(currency)}</span>
          <input inputMode="decimal" value={rate} onChange={(event) => setRate(event.target.value)} />
        </label>
      </div>
      <div className="actions">
        <button type="submit">{t.save}</button>
      </div>
      <SaveNoticeLine notice={notice} />
    </form>
  )
}
