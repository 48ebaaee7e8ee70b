/** Shared set-up for the history tests: stores on real files in temp folders, a clock, a SQLite without FTS5. */
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { FinishedMessage } from '../../../src/main/history/history-api'
import { HistoryStore, type HistoryStoreOptions } from '../../../src/main/history/history-store'
import { memoryLogger } from '../../support/memory-logger'

/** A clock that moves 1 ms per reading, so every write has a distinct, predictable time. */
export function steppingClock(start = Date.UTC(2025, 0, 1)): () => number {
  let now = start
  return () => now++
}

/**
 * A real SQLite connection that behaves as a build without FTS5 does: any statement naming the
 * module fails while it is prepared, with SQLite's own message. Everything else is the real thing.
 */
export function openWithoutFts5(path: string): DatabaseSync {
  const real = new DatabaseSync(path)
  const refuse = (sql: string) => {
    if (/\bfts5\b/i.test(sql)) {
      throw Object.assign(new Error('no such module: fts5'), {
        code: 'ERR_SQLITE_ERROR',
        errcode: 1,
        errstr: 'SQL logic error',
      })
    }
  }
  return new Proxy(real, {
    get(target, property) {
      if (property === 'exec') {
        return (sql: string) => {
          refuse(sql)
          return target.exec(sql)
        }
      }
      if (property === 'prepare') {
        return (sql: string) => {
          refuse(sql)
          return target.prepare(sql)
        }
      }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

export type Engine = 'fts5' | 'scan'

export function openStore(dir: string, options: Partial<HistoryStoreOptions> & { engine?: Engine } = {}) {
  const log = memoryLogger()
  const { engine, ...rest } = options
  const { store, movedAsideTo } = HistoryStore.open({
    path: join(dir, 'history.sqlite'),
    log,
    now: steppingClock(),
    ...(engine === 'scan' ? { openDatabase: openWithoutFts5 } : {}),
    ...rest,
  })
  return { store, movedAsideTo, log, path: join(dir, 'history.sqlite') }
}

export function finished(content: string, overrides: Partial<FinishedMessage> = {}): FinishedMessage {
  return {
    content,
    reasoning: null,
    status: 'complete',
    errorKind: null,
    errorMessage: null,
    model: 'gpt-4.1',
    usage: { promptTokens: 10, completionTokens: 20, totalTokens: 30 },
    costUsd: 0.0012,
    timings: { timeToFirstTokenMs: 120, totalMs: 900, tokensPerSecond: 25.5 },
    ...overrides,
  }
}
