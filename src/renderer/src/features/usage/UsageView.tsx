import { useEffect, useState, type ReactNode } from 'react'
import type { Api } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import { friendlyModelName } from '../../../../shared/models'
import type { UsageSummary } from '../../../../shared/usage'
import { strings } from '../../i18n'
import { BarChart, Legend } from './BarChart'
import { formatDay } from '../../i18n/format'
import { formatCost, formatTokens, usePayment } from './money'
import './usage.css'

const days = 30

/** Totals per day and per model over the last 30 days, with the median latency of each model. */
export function UsageView({ api, visible }: { api: Api; visible: boolean }) {
  const t = strings.usage
  const payment = usePayment()
  const [summary, setSummary] = useState<UsageSummary | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    if (!visible) return
    let current = true
    // getTimezoneOffset is minutes *behind* UTC; the contract wants minutes ahead.
    const utcOffsetMinutes = -new Date().getTimezoneOffset()
    void api.usage.summary({ days, utcOffsetMinutes }).then((result) => {
      if (!current) return
      if (result.ok) {
        setSummary(result.value)
        setError(null)
      } else setError(result.error)
    })
    return () => {
      current = false
    }
  }, [api, visible])

  if (error)
    return (
      <UsagePage>
        <p className="usage-error" role="alert">
          {t.failed} {strings.errors[error.kind]}
        </p>
      </UsagePage>
    )
  if (!summary) return null
  const { total } = summary
  const series = summary.models.map((row) => row.model)
  const modelName = (id: string) => friendlyModelName(id) || t.none
  return (
    <UsagePage>
      <div className="usage-totals" role="group" aria-label={t.total}>
        <Figure label={t.cost(payment.currency)} value={formatCost(total.costUsd, payment)} />
        <Figure label={t.inputTokens} value={formatTokens(total.promptTokens)} />
        <Figure label={t.outputTokens} value={formatTokens(total.completionTokens)} />
        <Figure label={t.answers} value={formatTokens(total.answers)} />
      </div>
      {total.answers === 0 ? <p className="usage-note">{t.nothingYet}</p> : null}
      <UsageSection id="usage-per-day" title={t.charts}>
        <h3 className="usage-chart-title">{t.costPerDay(payment.currency)}</h3>
        <BarChart
          label={t.costPerDay(payment.currency)}
          formatMax={(max) => formatCost(max, payment)}
          series={series}
          bars={summary.days.map((entry) => ({
            label: entry.day,
            axisLabel: formatDay(entry.day, 'short'),
            segments: entry.perModel.map((part) => ({ series: part.model, value: part.costUsd })),
            title: t.chartLabel(formatDay(entry.day, 'medium'), formatCost(entry.costUsd, payment)),
          }))}
        />
        <h3 className="usage-chart-title">{t.tokensPerDay}</h3>
        <BarChart
          label={t.tokensPerDay}
          formatMax={formatTokens}
          series={series}
          bars={summary.days.map((entry) => ({
            label: entry.day,
            axisLabel: formatDay(entry.day, 'short'),
            segments: entry.perModel.map((part) => ({ series: part.model, value: part.tokens })),
            title: t.chartLabel(
              formatDay(entry.day, 'medium'),
              formatTokens(entry.promptTokens + entry.completionTokens),
            ),
          }))}
        />
        <Legend series={series} nameOf={modelName} />
      </UsageSection>
      <UsageSection id="usage-by-model" title={t.byModel}>
        {/* A wide table scrolls in its own wrapper at narrow widths; the page itself never scrolls sideways. */}
        <div className="usage-table-wrap" tabIndex={0} role="region" aria-label={t.byModel}>
          <table className="usage-table">
            <thead>
              <tr>
                <th scope="col">{t.model}</th>
                <th scope="col">{t.answers}</th>
                <th scope="col">{t.inputTokens}</th>
                <th scope="col">{t.outputTokens}</th>
                <th scope="col">{t.cost(payment.currency)}</th>
                <th scope="col">{t.medianTtft}</th>
                <th scope="col">{t.medianSpeed}</th>
              </tr>
            </thead>
            <tbody>
              {summary.models.map((row) => (
                <tr key={row.model}>
                  <th scope="row">{modelName(row.model)}</th>
                  <td>{formatTokens(row.answers)}</td>
                  <td>{formatTokens(row.promptTokens)}</td>
                  <td>{formatTokens(row.completionTokens)}</td>
                  <td>{formatCost(row.costUsd, payment)}</td>
                  <td>{row.medianTimeToFirstTokenMs === null ? t.none : t.ms(row.medianTimeToFirstTokenMs)}</td>
                  <td>{row.medianTokensPerSecond === null ? t.none : t.perSecond(row.medianTokensPerSecond)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {total.estimatedAnswers > 0 ? <p className="usage-note">{t.estimatedNote(total.estimatedAnswers)}</p> : null}
        {total.unpricedAnswers > 0 ? <p className="usage-note">{t.unpricedNote(total.unpricedAnswers)}</p> : null}
      </UsageSection>
    </UsagePage>
  )
}

/** The page: one scroll, its title and what it shows, the same layout as Settings. */
function UsagePage({ children }: { children: ReactNode }) {
  const t = strings.usage
  return (
    // Focusable, so a keyboard user can scroll the page (the charts and table may be taller than the window).
    <section className="usage" aria-labelledby="usage-title" tabIndex={0}>
      <div className="usage-page">
        <header className="usage-header">
          <h1 id="usage-title">{t.title}</h1>
          <p className="usage-header__intro">
            {t.last30Days} · {t.intro}
          </p>
        </header>
        {children}
      </div>
    </section>
  )
}

function UsageSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="usage-group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="usage-group__title">
        {title}
      </h2>
      <div className="usage-group__body">{children}</div>
    </section>
  )
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="usage-figure">
      <span className="usage-figure__label">{label}</span>
      <strong className="usage-figure__value">{value}</strong>
    </div>
  )
}
