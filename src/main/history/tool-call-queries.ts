/**
 * Tool calls left unfinished by a crash or a kill -9 (asked, awaiting approval, running): at start-up
 * they become `cancelled` with a result saying so, and their answer `interrupted`, so the transcript
 * says what happened and Continue sends the model a result for every call. The calls that ended keep
 * their results. Read through the partial index of answers with calls (009): most rows have none.
 */
import { interruptedCallText, type ToolCallRecord } from '../../shared/tool-calls'
import type { HistoryDb } from './history-db'

export function interruptUnfinishedToolCalls(db: HistoryDb, at: number): number {
  const rows = db
    .statement(
      `SELECT seq, tool_calls FROM messages WHERE tool_calls IS NOT NULL
         AND (tool_calls LIKE '%"status":"running"%' OR tool_calls LIKE '%"status":"awaiting_approval"%')`,
    )
    .all() as Array<{ seq: number; tool_calls: string }>
  for (const row of rows) {
    let calls: ToolCallRecord[]
    try {
      calls = JSON.parse(row.tool_calls) as ToolCallRecord[]
    } catch {
      continue
    }
    const fixed = calls.map((call) =>
      call.status === 'running' || call.status === 'awaiting_approval'
        ? { ...call, status: 'cancelled' as const, result: interruptedCallText, isError: true, endedAt: at }
        : call,
    )
    db.statement("UPDATE messages SET tool_calls = ?, status = 'interrupted', updated_at = ? WHERE seq = ?").run(
      JSON.stringify(fixed),
      at,
      row.seq,
    )
  }
  return rows.length
}
