import { createContext, useContext } from 'react'
import { localCost } from '../../../../shared/pricing'

/** What the user pays in: their currency and how much of it one USD of list price costs. */
export interface Payment {
  currency: string
  paymentRate: number
}

export const PaymentContext = createContext<Payment>({ currency: 'CNY', paymentRate: 1 })

export function usePayment(): Payment {
  return useContext(PaymentContext)
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
