import type { PagedMessage } from '../../../../shared/history'

/**
 * When the conversation's total must be asked again: its `updatedAt` moves with a new answer, but a
 * deleted, regenerated or edited message leaves it as it was, so the messages on screen count too
 * (how many, and the newest one's id and state).
 */
export function usageVersion(updatedAt: number, messages: readonly PagedMessage[]): string {
  const newest = messages.at(-1)
  return `${updatedAt}:${messages.length}:${newest?.id ?? ''}:${newest?.status ?? ''}`
}
