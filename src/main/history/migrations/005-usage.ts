import type { Migration } from './migration'

/**
 * Usage that users can see: whether an answer's tokens were estimated (the provider sent no usage
 * chunk), and an index for the Usage view's "answers in the last N days" (a partial index on
 * answers only, since user messages carry no tokens).
 */
export const migration005: Migration = {
  version: 5,
  name: 'usage estimated flag and answers-by-time index',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN usage_estimated INTEGER NOT NULL DEFAULT 0 CHECK (usage_estimated IN (0, 1));
      CREATE INDEX messages_answers_by_time ON messages(created_at) WHERE role = 'assistant';
    `)
  },
}
