/**
 * Synthetic chat history for the history benchmark: mixed Vietnamese and English text of varied
 * lengths, words drawn with a Zipf-like skew (a few very common words, a long tail of rare ones),
 * from a seeded generator so every run builds the same history.
 */
import { randomUUID } from 'node:crypto'
import type { ConversationBundle } from '../src/main/history/history-api'
import type { StoredMessage } from '../src/shared/history'

const vietnamese = `và của là có không những được cho người trong này một các với để đã tôi bạn anh chị em
  chúng ta họ đang sẽ rất nhiều khi nếu thì nhưng vì nên cũng như đến từ theo về sau trước trên dưới ngày
  năm tháng giờ phút hôm nay mai qua tiếng Việt Nam Hà Nội Sài Gòn Đà Nẵng Huế thành phố làm việc học tập
  dữ liệu hệ thống phần mềm máy tính mạng điện thoại ứng dụng người dùng khách hàng công ty dự án kế hoạch
  vấn đề giải pháp câu hỏi trả lời giúp đỡ cảm ơn xin chào tạm biệt đẹp tốt xấu mới cũ lớn nhỏ nhanh chậm
  đúng sai dễ khó quan trọng cần thiết có thể phải muốn biết hiểu nghĩ nói viết đọc nghe xem thấy tìm kiếm
  đường phố nhà cửa trường đại học bệnh viện chợ siêu thị cà phê phở bánh mì cơm nước trà sữa đồ ăn thức uống
  gia đình bố mẹ ông bà con cái bạn bè đồng nghiệp giáo viên sinh viên bác sĩ kỹ sư lập trình viên thiết kế
  mô hình ngôn ngữ trí tuệ nhân tạo tự động hóa bảo mật mật khẩu khóa tài khoản đăng nhập đăng ký cài đặt
  lỗi sửa kiểm tra thử nghiệm triển khai cập nhật phiên bản tính năng giao diện màn hình bàn phím chuột`
const english = `the of and to a in is it you that he was for on are with as I his they be at one have this
  from or had by hot word but what some we can out other were all there when up use your how said an each
  she which do their time if will way about many then them write would like so these her long make thing
  see him two has look more day could go come did number sound no most people my over know water than call
  first who may down side been now find model stream token request response server client database index
  query search result error retry timeout network latency cache memory thread worker process file folder
  message conversation history export import settings window render component state event handler function
  type interface class method value string number array object promise async await build test deploy`
const rareStems = ['zor', 'kel', 'vax', 'quin', 'trel', 'mox', 'phal', 'drun', 'yss', 'gorb', 'lith', 'wex']

function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class TextGenerator {
  private readonly random: () => number
  private readonly vocabulary: string[]
  /** Rare words: each appears in only a few hundred messages of a million. */
  readonly rareWords: string[]

  constructor(seed = 42) {
    this.random = mulberry32(seed)
    this.rareWords = Array.from({ length: 3000 }, (_, index) => `${rareStems[index % rareStems.length]}${index}`)
    // Vietnamese and English words interleaved, so both are common; the rare tail last.
    const vi = vietnamese.split(/\s+/).filter(Boolean)
    const en = english.split(/\s+/).filter(Boolean)
    this.vocabulary = []
    for (let index = 0; index < Math.max(vi.length, en.length); index++) {
      if (vi[index]) this.vocabulary.push(vi[index]!)
      if (en[index]) this.vocabulary.push(en[index]!)
    }
    this.vocabulary.push(...this.rareWords)
  }

  /** A rank with a Zipf-like skew (exponent about 1) over the vocabulary. */
  private word(): string {
    const size = this.vocabulary.length
    const rank = Math.floor(Math.exp(this.random() * Math.log(size + 1))) - 1
    return this.vocabulary[Math.min(rank, size - 1)]!
  }

  integer(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1))
  }

  text(words: number): string {
    const parts: string[] = []
    let sentence = 0
    for (let index = 0; index < words; index++) {
      let word = this.word()
      if (sentence === 0) word = word[0]!.toUpperCase() + word.slice(1)
      sentence++
      const end = sentence > 6 && this.random() < 0.15
      parts.push(end ? `${word}.` : word)
      if (end) sentence = 0
      if (end && this.random() < 0.2) parts.push('\n\n')
    }
    return parts.join(' ').replace(/ \n\n /g, '\n\n')
  }
}

/** Message counts per conversation: one of `bigConversation` messages, the rest spread 2 to ~2× average. */
export function conversationSizes(
  conversations: number,
  messages: number,
  bigConversation: number,
  text: TextGenerator,
) {
  const rest = messages - bigConversation
  const average = rest / (conversations - 1)
  const sizes = [bigConversation]
  let left = rest
  for (let index = 1; index < conversations; index++) {
    const remaining = conversations - index
    const size =
      remaining === 1
        ? left
        : Math.max(2, Math.min(left - 2 * (remaining - 1), text.integer(2, Math.round(2 * average) - 2)))
    sizes.push(size)
    left -= size
  }
  return sizes
}

/** One conversation as an import bundle: user and assistant turns, timestamps rising from `start`. */
export function makeBundle(text: TextGenerator, size: number, start: number, title: string): ConversationBundle {
  const id = randomUUID()
  const messages: StoredMessage[] = []
  let at = start
  for (let index = 0; index < size; index++) {
    const user = index % 2 === 0
    at += text.integer(1_000, 60_000)
    messages.push({
      id: randomUUID(),
      conversationId: id,
      role: user ? 'user' : 'assistant',
      content: user ? text.text(text.integer(3, 40)) : text.text(text.integer(15, 160)),
      reasoning: null,
      status: 'complete',
      errorKind: null,
      errorMessage: null,
      errorCause: null,
      model: user ? null : 'gpt-4.1',
      usage: user ? null : { promptTokens: 500, completionTokens: 200, totalTokens: 700 },
      costUsd: user ? null : 0.0021,
      timings: user ? null : { timeToFirstTokenMs: 400, totalMs: 4000, tokensPerSecond: 55 },
      finishReason: user ? null : 'stop',
      createdAt: at,
      updatedAt: at,
    })
  }
  return {
    conversation: { id, title, createdAt: start, updatedAt: at, pinned: false, overrides: {} },
    messages,
  }
}
