import { z } from 'zod'

/** A model's list price, in USD per million tokens. */
export const ModelPriceSchema = z.object({
  inputUsdPerMillion: z.number().nonnegative().max(100_000),
  outputUsdPerMillion: z.number().nonnegative().max(100_000),
})
export type ModelPrice = z.infer<typeof ModelPriceSchema>

/** Prices by model id; a model without an entry has no cost shown. */
export const PriceTableSchema = z
  .record(z.string().trim().min(1).max(200), ModelPriceSchema)
  .refine((table) => Object.keys(table).length <= 500, 'At most 500 prices.')
export type PriceTable = z.infer<typeof PriceTableSchema>

/** The gateway's list prices for its headline models (USD per million input / output tokens). */
export const defaultPriceTable: PriceTable = {
  'gpt-4.1': { inputUsdPerMillion: 2, outputUsdPerMillion: 8 },
  'claude-sonnet-4.5': { inputUsdPerMillion: 3, outputUsdPerMillion: 15 },
  'gemini-2.5-flash': { inputUsdPerMillion: 0.3, outputUsdPerMillion: 2.5 },
  'deepseek-v3.2': { inputUsdPerMillion: 0.28, outputUsdPerMillion: 0.42 },
}

/** The list price of an answer in USD, or null when the model has no price. */
export function costUsd(
  table: PriceTable,
  model: string | null,
  usage: { promptTokens: number; completionTokens: number } | null,
): number | null {
  if (!model || !usage) return null
  const price = table[model]
  if (!price) return null
  return (usage.promptTokens * price.inputUsdPerMillion + usage.completionTokens * price.outputUsdPerMillion) / 1e6
}

/** What the user pays, in their currency: list price times the payment rate (HolySheep: ¥1 per $1). */
export function localCost(usd: number, paymentRate: number): number {
  return usd * paymentRate
}

/** A rough token count for text when the provider sends no usage: about four characters a token. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4))
}
