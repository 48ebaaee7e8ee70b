import type { Migration } from './migration'

/**
 * What the conversation list and start-up need without scanning:
 * - `message_count`, kept by triggers (they also see cascaded deletes), so the list never COUNTs;
 * - the list's keyset order (pinned, updated_at, id), over live conversations only;
 * - soft-deleted conversations by age, for the purge at start-up;
 * - messages still streaming, for the recovery at start-up (a partial index: almost always empty).
 */
export const migration002: Migration = {
  version: 2,
  name: 'message counts and hot-query indexes',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
      UPDATE conversations
        SET message_count = (SELECT count(*) FROM messages WHERE messages.conversation_id = conversations.id);

      CREATE TRIGGER messages_count_insert AFTER INSERT ON messages BEGIN
        UPDATE conversations SET message_count = message_count + 1 WHERE id = NEW.conversation_id;
      END;
      CREATE TRIGGER messages_count_delete AFTER DELETE ON messages BEGIN
        UPDATE conversations SET message_count = message_count - 1 WHERE id = OLD.conversation_id;
      END;

      CREATE INDEX conversations_list ON conversations(pinned DESC, updated_at DESC, id DESC)
        WHERE deleted_at IS NULL;
      CREATE INDEX conversations_deleted ON conversations(deleted_at) WHERE deleted_at IS NOT NULL;
      CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';
    `)
  },
}
