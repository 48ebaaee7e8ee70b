import { z } from 'zod'

/** Token and cost totals over some answers. Cost is list price in USD; the renderer applies the payment rate. */
export const UsageTotalsSchema = z.object({
  answers: z.number().int().nonnegative(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
  /** Answers whose tokens were estimated (the provider sent no usage). */
  estimatedAnswers: z.number().int().nonnegative(),
  /** Answers with tokens but no price for their model, so not in `costUsd`. */
  unpricedAnswers: z.number().int().nonnegative(),
})
export type UsageTotals = z.infer<typeof UsageTotalsSchema>

export const UsageSummaryRequestSchema = z
  .object({
    days: z.number().int().min(1).max(366),
    /** The viewer's offset from UTC in minutes (east positive), so days are the viewer's days. */
    utcOffsetMinutes: z
      .number()
      .int()
      .min(-14 * 60)
      .max(14 * 60),
  })
  .strict()
export type UsageSummaryRequest = z.infer<typeof UsageSummaryRequestSchema>

export const UsageSummarySchema = z.object({
  /** Every day of the window, oldest first, as YYYY-MM-DD in the viewer's time; days without answers are zero. */
  days: z.array(
    UsageTotalsSchema.extend({
      day: z.string(),
      /** That day's cost and tokens per model, for the stacked bars. */
      perModel: z.array(
        z.object({ model: z.string(), costUsd: z.number().nonnegative(), tokens: z.number().int().nonnegative() }),
      ),
    }),
  ),
  /** Per model, most expensive first, with the median latency of its answers. */
  models: z.array(
    UsageTotalsSchema.extend({
      model: z.string(),
      medianTimeToFirstTokenMs: z.number().nonnegative().nullable(),
      medianTokensPerSecond: z.number().nonnegative().nullable(),
    }),
  ),
  total: UsageTotalsSchema,
})
export type UsageSummary = z.infer<typeof UsageSummarySchema>
