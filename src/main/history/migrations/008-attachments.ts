import type { Migration } from './migration'

/**
 * Attachments (issue 16). `attachments` has one row per distinct file, keyed by the SHA-256 of its
 * bytes, which is also the file's name in the data folder's `attachments/`; what main learnt from
 * the bytes is kept beside it (the type read from the magic numbers, an image's size, a PDF's page
 * count and extracted text, so a long PDF is read once, not at every answer).
 *
 * `message_attachments` links a message to its files in order, with the name the file had when it
 * was attached (the same bytes can come under two names). A link goes with its message (the purge
 * of a deleted message or conversation cascades to it); a file no link uses any more is removed
 * after that purge, so Undo, which only unmarks messages, always finds its files.
 */
export const migration008: Migration = {
  version: 8,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 64),
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        name TEXT NOT NULL,
        width INTEGER,
        height INTEGER,
        page_count INTEGER,
        extracted_text TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE message_attachments (
        message_seq INTEGER NOT NULL REFERENCES messages(seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        attachment_id TEXT NOT NULL REFERENCES attachments(id),
        name TEXT NOT NULL,
        PRIMARY KEY (message_seq, position)
      ) STRICT, WITHOUT ROWID;

      -- Whether any message still uses a file, for the clean-up after the purge.
      CREATE INDEX message_attachments_by_file ON message_attachments(attachment_id);
    `)
  },
}
