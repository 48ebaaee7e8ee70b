/**
 * The Usage view's aggregation: SQL over a real SQLite file, answers placed at known times and
 * models, totals checked per day (in the viewer's time zone) and per model, medians included.
 */
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../src/main/history/history-store'
import { usageWindow } from '../../../src/main/history/usage-queries'
import { costUsd, defaultPriceTable } from '../../../src/shared/pricing'
import { memoryLogger } from '../../support/memory-logger'
import { useTempDirs } from '../../support/temp-dir'
import { finished } from './history-fixtures'

const tempDir = useTempDirs()
const hour = 60 * 60 * 1000
const day = 24 * hour
/** "Now": 2025-03-31 10:00 UTC, which is 17:00 in Hanoi (UTC+7). */
const now = Date.UTC(2025, 2, 31, 10)
const hanoi = 7 * 60

let store: HistoryStore
let isOpen = false
let prepared: string[] = []
let connection: DatabaseSync
afterEach(() => {
  if (isOpen) store.close()
  isOpen = false
})

function open(): HistoryStore {
  const openDatabase = (path: string) => {
    connection = new DatabaseSync(path)
    const prepare = connection.prepare.bind(connection)
    connection.prepare = (sql: string) => {
      prepared.push(sql)
      return prepare(sql)
    }
    return connection
  }
  store = HistoryStore.open({
    path: join(tempDir(), 'history.sqlite'),
    log: memoryLogger(),
    now: () => now,
    openDatabase,
  }).store
  return store
}

interface Answer {
  at: number
  model: string
  prompt: number
  completion: number
  ttft?: number
  speed?: number
  estimated?: boolean
  priced?: boolean
}

function addAnswers(answers: Answer[]): void {
  const conversation = store.createConversation()
  for (const answer of answers) {
    store.appendMessage(conversation.id, { role: 'user', content: 'q', status: 'complete', createdAt: answer.at })
    const message = store.appendMessage(conversation.id, {
      role: 'assistant',
      content: '',
      status: 'streaming',
      model: answer.model,
      createdAt: answer.at,
    })
    const usage = {
      promptTokens: answer.prompt,
      completionTokens: answer.completion,
      totalTokens: answer.prompt + answer.completion,
      ...(answer.estimated ? { estimated: true } : {}),
    }
    store.finishMessage(
      message.id,
      finished('a', {
        model: answer.model,
        usage,
        costUsd: answer.priced === false ? null : costUsd(defaultPriceTable, answer.model, usage),
        timings: { timeToFirstTokenMs: answer.ttft ?? null, totalMs: 1000, tokensPerSecond: answer.speed ?? null },
      }),
    )
  }
}

describe('cost arithmetic', () => {
  it('prices input and output per million tokens from the table', () => {
    const usage = { promptTokens: 1_000_000, completionTokens: 500_000 }
    expect(costUsd(defaultPriceTable, 'gpt-4.1', usage)).toBeCloseTo(2 + 4, 12)
    expect(costUsd(defaultPriceTable, 'claude-sonnet-4.5', usage)).toBeCloseTo(3 + 7.5, 12)
    expect(costUsd(defaultPriceTable, 'gemini-2.5-flash', usage)).toBeCloseTo(0.3 + 1.25, 12)
    expect(costUsd(defaultPriceTable, 'deepseek-v3.2', usage)).toBeCloseTo(0.28 + 0.21, 12)
    expect(costUsd(defaultPriceTable, 'deepseek-v3.2', { promptTokens: 1234, completionTokens: 56 })).toBeCloseTo(
      (1234 * 0.28 + 56 * 0.42) / 1e6,
      15,
    )
    expect(costUsd(defaultPriceTable, 'unknown-model', usage)).toBeNull()
    expect(costUsd(defaultPriceTable, 'gpt-4.1', null)).toBeNull()
  })
})

