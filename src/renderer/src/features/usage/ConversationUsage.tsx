import { useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { UsageTotals } from '../../../../shared/usage'
import { strings } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { formatCost, formatTokens, usePayment } from './money'

/** The conversation's running total, asked again whenever the conversation changes (a new answer). */
export function ConversationUsage({
  api,
  conversationId,
  version,
}: {
  api: Api
  conversationId: string
  /** Changes when the conversation or its messages do (see usage-version.ts), so the total follows them. */
  version: string
}) {
  const payment = usePayment()
  const [totals, setTotals] = useState<UsageTotals | null>(null)
  useEffect(() => {
    let current = true
    void api.usage.conversation({ conversationId }).then((result) => {
      if (current) setTotals(result.ok ? result.value : null)
    })
    return () => {
      current = false
    }
  }, [api, conversationId, version])
  if (!totals || totals.answers === 0) return null
  return (
    <p className="conversation-usage hint" aria-live="polite">
      {strings.usage.conversationTotal(
        formatTokens(totals.promptTokens + totals.completionTokens),
        formatCost(totals.costUsd, payment),
        totals.estimatedAnswers > 0,
        totals.answers,
        formatNumber(totals.answers),
      )}
    </p>
  )
}
