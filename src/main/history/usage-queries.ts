/**
 * SQL for the Usage view and per-conversation totals. Every function takes the database first;
 * values are always parameters. An answer counts once it has tokens (reported or estimated);
 * cost is the list price in USD stored with each answer when it finished.
 */
import type { UsageSummary, UsageTotals } from '../../shared/usage'
import type { HistoryDb } from './history-db'

const dayMs = 24 * 60 * 60 * 1000

const totalsColumns = `COUNT(*) AS answers,
  COALESCE(SUM(prompt_tokens), 0) AS promptTokens,
  COALESCE(SUM(completion_tokens), 0) AS completionTokens,
  COALESCE(SUM(cost_usd), 0) AS costUsd,
  COALESCE(SUM(usage_estimated), 0) AS estimatedAnswers,
  COALESCE(SUM(cost_usd IS NULL), 0) AS unpricedAnswers`

/**
 * Answers with tokens, in a time window (by the partial index messages_answers_by_time). A deleted
 * answer (waiting for Undo or the purge) no longer counts, as before messages had Undo.
 */
const answersInWindow = `FROM messages
  WHERE role = 'assistant' AND created_at >= :since AND created_at < :until AND prompt_tokens IS NOT NULL
    AND deleted_at IS NULL`

type TotalsRow = UsageTotals

function totals(row: TotalsRow | undefined): UsageTotals {
  return {
    answers: Number(row?.answers ?? 0),
    promptTokens: Number(row?.promptTokens ?? 0),
    completionTokens: Number(row?.completionTokens ?? 0),
    costUsd: Number(row?.costUsd ?? 0),
    estimatedAnswers: Number(row?.estimatedAnswers ?? 0),
    unpricedAnswers: Number(row?.unpricedAnswers ?? 0),
  }
}

/** The window of `days` whole days ending today, in the viewer's time. */
export function usageWindow(now: number, days: number, utcOffsetMinutes: number): { since: number; until: number } {
  const offsetMs = utcOffsetMinutes * 60_000
  const startOfToday = Math.floor((now + offsetMs) / dayMs) * dayMs - offsetMs
  return { since: startOfToday - (days - 1) * dayMs, until: startOfToday + dayMs }
}

function dayLabel(at: number, offsetMs: number): string {
  return new Date(at + offsetMs).toISOString().slice(0, 10)
}

export function usageSummary(
  db: HistoryDb,
  options: { now: number; days: number; utcOffsetMinutes: number },
): UsageSummary {
  const { since, until } = usageWindow(options.now, options.days, options.utcOffsetMinutes)
  const offsetMs = options.utcOffsetMinutes * 60_000
  const window = { since, until }

  const byDay = db
    .statement(
      `SELECT strftime('%Y-%m-%d', (created_at + :offsetMs) / 1000, 'unixepoch') AS day, ${totalsColumns}
       ${answersInWindow} GROUP BY day`,
    )
    .all({ ...window, offsetMs }) as Array<TotalsRow & { day: string }>
  const dayTotals = new Map(byDay.map((row) => [row.day, totals(row)]))
  const byDayAndModel = db
    .statement(
      `SELECT strftime('%Y-%m-%d', (created_at + :offsetMs) / 1000, 'unixepoch') AS day, COALESCE(model, '') AS model,
         COALESCE(SUM(cost_usd), 0) AS costUsd, COALESCE(SUM(total_tokens), 0) AS tokens
       ${answersInWindow} GROUP BY day, model ORDER BY day, model`,
    )
    .all({ ...window, offsetMs }) as Array<{ day: string; model: string; costUsd: number; tokens: number }>
  const perModel = new Map<string, Array<{ model: string; costUsd: number; tokens: number }>>()
  for (const row of byDayAndModel) {
    const list = perModel.get(row.day) ?? []
    list.push({ model: row.model, costUsd: Number(row.costUsd), tokens: Number(row.tokens) })
    perModel.set(row.day, list)
  }
  const days = Array.from({ length: options.days }, (_, index) => {
    const day = dayLabel(since + index * dayMs, offsetMs)
    return { day, ...(dayTotals.get(day) ?? totals(undefined)), perModel: perModel.get(day) ?? [] }
  })

  const byModel = db
    .statement(
      `SELECT COALESCE(model, '') AS model, ${totalsColumns} ${answersInWindow}
       GROUP BY 1 ORDER BY costUsd DESC, completionTokens DESC, model`,
    )
    .all(window) as Array<TotalsRow & { model: string }>
  const ttft = medianByModel(db, 'ttft_ms', window)
  const speed = medianByModel(db, 'tokens_per_second', window)
  const models = byModel.map((row) => ({
    model: row.model,
    ...totals(row),
    medianTimeToFirstTokenMs: ttft.get(row.model) ?? null,
    medianTokensPerSecond: speed.get(row.model) ?? null,
  }))

  const total = totals(db.statement(`SELECT ${totalsColumns} ${answersInWindow}`).get(window) as TotalsRow)
  return { days, models, total }
}

/**
 * The median of a timing column per model, in SQL: rank each model's values, then average the one
 * or two in the middle. Answers without that timing (no first token, no usage) are left out.
 */
function medianByModel(
  db: HistoryDb,
  column: 'ttft_ms' | 'tokens_per_second',
  window: { since: number; until: number },
): Map<string, number> {
  // `column` is one of two fixed names above, never input.
  const rows = db
    .statement(
      `WITH ranked AS (
         SELECT COALESCE(model, '') AS model, ${column} AS value,
           ROW_NUMBER() OVER (PARTITION BY COALESCE(model, '') ORDER BY ${column}) AS position,
           COUNT(*) OVER (PARTITION BY COALESCE(model, '')) AS count
         ${answersInWindow} AND ${column} IS NOT NULL
       )
       SELECT model, AVG(value) AS median FROM ranked
       WHERE position IN ((count + 1) / 2, (count + 2) / 2) GROUP BY model`,
    )
    .all(window) as Array<{ model: string; median: number }>
  return new Map(rows.map((row) => [row.model, row.median]))
}

/** Totals of one conversation's answers (by the index messages_by_conversation). */
export function conversationUsage(db: HistoryDb, conversationId: string): UsageTotals {
  return totals(
    db
      .statement(
        `SELECT ${totalsColumns} FROM messages
         WHERE conversation_id = ? AND role = 'assistant' AND prompt_tokens IS NOT NULL AND deleted_at IS NULL`,
      )
      .get(conversationId) as TotalsRow,
  )
}
