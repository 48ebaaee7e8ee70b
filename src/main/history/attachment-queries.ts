/** SQL for attachments (migration 008). Every function takes the database first; values are parameters. */
import type { Attachment, AttachmentMime } from '../../shared/attachments'
import type { HistoryDb } from './history-db'

export interface AttachmentRow {
  id: string
  mime: string
  size: number
  name: string
  width: number | null
  height: number | null
  page_count: number | null
  created_at: number
}

/** What is stored about a new file; `extractedText` is a PDF's text, read once. */
export interface NewAttachment {
  id: string
  mime: AttachmentMime
  size: number
  name: string
  width: number | null
  height: number | null
  pageCount: number | null
  extractedText: string | null
}

const columns = 'id, mime, size, name, width, height, page_count, created_at'

/** Records a file; one already recorded (the same bytes) is kept as it is. */
export function insertAttachment(db: HistoryDb, attachment: NewAttachment, at: number): void {
  db.statement(
    `INSERT OR IGNORE INTO attachments (id, mime, size, name, width, height, page_count, extracted_text, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    attachment.id,
    attachment.mime,
    attachment.size,
    attachment.name,
    attachment.width,
    attachment.height,
    attachment.pageCount,
    attachment.extractedText,
    at,
  )
}

export function findAttachment(db: HistoryDb, id: string): AttachmentRow | undefined {
  return db.statement(`SELECT ${columns} FROM attachments WHERE id = ?`).get(id) as AttachmentRow | undefined
}

export function attachmentText(db: HistoryDb, id: string): string | null {
  const row = db.statement('SELECT extracted_text FROM attachments WHERE id = ?').get(id) as
    { extracted_text: string | null } | undefined
  return row?.extracted_text ?? null
}

/** Links files to a message, in the order given, each under the name it was attached with. */
export function linkAttachments(db: HistoryDb, messageSeq: number, links: { id: string; name: string }[]): void {
  const insert = db.statement(
    'INSERT INTO message_attachments (message_seq, position, attachment_id, name) VALUES (?, ?, ?, ?)',
  )
  links.forEach((link, position) => insert.run(messageSeq, position, link.id, link.name))
}

/** A message's files in order, each with the name it was attached under. */
export function messageAttachments(db: HistoryDb, messageSeq: number): Attachment[] {
  const rows = db
    .statement(
      `SELECT a.id, a.mime, a.size, l.name, a.width, a.height, a.page_count FROM message_attachments l
       JOIN attachments a ON a.id = l.attachment_id WHERE l.message_seq = ? ORDER BY l.position`,
    )
    .all(messageSeq) as unknown as Omit<AttachmentRow, 'created_at'>[]
  return rows.map(toAttachment)
}

export function toAttachment(row: Omit<AttachmentRow, 'created_at'>): Attachment {
  return {
    id: row.id,
    name: row.name,
    mime: row.mime as AttachmentMime,
    size: row.size,
    width: row.width,
    height: row.height,
    pageCount: row.page_count,
  }
}

/**
 * Removes the rows of files no message links to any more, recorded before `before` (a file attached
 * since, for a question not sent yet, stays); returns their ids, for their files to go too.
 */
export function deleteUnusedAttachments(db: HistoryDb, before: number): string[] {
  const rows = db
    .statement(
      `DELETE FROM attachments WHERE created_at < ?
         AND NOT EXISTS (SELECT 1 FROM message_attachments l WHERE l.attachment_id = attachments.id)
       RETURNING id`,
    )
    .all(before) as { id: string }[]
  return rows.map((row) => row.id)
}

export function attachmentExists(db: HistoryDb, id: string): boolean {
  return db.statement('SELECT 1 FROM attachments WHERE id = ?').get(id) !== undefined
}

/** The files a conversation's messages use, once each, with a PDF's text: for an export. */
export function conversationFiles(db: HistoryDb, conversationId: string) {
  return db
    .statement(
      `SELECT DISTINCT a.id, a.mime, a.size, a.width, a.height, a.page_count, a.extracted_text
       FROM messages m JOIN message_attachments l ON l.message_seq = m.seq JOIN attachments a ON a.id = l.attachment_id
       WHERE m.conversation_id = ? ORDER BY a.id`,
    )
    .all(conversationId) as unknown as Array<
    Omit<AttachmentRow, 'name' | 'created_at'> & { extracted_text: string | null }
  >
}
