import { describe, expect, it } from 'vitest'
import type { Conversation } from '../../src/shared/history'
import { groupOf, toListRows } from '../../src/renderer/src/features/history/date-groups'

/** Noon on 15 November 2026, local time: far from midnight and from any DST change. */
const now = new Date(2026, 10, 15, 12, 0, 0).getTime()
const at = (year: number, month: number, day: number, hour = 12) => new Date(year, month - 1, day, hour).getTime()

function conversation(id: string, updatedAt: number, pinned = false): Conversation {
  return { id, title: id, createdAt: updatedAt, updatedAt, pinned, overrides: {}, messageCount: 2 }
}

describe('sidebar date groups', () => {
  it('follow the local calendar: today from midnight, yesterday, the previous 7 and 30 days, then months', () => {
    expect(groupOf(conversation('a', at(2026, 11, 15, 0)), now)).toBe('today')
    expect(groupOf(conversation('b', at(2026, 11, 14, 23)), now)).toBe('yesterday')
    expect(groupOf(conversation('c', at(2026, 11, 14, 0)), now)).toBe('yesterday')
    expect(groupOf(conversation('d', at(2026, 11, 13, 23)), now)).toBe('previous7')
    expect(groupOf(conversation('e', at(2026, 11, 8, 0)), now)).toBe('previous7')
    expect(groupOf(conversation('f', at(2026, 11, 7, 23)), now)).toBe('previous30')
    expect(groupOf(conversation('g', at(2026, 10, 16, 0)), now)).toBe('previous30')
    expect(groupOf(conversation('h', at(2026, 10, 15, 23)), now)).toBe('month-2026-10')
    expect(groupOf(conversation('i', at(2025, 12, 31)), now)).toBe('month-2025-12')
    // Pinned wins over any date.
    expect(groupOf(conversation('j', at(2024, 1, 1), true), now)).toBe('pinned')
  })

  it('put one heading before each run of rows, in list order', () => {
    const list = [
      conversation('pinned', at(2025, 3, 1), true),
      conversation('today-1', at(2026, 11, 15, 11)),
      conversation('today-2', at(2026, 11, 15, 9)),
      conversation('week', at(2026, 11, 10)),
      conversation('october', at(2026, 10, 2)),
      conversation('october-2', at(2026, 10, 1)),
      conversation('march', at(2026, 3, 3)),
    ]
    const rows = toListRows(list, now)
    expect(rows.map((row) => (row.kind === 'heading' ? `# ${row.group}` : row.conversation.id))).toEqual([
      '# pinned',
      'pinned',
      '# today',
      'today-1',
      'today-2',
      '# previous7',
      'week',
      '# month-2026-10',
      'october',
      'october-2',
      '# month-2026-3',
      'march',
    ])
    expect(toListRows([], now)).toEqual([])
  })
})
