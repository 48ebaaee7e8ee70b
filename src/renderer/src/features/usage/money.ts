import { useSyncExternalStore } from 'react'
import { localCost } from '../../../../shared/pricing'
import { formatMoney, formatNumber } from '../../i18n/format'
import { ExternalStore } from '../../lib/external-store'

/** What the user pays in: their currency and how much of it one USD of list price costs. */
export interface Payment {
  currency: string
  paymentRate: number
}

/**
 * The payment settings for every cost on screen. A store rather than a React context, so the app
 * shell only tells it when the settings change (`usePaymentSettings`) and no tree is re-wrapped.
 */
class PaymentStore extends ExternalStore<Payment> {
  update(currency: string, paymentRate: number): void {
    const current = this.getSnapshot()
    if (current.currency !== currency || current.paymentRate !== paymentRate) this.set({ currency, paymentRate })
  }
}

export const paymentStore = new PaymentStore({ currency: 'CNY', paymentRate: 1 })

export function usePayment(): Payment {
  return useSyncExternalStore(paymentStore.subscribe, paymentStore.getSnapshot)
}

/** A list price in USD, shown in the user's currency and language (see formatMoney). */
export function formatCost(usd: number, payment: Payment): string {
  return formatMoney(localCost(usd, payment.paymentRate), payment.currency)
}

/** A token count, in the UI's language like every other number. */
export function formatTokens(count: number): string {
  return formatNumber(count)
}
