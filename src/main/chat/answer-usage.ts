/**
 * The tokens and list price stored with a finished answer. The provider's usage when it sent some;
 * otherwise an estimate of about four characters a token (and OpenAI's tile rule for an image),
 * marked `estimated`. A continued answer
 * (Continue) adds the part it continues, so the message's total is what all its requests cost.
 */
import type { ChatMessage, Usage } from '../../shared/chat'
import { costUsd, estimateTokens, type PriceTable } from '../../shared/pricing'

/** What the message already held before this stream appended to it. */
export interface EarlierPart {
  usage: Usage | null
  costUsd: number | null
}

export interface AnswerUsageInput {
  model: string
  prices: PriceTable
  /** The stream's usage chunk, or null when the provider sent none. */
  reported: Usage | null
  /** Text and thinking this stream produced (not the part it continued). */
  newText: string
  newReasoning: string
  /** What the request sent before the answer, for estimating its prompt tokens. */
  promptMessages: () => readonly ChatMessage[]
  earlier: EarlierPart | null
}

export function answerUsage(input: AnswerUsageInput): { usage: Usage | null; costUsd: number | null } {
  const own = input.reported ?? estimate(input)
  const ownCost = costUsd(input.prices, input.model, own)
  const earlier = input.earlier
  if (!earlier?.usage) return { usage: own, costUsd: ownCost }
  if (!own) return { usage: earlier.usage, costUsd: earlier.costUsd }
  const estimated = own.estimated === true || earlier.usage.estimated === true
  return {
    usage: {
      promptTokens: earlier.usage.promptTokens + own.promptTokens,
      completionTokens: earlier.usage.completionTokens + own.completionTokens,
      totalTokens: earlier.usage.totalTokens + own.totalTokens,
      ...(estimated ? { estimated: true } : {}),
    },
    costUsd: ownCost === null || earlier.costUsd === null ? null : earlier.costUsd + ownCost,
  }
}

function estimate(input: AnswerUsageInput): Usage | null {
  const completion = estimateTokens(input.newText) + estimateTokens(input.newReasoning)
  if (completion === 0) return null
  // A question's attachments count too: images by the provider's tile rule, documents by their text.
  const prompt = input
    .promptMessages()
    .reduce((sum, message) => sum + estimateTokens(message.content) + (message.attachmentTokens ?? 0), 0)
  return { promptTokens: prompt, completionTokens: completion, totalTokens: prompt + completion, estimated: true }
}
