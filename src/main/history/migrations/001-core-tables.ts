import type { Migration } from './migration'

/**
 * Conversations and their messages. Messages have an integer `seq` (the rowid) for order and as
 * the search index's rowid, and a UUID `id` that crosses the boundary. Usage and timings are plain
 * columns rather than JSON so they can be summed later without parsing. STRICT tables refuse a
 * value of the wrong type instead of storing it.
 */
export const migration001: Migration = {
  version: 1,
  name: 'core tables',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        overrides TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(overrides)),
        deleted_at INTEGER
      ) STRICT;

      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
        content TEXT NOT NULL,
        reasoning TEXT,
        status TEXT NOT NULL CHECK (status IN ('complete', 'streaming', 'stopped', 'interrupted', 'error')),
        error_kind TEXT,
        error_message TEXT,
        model TEXT,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        total_tokens INTEGER,
        cost_usd REAL,
        ttft_ms REAL,
        total_ms REAL,
        tokens_per_second REAL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- A page of one conversation's messages, and the cascade when a conversation is purged.
      CREATE INDEX messages_by_conversation ON messages(conversation_id, seq);
    `)
  },
}
