/** The file formats on their own: our JSON, Markdown, and ChatGPT's conversations.json. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { BundleMessage, ConversationBundle } from '../../../src/main/history/history-api'
import { JsonExportSchema } from '../../../src/main/history/transfer/json-format'
import { markdownConversation } from '../../../src/main/history/transfer/markdown-format'
import { readImportFile } from '../../../src/main/history/transfer/read-import-file'
import { generatedBundles, jsonExportText } from './transfer-support'

const chatgptSample = readFileSync(new URL('../../fixtures/chatgpt-conversations.json', import.meta.url), 'utf8')

describe('our JSON format', () => {
  it('writes a file the documented schema accepts, one conversation per line', () => {
    const bundles = generatedBundles(3, 12)
    const text = jsonExportText(bundles, new Date('2026-11-25T09:30:00Z'))
    const file = JsonExportSchema.parse(JSON.parse(text))
    expect(file).toMatchObject({ format: 'holysheep-chat', version: 3, exportedAt: '2026-11-25T09:30:00.000Z' })
    expect(file.conversations[0]!.messages[1]).not.toHaveProperty('conversationId')
    // Header line, one line per conversation, footer: a reader can stream it line by line.
    expect(text.split('\n')).toHaveLength(1 + 3 + 2)
  })

  it('reads its own export back exactly, every field of every kind of message', () => {
    const bundles = generatedBundles(3, 12)
    const read = readImportFile(jsonExportText(bundles), 0)
    expect(read.format).toBe('holysheep-json')
    expect(read.bundles).toEqual(bundles)
    const statuses = new Set(read.bundles.flatMap((bundle) => bundle.messages.map((message) => message.status)))
    expect([...statuses].sort()).toEqual(['complete', 'error', 'interrupted', 'stopped'])
  })

  it('keeps the tree: parent ids and the shown leaf come back as they were', () => {
    const [bundle] = generatedBundles(1, 8)
    const [read] = readImportFile(jsonExportText([bundle!]), 0).bundles
    expect(read!.messages.map((message) => message.parentId)).toEqual(bundle!.messages.map((m) => m.parentId))
    expect(read!.messages[3]!.parentId).toBe(bundle!.messages[0]!.id)
    expect(read!.currentLeafId).toBe(bundle!.messages[7]!.id)
  })

  it('still reads version 1 files, without parent ids: a chain showing its last message', () => {
    const [bundle] = generatedBundles(1, 4)
    const file = JSON.parse(jsonExportText([bundle!]))
    file.version = 1
    delete file.conversations[0].currentLeafId
    for (const message of file.conversations[0].messages) delete message.parentId
    const [read] = readImportFile(JSON.stringify(file), 0).bundles
    expect(read!.messages.map((message) => message.parentId)).toEqual([undefined, undefined, undefined, undefined])
    expect(read!.currentLeafId).toBeUndefined()
  })

  it('refuses a parent that does not come before its reply, and a shown leaf that is not a message', () => {
    const [bundle] = generatedBundles(1, 4)
    const file = JSON.parse(jsonExportText([bundle!]))
    file.conversations[0].messages[1].parentId = file.conversations[0].messages[2].id
    expect(() => readImportFile(JSON.stringify(file), 0)).toThrow(
      /conversations\[0\]\.messages\[1\]\.parentId: .* is not an earlier message of this conversation/,
    )
    const other = JSON.parse(jsonExportText([bundle!]))
    other.conversations[0].currentLeafId = crypto.randomUUID()
    expect(() => readImportFile(JSON.stringify(other), 0)).toThrow(/conversations\[0\]\.currentLeafId/)
  })

  it('accepts a file saved with a byte-order mark, and one without the optional finishReason', () => {
    const bundles = generatedBundles(1, 2)
    const file = JSON.parse(jsonExportText(bundles))
    delete file.conversations[0].messages[1].finishReason
    const read = readImportFile(`\uFEFF${JSON.stringify(file, null, 2)}`, 0)
    expect(read.bundles[0]!.messages[1]!.finishReason).toBeNull()
  })
})

describe('Markdown export', () => {
  it('writes a title, dates, who spoke with which model, the text as it is, and marks unfinished answers', () => {
    const [bundle] = generatedBundles(1, 8)
    const messages = bundle!.messages
    // A chain (as a file from before the tree): every message is on the shown branch.
    for (const message of messages) delete message.parentId
    messages[0]!.content = '# Not a title\n\n```ts\nconst x = 1\n```'
    const markdown = markdownConversation(bundle!, true, 'en')
    const when = (epochMs: number, locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs)
    const { createdAt, updatedAt } = bundle!.conversation
    expect(markdown).toMatch(/^# Cuộc trò chuyện 0\n\n_Started /)
    // Dates as people read them (Jan 1, 2025, 12:00 AM), not ISO: the file is for reading.
    expect(markdown).toContain(`_Started ${when(createdAt, 'en-US')}, last message ${when(updatedAt, 'en-US')}_`)
    expect(markdown).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
    expect(markdown).toContain('### You\n\n# Not a title\n\n```ts\nconst x = 1\n```\n')
    expect(markdown).toContain('### Assistant (gpt-4.1)\n\nTin nhắn 1')
    // Answer 3 was stopped, 5 interrupted, 7 failed (see generatedBundles).
    expect(markdown).toContain('_Stopped before the end._')
    expect(markdown).toContain('_The app closed before this answer finished._')
    expect(markdown).toContain('_Failed: Too many requests; try again in 20 s._')
    expect(markdown.match(/^### /gm)).toHaveLength(8)
  })

  it('is in Vietnamese, dates included, when the UI asking for it is', () => {
    const [bundle] = generatedBundles(1, 8)
    // A chain (as a file from before the tree): every message is on the shown branch.
    for (const message of bundle!.messages) delete message.parentId
    bundle!.conversation.title = ''
    const markdown = markdownConversation(bundle!, true, 'vi')
    const { createdAt, updatedAt } = bundle!.conversation
    const when = (epochMs: number) =>
      new Intl.DateTimeFormat('vi-VN', { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs)
    expect(markdown).toMatch(/^# Cuộc trò chuyện không tên\n/)
    expect(markdown).toContain(`_Bắt đầu ${when(createdAt)}, tin nhắn cuối ${when(updatedAt)}_`)
    expect(when(createdAt)).toMatch(/thg/)
    expect(markdown).toContain('### Bạn\n')
    expect(markdown).toContain('### Trợ lý (gpt-4.1)\n\nTin nhắn 1')
    expect(markdown).toContain('_Đã dừng trước khi xong._')
    expect(markdown).toContain('_Ứng dụng đã đóng trước khi câu trả lời này xong._')
    expect(markdown).toContain('_Lỗi: Too many requests; try again in 20 s._')
    expect(markdown).not.toMatch(/Started|Assistant|### You/)
  })

  it('writes the shown branch only and says how many other versions there are', () => {
    const [bundle] = generatedBundles(1, 8)
    // Shown: 0 → 3 (an answer given again beside 1) → 4 → 7 (beside 5): 1, 2, 5, 6 are other versions.
    const markdown = markdownConversation(bundle!, true, 'en')
    expect(markdown.match(/^### /gm)).toHaveLength(4)
    expect(markdown).toContain('Tin nhắn 3 ')
    expect(markdown).not.toContain('Tin nhắn 1 ')
    expect(markdown).toContain(
      '_This is the shown branch. 4 other versions of messages in this conversation are not included; the JSON export keeps them._',
    )
  })

  it('separates conversations with a horizontal rule, and names an untitled one', () => {
    const [first, second] = generatedBundles(2, 1)
    second!.conversation.title = ''
    const all = markdownConversation(first!, true, 'en') + markdownConversation(second!, false, 'en')
    expect(all).toContain('\n\n---\n\n# Untitled conversation\n')
    expect(all.match(/^---$/gm)).toHaveLength(1)
  })
})

/** The shown branch of a bundle: from its current leaf up through the parents. */
function shownBranch(bundle: ConversationBundle): BundleMessage[] {
  const byId = new Map(bundle.messages.map((message) => [message.id, message]))
  const path: BundleMessage[] = []
  for (let message = byId.get(bundle.currentLeafId!); message; message = byId.get(message.parentId ?? ''))
    path.push(message)
  return path.reverse()
}

