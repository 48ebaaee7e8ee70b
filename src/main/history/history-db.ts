import type { DatabaseSync, StatementSync } from 'node:sqlite'

/**
 * A connection with its prepared statements cached by SQL text. The streaming write happens every
 * 250 ms per stream, so preparing it each time would cost more than running it.
 */
export class HistoryDb {
  private readonly statements = new Map<string, StatementSync>()

  constructor(readonly sqlite: DatabaseSync) {}

  statement(sql: string): StatementSync {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.sqlite.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  close(): void {
    this.statements.clear()
    this.sqlite.close()
  }
}

/**
 * Runs `work` in one write transaction, or inside the caller's if one is open. `BEGIN IMMEDIATE`
 * takes the write lock up front: a deferred transaction that reads first and writes later cannot
 * wait for the export/import worker's lock (SQLite answers SQLITE_BUSY at once instead).
 */
export function inTransaction<T>(db: HistoryDb, work: () => T): T {
  if (db.sqlite.isTransaction) return work()
  db.statement('BEGIN IMMEDIATE').run()
  try {
    const result = work()
    db.statement('COMMIT').run()
    return result
  } catch (error) {
    if (db.sqlite.isTransaction) db.statement('ROLLBACK').run()
    throw error
  }
}

/** A read transaction, so what `work` reads is one consistent snapshot even while others write. */
export function inReadTransaction<T>(db: HistoryDb, work: () => T): T {
  if (db.sqlite.isTransaction) return work()
  db.statement('BEGIN').run()
  try {
    const result = work()
    db.statement('COMMIT').run()
    return result
  } catch (error) {
    if (db.sqlite.isTransaction) db.statement('ROLLBACK').run()
    throw error
  }
}