describe('usage aggregation', () => {
  it('windows whole days in the viewer’s time zone', () => {
    const { since, until } = usageWindow(now, 30, hanoi)
    expect(new Date(since).toISOString()).toBe('2025-03-01T17:00:00.000Z')
    expect(new Date(until).toISOString()).toBe('2025-03-31T17:00:00.000Z')
  })

  it('totals per day and per model over the last 30 days, with medians, leaving older answers out', () => {
    open()
    addAnswers([
      // 2025-03-31 in Hanoi (today): two GPT-4.1 answers and one DeepSeek.
      { at: now - hour, model: 'gpt-4.1', prompt: 1000, completion: 2000, ttft: 300, speed: 40 },
      { at: now - 2 * hour, model: 'gpt-4.1', prompt: 500, completion: 500, ttft: 500, speed: 60 },
      { at: now - 3 * hour, model: 'deepseek-v3.2', prompt: 100, completion: 100, ttft: 900, speed: 20 },
      // 2025-03-30 22:00 UTC is already 2025-03-31 05:00 in Hanoi: still today there.
      { at: Date.UTC(2025, 2, 30, 22), model: 'gpt-4.1', prompt: 10, completion: 10, ttft: 100, speed: 50 },
      // 2025-03-30 in Hanoi: an estimated one, and one for a model without a price.
      { at: now - day, model: 'gemini-2.5-flash', prompt: 300, completion: 30, estimated: true, speed: 100 },
      { at: now - day, model: 'my-own-model', prompt: 7, completion: 3, priced: false },
      // 29 days ago (the window's first day) counts; 30 days ago does not.
      { at: now - 29 * day, model: 'deepseek-v3.2', prompt: 1, completion: 1, ttft: 700 },
      { at: now - 30 * day, model: 'gpt-4.1', prompt: 99_999, completion: 99_999 },
    ])
    const summary = store.usageSummary({ days: 30, utcOffsetMinutes: hanoi })

    expect(summary.days).toHaveLength(30)
    expect(summary.days[0]!.day).toBe('2025-03-02')
    expect(summary.days.at(-1)).toMatchObject({
      day: '2025-03-31',
      answers: 4,
      promptTokens: 1610,
      completionTokens: 2610,
    })
    expect(summary.days.at(-1)!.costUsd).toBeCloseTo((1510 * 2 + 2510 * 8 + 100 * 0.28 + 100 * 0.42) / 1e6, 12)
    expect(summary.days.at(-2)).toMatchObject({
      day: '2025-03-30',
      answers: 2,
      promptTokens: 307,
      estimatedAnswers: 1,
      unpricedAnswers: 1,
    })
    expect(summary.days[0]).toMatchObject({ answers: 1, promptTokens: 1 })
    expect(summary.days.at(-2)!.perModel).toEqual([
      { model: 'gemini-2.5-flash', costUsd: expect.closeTo((300 * 0.3 + 30 * 2.5) / 1e6, 12), tokens: 330 },
      { model: 'my-own-model', costUsd: 0, tokens: 10 },
    ])
    expect(summary.days.at(-1)!.perModel.map((entry) => [entry.model, entry.tokens])).toEqual([
      ['deepseek-v3.2', 200],
      ['gpt-4.1', 4020],
    ])
    expect(summary.days.slice(1, -2).every((entry) => entry.answers === 0)).toBe(true)

    expect(summary.models.map((model) => model.model)).toEqual([
      'gpt-4.1',
      'gemini-2.5-flash',
      'deepseek-v3.2',
      'my-own-model',
    ])
    const gpt = summary.models[0]!
    expect(gpt).toMatchObject({ answers: 3, promptTokens: 1510, completionTokens: 2510 })
    // Medians: ttft of 100, 300, 500 → 300; tokens/s of 40, 50, 60 → 50.
    expect(gpt.medianTimeToFirstTokenMs).toBe(300)
    expect(gpt.medianTokensPerSecond).toBe(50)
    // DeepSeek has two ttft values (700, 900): the median is their mean.
    expect(summary.models[2]).toMatchObject({ medianTimeToFirstTokenMs: 800, medianTokensPerSecond: 20 })
    expect(summary.models[1]).toMatchObject({ medianTimeToFirstTokenMs: null, medianTokensPerSecond: 100 })

    expect(summary.total).toMatchObject({ answers: 7, estimatedAnswers: 1, unpricedAnswers: 1 })
    expect(summary.total.costUsd).toBeCloseTo(
      summary.days.reduce((sum, entry) => sum + entry.costUsd, 0),
      12,
    )
  })

  it('reads answers through the time index, not a scan of every message', () => {
    open()
    addAnswers(
      Array.from({ length: 50 }, (_, index) => ({
        at: now - index * hour,
        model: 'gpt-4.1',
        prompt: 1,
        completion: 1,
      })),
    )
    connection.exec('ANALYZE')
    prepared = []
    store.usageSummary({ days: 30, utcOffsetMinutes: 0 })
    const plans = prepared.map((sql) =>
      connection
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(sql.includes(':offsetMs') ? { since: 0, until: 0, offsetMs: 0 } : { since: 0, until: 0 })
        .map((row) => String(row.detail)),
    )
    expect(plans).toHaveLength(6)
    for (const plan of plans) {
      const messageLines = plan.filter((line) => / messages /.test(`${line} `))
      expect(messageLines).toEqual([
        'SEARCH messages USING INDEX messages_answers_by_time (created_at>? AND created_at<?)',
      ])
    }
  })

  it('totals one conversation', () => {
    open()
    addAnswers([{ at: now, model: 'gpt-4.1', prompt: 10, completion: 20 }])
    const conversation = store.listConversations({ limit: 1 }).conversations[0]!
    expect(store.conversationUsage(conversation.id)).toMatchObject({
      answers: 1,
      promptTokens: 10,
      completionTokens: 20,
    })
  })
})