describe('ChatGPT’s conversations.json', () => {
  it('imports every branch of a mapping with three, showing current_node’s', () => {
    const node = (id: string, parent: string | null, role: string | null, text: string, children: string[]) => [
      id,
      {
        id,
        parent,
        children,
        message: role && { author: { role }, create_time: 1, content: { content_type: 'text', parts: [text] } },
      },
    ]
    const file = [
      {
        title: 'Three tries',
        current_node: 'a2',
        mapping: Object.fromEntries([
          node('root', null, null, '', ['q']),
          node('q', 'root', 'user', 'Question', ['a1', 'a2', 'a3']),
          node('a1', 'q', 'assistant', 'First answer', []),
          node('a2', 'q', 'assistant', 'Second answer', ['q2']),
          node('q2', 'a2', 'user', 'Follow-up', []),
          node('a3', 'q', 'assistant', 'Third answer', []),
        ]),
      },
    ]
    const [bundle] = readImportFile(JSON.stringify(file), 0).bundles
    const byContent = new Map(bundle!.messages.map((message) => [message.content, message]))
    expect([...byContent.keys()]).toEqual(['Question', 'First answer', 'Second answer', 'Follow-up', 'Third answer'])
    const question = byContent.get('Question')!
    expect(question.parentId).toBeNull()
    for (const answer of ['First answer', 'Second answer', 'Third answer'])
      expect(byContent.get(answer)!.parentId).toBe(question.id)
    expect(byContent.get('Follow-up')!.parentId).toBe(byContent.get('Second answer')!.id)
    // current_node is a2, whose branch is shown (a2 itself: its child is not on the path to it).
    expect(shownBranch(bundle!).map((message) => message.content)).toEqual(['Question', 'Second answer'])
  })

  it('keeps the visible user and assistant text of every branch, showing the one the user last saw', () => {
    const { format, bundles } = readImportFile(chatgptSample, 0)
    expect(format).toBe('chatgpt')
    expect(bundles.map((bundle) => bundle.conversation.title)).toEqual(['Học tiếng Việt', 'Regex help', 'Vẽ con mèo'])
    const [vietnamese, regex, cat] = bundles
    // The null root and the hidden system node with an empty part are skipped.
    expect(shownBranch(vietnamese!).map((message) => [message.role, message.content.slice(0, 12)])).toEqual([
      ['user', 'Làm sao để n'],
      ['assistant', 'Bạn nói “cảm'],
      ['user', 'Còn “xin lỗi'],
      ['assistant', '“Xin lỗi” dù'],
    ])
    expect(vietnamese!.messages[1]).toMatchObject({ model: 'gpt-4o', createdAt: 1730000002000, status: 'complete' })
    expect(vietnamese!.messages[0]!.model).toBeNull()
    expect(vietnamese!.conversation).toMatchObject({ createdAt: 1730000000123, updatedAt: 1730000300500 })
    // The edited question: the newer branch is current, the first (with its typo) is kept beside it.
    expect(regex!.messages.length).toBeGreaterThan(shownBranch(regex!).length)
    expect(shownBranch(regex!).map((message) => message.content)).toEqual([
      'How do I match an email address with a regex?',
      'A practical pattern is `^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$`.',
    ])
    // Here the user went back to the older branch: current_node wins over "the last child". Custom
    // instructions, the image tool call and the tool's output are skipped; the upload is a placeholder.
    expect(shownBranch(cat!).map((message) => [message.role, message.content])).toEqual([
      ['user', '[image]\nCon mèo trong ảnh này là giống gì?'],
      ['assistant', 'Đó là một chú mèo Anh lông ngắn (British Shorthair).'],
      ['user', 'Vẽ một con mèo như vậy đang ngủ'],
      ['assistant', 'Đây là chú mèo đang ngủ của bạn.'],
    ])
    expect(cat!.messages[0]!.createdAt).toBe(1732000001250)
    const ids = bundles.flatMap((bundle) => [bundle.conversation.id, ...bundle.messages.map((message) => message.id)])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('follows the newest child from the root when current_node is missing (older exports)', () => {
    const file = JSON.parse(chatgptSample)
    delete file[2].current_node
    const cat = readImportFile(JSON.stringify(file), 0).bundles[2]!
    expect(shownBranch(cat).at(-2)!.content).toBe('Vẽ một con chó thay vì mèo')
  })

  it('keeps a voice message’s transcript and skips a conversation left with nothing to show', () => {
    const file = JSON.parse(chatgptSample)
    file[1].mapping['c2-u1b'].message.content = {
      content_type: 'multimodal_text',
      parts: [
        { content_type: 'audio_transcription', text: 'Regex cho email?' },
        { content_type: 'audio_asset_pointer', asset_pointer: 'sediment://file_1' },
      ],
    }
    for (const node of Object.values<{ message: unknown }>(file[0].mapping)) node.message = null
    const { bundles } = readImportFile(JSON.stringify(file), 7)
    expect(bundles.map((bundle) => bundle.conversation.title)).toEqual(['Regex help', 'Vẽ con mèo'])
    expect(shownBranch(bundles[0]!)[0]!.content).toBe('Regex cho email?')
  })
})
