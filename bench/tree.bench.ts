/**
 * Answers as a tree at scale: one conversation of 10,000 messages across 1,000 branches. The first
 * answer has two versions (near the root); under each grow 500 branches, each forking from the path
 * before a few messages above its end and adding 10, so a shown path is thousands of messages deep. Measured through HistoryStore on a
 * real file, as the renderer asks it: open (the newest page of the shown branch, texts cut, versions
 * counted) and switch the version near the root then read the new branch's newest page (which
 * changes nearly everything shown). Times are main's work only; the renderer's draw is not in them.
 *
 * Alone: `PATH=node_modules/node/bin:$PATH npx tsx bench/tree.bench.ts` (node:sqlite needs Node 24).
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BundleMessage, ConversationBundle } from '../src/main/history/history-api'
import { HistoryStore } from '../src/main/history/history-store'
import { createLogger } from '../src/main/log'
import { TextGenerator } from './history-data'

const log = createLogger({ level: 'warn' })
const pageSize = 100
const maxChars = 1_000_000
const runs = 200

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!

function message(text: TextGenerator, conversationId: string, parentId: string | null, at: number): BundleMessage {
  const user = parentId === null || at % 2 === 0
  return {
    id: randomUUID(),
    conversationId,
    parentId,
    role: user ? 'user' : 'assistant',
    content: text.text(user ? text.integer(3, 40) : text.integer(15, 160)),
    reasoning: null,
    status: 'complete',
    errorKind: null,
    errorMessage: null,
    errorCause: null,
    model: user ? null : 'gpt-4.1',
    usage: user ? null : { promptTokens: 500, completionTokens: 200, totalTokens: 700 },
    costUsd: user ? null : 0.0021,
    timings: null,
    finishReason: null,
    createdAt: at,
    updatedAt: at,
  }
}

/** The tree described above; returns the bundle and the two versions of the first answer. */
function treeBundle(messagesTotal: number, branches: number): { bundle: ConversationBundle; versions: string[] } {
  const text = new TextGenerator()
  const conversationId = randomUUID()
  const messages: BundleMessage[] = []
  let at = Date.UTC(2025, 0, 1)
  const add = (parentId: string | null) => {
    const next = message(text, conversationId, parentId, at++)
    messages.push(next)
    return next
  }
  const root = add(null)
  const firstAnswer = add(root.id)
  const otherFirstAnswer = add(root.id)
  let path: string[] = []
  const perBranch = Math.ceil((messagesTotal - 3) / branches)
  for (let branch = 0; branch < branches; branch++) {
    // Half the branches grow under each version of the first answer; each forks from the path before.
    const fresh = branch === 0 || branch === branches / 2
    const forkAt = Math.max(2, path.length - 1 - text.integer(0, 4))
    path = fresh ? [root.id, branch === 0 ? firstAnswer.id : otherFirstAnswer.id] : path.slice(0, forkAt + 1)
    for (let step = 0; step < perBranch; step++) path.push(add(path.at(-1)!).id)
  }
  return {
    bundle: {
      conversation: {
        id: conversationId,
        title: 'Tree',
        createdAt: root.createdAt,
        updatedAt: at,
        pinned: false,
        overrides: {},
      },
      messages,
      currentLeafId: path.at(-1)!,
    },
    versions: [firstAnswer.id, otherFirstAnswer.id],
  }
}

export async function runTreeBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tree-bench-'))
  try {
    const { bundle, versions } = treeBundle(10_000, 1_000)
    const { store } = HistoryStore.open({ path: join(dir, 'history.sqlite'), log })
    store.importBundles([bundle])
    const conversationId = store.listConversations({ limit: 1 }).conversations[0]!.id
    const open: number[] = []
    const switched: number[] = []
    let shownDepth = 0
    for (let run = 0; run < runs; run++) {
      let start = performance.now()
      const page = store.listCutMessages(conversationId, { limit: pageSize }, maxChars)
      open.push(performance.now() - start)
      if (page.messages.length !== pageSize) throw new Error('the shown branch is shorter than a page')
      start = performance.now()
      store.showMessage(versions[run % 2]!)
      store.listCutMessages(conversationId, { limit: pageSize }, maxChars)
      switched.push(performance.now() - start)
      if (run === 0) shownDepth = store.listMessages(conversationId, { limit: 1000 }).messages.length
    }
    store.close()
    console.log(
      `\nAnswers as a tree: 1 conversation, ${bundle.messages.length.toLocaleString('en')} messages, 1,000 branches; ` +
        `pages of ${pageSize}; ${runs} runs; the shown branch is ${shownDepth >= 1000 ? 'over 1,000' : shownDepth} messages deep`,
    )
    console.table([
      {
        operation: 'open (newest page of the shown branch)',
        p50_ms: +percentile(open, 50).toFixed(2),
        p95_ms: +percentile(open, 95).toFixed(2),
      },
      {
        operation: 'switch the version near the root + read its page',
        p50_ms: +percentile(switched, 50).toFixed(2),
        p95_ms: +percentile(switched, 95).toFixed(2),
      },
    ])
    console.log('goal: switch ≤ 16 ms p95 (main’s part; the renderer then draws one page)')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runTreeBench()
