import type { Migration } from './migration'

/**
 * Answers as a tree. Every message gets a parent (`parent_seq`, the parent's `seq`; NULL for a root)
 * and every conversation the leaf it shows (`current_leaf_seq`): the shown branch is the path from
 * that leaf up to the root, and the prompt of an answer is the path above it. Regenerate, Edit and
 * Compare add siblings; nothing is deleted by them. Integers rather than UUIDs, so walking the tree
 * is one primary-key lookup per step.
 *
 * Existing conversations become single chains: each message's parent is the one before it (by seq),
 * and the shown leaf is the last message.
 *
 * A message deleted by the user is first only marked (`deleted_at`, on every row of its subtree, all
 * with the same time), so Undo can bring the subtree back; the start-up purge removes it for good, as
 * it does deleted conversations. `message_count` counts messages not deleted: the triggers of 002
 * are replaced so that marking, unmarking and purging keep it right.
 */
export const migration007: Migration = {
  version: 7,
  name: 'message tree',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN parent_seq INTEGER;
      ALTER TABLE messages ADD COLUMN deleted_at INTEGER;
      ALTER TABLE conversations ADD COLUMN current_leaf_seq INTEGER;

      UPDATE messages SET parent_seq = (
        SELECT max(p.seq) FROM messages p WHERE p.conversation_id = messages.conversation_id AND p.seq < messages.seq
      );
      UPDATE conversations SET current_leaf_seq = (
        SELECT max(m.seq) FROM messages m WHERE m.conversation_id = conversations.id
      );

      -- The children of a message (or the roots of a conversation, parent NULL), in the order they
      -- were written; covering for the walks down the tree (deleted_at is in it only so that SQLite
      -- need not read the row to check it). Deleted rows are not in it.
      CREATE INDEX messages_children ON messages(conversation_id, parent_seq, seq, deleted_at)
        WHERE deleted_at IS NULL;
      -- Marked deletions by age, for the purge at start-up (almost always empty).
      CREATE INDEX messages_deleted ON messages(deleted_at) WHERE deleted_at IS NOT NULL;

      DROP TRIGGER messages_count_delete;
      CREATE TRIGGER messages_count_delete AFTER DELETE ON messages WHEN OLD.deleted_at IS NULL BEGIN
        UPDATE conversations SET message_count = message_count - 1 WHERE id = OLD.conversation_id;
      END;
      CREATE TRIGGER messages_count_mark AFTER UPDATE OF deleted_at ON messages
        WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL BEGIN
        UPDATE conversations SET message_count = message_count - 1 WHERE id = NEW.conversation_id;
      END;
      CREATE TRIGGER messages_count_unmark AFTER UPDATE OF deleted_at ON messages
        WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL BEGIN
        UPDATE conversations SET message_count = message_count + 1 WHERE id = NEW.conversation_id;
      END;
    `)
  },
}
