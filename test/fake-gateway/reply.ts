/**
 * What the fake gateway answers. Deterministic, so tests can compare the whole text, and steerable
 * from the message itself, so a demo or an end-to-end test needs no extra API:
 *   [[tokens=400]]  answer with 400 tokens (default 24, or the gateway's `defaultTokens`)
 *   [[delay=50]]    wait 50 ms between tokens (default: the gateway's pacing)
 *   [[markdown]]    answer with a fixed markdown sample (heading, list, table, code, link, raw HTML)
 *   [[wide]]        answer with content wider than any window: one long code line, a table of many columns
 *   [[hostile=emphasis]] answer with a hostile payload (hostile.ts), in tokens of 4,096 characters
 *   [[math]], [[hostile-math]] answer with math and footnotes, or hostile formulas (rich-samples.ts)
 */
import { hostileAnswer } from './hostile'
import { richSample } from './rich-samples'

const filler = (
  'Xin chào bạn, đây là câu trả lời thử nghiệm từ cổng giả lập. Tiếng Việt có dấu: ă â đ ê ô ơ ư, ' +
  'và emoji 🐑✨ cũng được truyền đúng. The quick brown fox jumps over the lazy dog while the stream ' +
  'keeps flowing token by token, steady and in order.'
).split(' ')

export interface ReplyPlan {
  tokens: string[]
  delayMs: number | null
}

function directive(text: string, name: string): number | null {
  const match = new RegExp(`\\[\\[${name}=(\\d+)\\]\\]`).exec(text)
  return match ? Number(match[1]) : null
}

/** The `[[markdown]]` answer: every construct the renderer draws, for UI tests and screenshots. */
export const markdownSample = [
  '## Cài đặt nhanh',
  '',
  'Làm theo **ba bước** sau, rồi xem [tài liệu](https://example.com/docs) nếu cần. ~~Không cần~~ khởi động lại.',
  '',
  '- [x] Tải gói',
  '- [ ] Chạy thử',
  '',
  '| Lệnh | Tác dụng |',
  '|---|---|',
  '| `npm test` | chạy kiểm thử |',
  '| `npm run bench` | đo tốc độ |',
  '',
  '```ts',
  'export function greet(name: string): string {',
  '  return `Xin chào, ${name}!`',
  '}',
  '```',
  '',
  'Raw HTML stays text: <b>not bold</b>',
  '',
].join('\n')

/** The end of the `[[wide]]` answer's long code line, so a test can look for it on screen. */
export const wideCodeEnd = 'END_OF_THE_LONG_LINE'

/** The `[[wide]]` answer: a code line far wider than the window and a table whose headers are long words. */
export const wideSample = [
  'Một dòng mã rất dài:',
  '',
  '```ts',
  `const configuration = { ${Array.from({ length: 40 }, (_, index) => `option${index}: 'value ${index}'`).join(', ')} } // ${wideCodeEnd}`,
  '```',
  '',
  '| Configuration | Environment | Description | Availability | Compatibility | Performance | Documentation |',
  '|---|---|---|---|---|---|---|',
  '| production | linux | the main deployment | everywhere | all versions | measured | published |',
  '',
].join('\n')

/** Cuts text into tokens of four characters, as a model streams it. */
const inPieces = (text: string) =>
  Array.from({ length: Math.ceil(text.length / 4) }, (_, index) => text.slice(index * 4, index * 4 + 4))

export function planReply(
  lastUserMessage: string,
  maxTokens: number | null,
  defaultTokens = 24,
): ReplyPlan & { truncated: boolean } {
  const wanted = Math.min(directive(lastUserMessage, 'tokens') ?? defaultTokens, 100_000)
  const delayMs = directive(lastUserMessage, 'delay')
  const hostile = hostileAnswer(lastUserMessage)
  if (hostile !== null) {
    // Big pieces: a 5 MB answer in 4-character tokens would be over a million SSE events.
    const tokens = Array.from({ length: Math.ceil(hostile.length / 4096) }, (_, index) =>
      hostile.slice(index * 4096, index * 4096 + 4096),
    )
    const limit = maxTokens ?? Number.POSITIVE_INFINITY
    return { tokens: tokens.slice(0, limit), delayMs, truncated: tokens.length > limit }
  }
  const rich = richSample(lastUserMessage)
  if (rich !== null || lastUserMessage.includes('[[markdown]]') || lastUserMessage.includes('[[wide]]')) {
    const tokens = inPieces(rich ?? (lastUserMessage.includes('[[wide]]') ? wideSample : markdownSample))
    const limit = maxTokens ?? Number.POSITIVE_INFINITY
    return { tokens: tokens.slice(0, limit), delayMs, truncated: tokens.length > limit }
  }
  const quoted = lastUserMessage
    .replace(/\[\[\w+=\d+\]\]/g, '')
    .trim()
    .slice(0, 60)
  const words = [`Echo:`, `“${quoted}”.`, ...filler]
  const tokens: string[] = []
  for (let index = 0; index < wanted; index++) tokens.push(`${words[index % words.length]} `)
  const limit = maxTokens ?? Number.POSITIVE_INFINITY
  return { tokens: tokens.slice(0, limit), delayMs, truncated: tokens.length > limit }
}

export function countTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}
