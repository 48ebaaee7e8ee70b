import type { Migration } from './migration'

/**
 * Tool calls as a part of the answer that asked for them: `tool_calls` holds the calls (tool, server,
 * arguments, status, the result the model received, times) as JSON, written as each call changes, so
 * a kill -9 mid-loop keeps every call that ended. NULL for answers that asked for no tool (all older
 * ones). Why a column, not `tool` rows: `role` has a CHECK constraint (001) that SQLite cannot alter
 * without rebuilding the table, its indexes, triggers and search index; the prompt path turns an answer
 * with calls into the API's assistant message with `tool_calls` followed by one `tool` message per call.
 * Depends on 007 only.
 */
export const migration009: Migration = {
  version: 9,
  name: 'tool calls',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN tool_calls TEXT;
      -- The answers that asked for tools (few), so the start-up pass over unfinished calls reads only those.
      CREATE INDEX messages_tool_calls ON messages(seq) WHERE tool_calls IS NOT NULL;
    `)
  },
}
