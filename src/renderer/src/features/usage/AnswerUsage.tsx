import type { Usage } from '../../../../shared/chat'
import { strings } from '../../i18n'
import { formatCost, usePayment } from './money'

/** Tokens and cost under one answer; `~` and "(estimated)" when the provider sent no usage. */
export function AnswerUsage({ usage, costUsd }: { usage: Usage | null; costUsd: number | null }) {
  const payment = usePayment()
  if (!usage) return null
  return (
    <div className="answer-usage">
      {strings.usage.answerCost(
        usage.promptTokens,
        usage.completionTokens,
        costUsd === null ? null : formatCost(costUsd, payment),
        usage.estimated === true,
      )}
    </div>
  )
}
