/**
 * A month of plausible answers for the Usage screenshot: four models, a few answers a day with
 * tokens, list-price costs and timings, written through the real HistoryStore into a data folder.
 */
import { join } from 'node:path'
import { HistoryStore } from '../src/main/history/history-store'
import { createLogger } from '../src/main/log'
import { costUsd, defaultPriceTable } from '../src/shared/pricing'

const models = [
  { id: 'gpt-4.1', ttft: 650, speed: 70 },
  { id: 'claude-sonnet-4.5', ttft: 900, speed: 55 },
  { id: 'gemini-2.5-flash', ttft: 350, speed: 160 },
  { id: 'deepseek-v3.2', ttft: 1200, speed: 35 },
]

/** A fixed pseudo-random sequence, so the picture is the same on every run. */
function sequence(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

export function seedUsageHistory(dataDir: string, now = Date.now()): void {
  const random = sequence(42)
  const { store } = HistoryStore.open({
    path: join(dataDir, 'history.sqlite'),
    log: createLogger({ level: 'error', write: () => undefined, secrets: () => [] }),
  })
  try {
    for (let daysAgo = 29; daysAgo >= 1; daysAgo--) {
      const weekend = new Date(now - daysAgo * 86_400_000).getUTCDay() % 6 === 0
      const answers = Math.round((weekend ? 1 : 4) + random() * 5)
      const conversation = store.createConversation({ title: `Ngày ${30 - daysAgo}` })
      for (let index = 0; index < answers; index++) {
        const model = models[Math.floor(random() * models.length)]!
        const at = now - daysAgo * 86_400_000 + index * 600_000
        const usage = {
          promptTokens: Math.round(400 + random() * 3000),
          completionTokens: Math.round(150 + random() * 1200),
          totalTokens: 0,
        }
        usage.totalTokens = usage.promptTokens + usage.completionTokens
        store.appendMessage(conversation.id, { role: 'user', content: 'Câu hỏi', status: 'complete', createdAt: at })
        const answer = store.appendMessage(conversation.id, {
          role: 'assistant',
          content: '',
          status: 'streaming',
          model: model.id,
          createdAt: at,
        })
        store.finishMessage(answer.id, {
          content: 'Câu trả lời',
          reasoning: null,
          status: 'complete',
          errorKind: null,
          errorMessage: null,
          model: model.id,
          usage,
          costUsd: costUsd(defaultPriceTable, model.id, usage),
          timings: {
            timeToFirstTokenMs: model.ttft * (0.7 + random() * 0.6),
            totalMs: 5000,
            tokensPerSecond: model.speed * (0.8 + random() * 0.4),
          },
          finishReason: 'stop',
        })
      }
    }
  } finally {
    store.close()
  }
}
