import type { Conversation } from '../../../../shared/history'

/** The sidebar's sections, in the order they show: pinned, then by how recently each was updated. */
export type GroupId = 'pinned' | 'today' | 'yesterday' | 'previous7' | 'previous30' | `month-${number}-${number}`

/** One row of the virtualised list: a section's heading, or a conversation. */
export type ListRow =
  | { kind: 'heading'; group: GroupId; /** A time inside the month, for a month's name. */ at: number }
  | { kind: 'conversation'; conversation: Conversation }

const dayMs = 24 * 60 * 60 * 1000

/** Local midnight of the day `now` falls in (DST-safe: the calendar decides, not 24 h steps). */
function startOfDay(now: number): number {
  const date = new Date(now)
  date.setHours(0, 0, 0, 0)
  return date.getTime()
}

/** Which section a conversation belongs to on the day `now` is in (the user's local calendar). */
export function groupOf(conversation: Conversation, now: number): GroupId {
  if (conversation.pinned) return 'pinned'
  const today = startOfDay(now)
  const yesterday = startOfDay(today - dayMs / 2)
  const updated = conversation.updatedAt
  if (updated >= today) return 'today'
  if (updated >= yesterday) return 'yesterday'
  if (updated >= today - 7 * dayMs) return 'previous7'
  if (updated >= today - 30 * dayMs) return 'previous30'
  const date = new Date(updated)
  return `month-${date.getFullYear()}-${date.getMonth() + 1}`
}

/**
 * The list with a heading before each section. The conversations come pinned first, then newest
 * first (the order main pages them in), so each section is one run of rows.
 */
export function toListRows(conversations: readonly Conversation[], now: number): ListRow[] {
  const rows: ListRow[] = []
  let current: GroupId | null = null
  for (const conversation of conversations) {
    const group = groupOf(conversation, now)
    if (group !== current) {
      rows.push({ kind: 'heading', group, at: conversation.updatedAt })
      current = group
    }
    rows.push({ kind: 'conversation', conversation })
  }
  return rows
}
