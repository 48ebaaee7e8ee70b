/**
 * Errors `HistoryStore` throws that callers can tell apart, so a handler maps them to an error kind
 * (`not_found`) instead of the generic `internal`.
 */

/** A conversation or message the caller named is not in the database (or is deleted). */
export class HistoryNotFoundError extends Error {
  override readonly name = 'HistoryNotFoundError'

  constructor(
    readonly what: 'conversation' | 'message',
    readonly id: string,
  ) {
    super(`The ${what} ${id} does not exist.`)
  }
}

/**
 * The database file's schema is not the one this build knows: a worker connecting to a file that
 * main has not migrated yet, or a file written by a newer version of the app.
 */
export class HistorySchemaVersionError extends Error {
  override readonly name = 'HistorySchemaVersionError'

  constructor(
    readonly path: string,
    readonly found: number,
    readonly expected: number,
  ) {
    super(`The history database ${path} has schema version ${found}; this version of the app expects ${expected}.`)
  }
}

/**
 * The history file cannot be opened at all (a folder in its place, no permission): nothing can be
 * moved aside safely, so start-up stops with the path and what to do. Both entries show the message.
 */
export class HistoryUnopenableError extends Error {
  override readonly name = 'HistoryUnopenableError'

  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(
      `The history database ${path} cannot be opened: ${reason}. Move or rename it, then start HolySheep Chat again.`,
    )
  }
}
