import { useSyncExternalStore } from 'react'
import { localCost } from '../../../../shared/pricing'
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

/** A list price in USD, shown in the user's currency; small amounts keep three significant digits. */
export function formatCost(usd: number, payment: Payment): string {
  const amount = localCost(usd, payment.paymentRate)
  const small = amount !== 0 && Math.abs(amount) < 1
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency: payment.currency,
    // "¥0.12" rather than "CN¥0.12": the labels around it already name the currency.
    currencyDisplay: 'narrowSymbol',
    ...(small ? { maximumSignificantDigits: 3 } : { maximumFractionDigits: 2 }),
  }).format(amount)
}

export function formatTokens(count: number): string {
  return new Intl.NumberFormat('en').format(count)
}
