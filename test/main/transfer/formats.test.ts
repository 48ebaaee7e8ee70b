import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { markdownConversation } from '../../../src/main/history/transfer/markdown-format'
import { InvalidImportFile, readImportFile } from '../../../src/main/history/transfer/read-import-file'
import { jsonConversation, jsonFooter, jsonHeader } from '../../../src/main/history/transfer/json-format'
import { generatedBundles } from './transfer-support'

const chatgptSample = readFileSync(new URL('../../fixtures/chatgpt-conversations.json', import.meta.url), 'utf8')

function refusal(text: string): string {
  try {
    readImportFile(text, 0)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidImportFile)
    return (error as Error).message
  }
  throw new Error('the file was accepted')
}

describe('import formats', () => {
  it('reads ChatGPT’s conversations.json, following the branch the user last saw', () => {
    const { format, bundles } = readImportFile(chatgptSample, 0)
    expect(format).toBe('chatgpt')
    expect(bundles.map((bundle) => bundle.conversation.title)).toEqual(['Học tiếng Việt', 'Regex help'])
    const [vietnamese, regex] = bundles
    // The hidden system node, the empty root and the tool output are skipped.
    expect(vietnamese!.messages.map((message) => [message.role, message.content.slice(0, 12)])).toEqual([
      ['user', 'Làm sao để n'],
      ['assistant', 'Bạn nói “cảm'],
      ['user', 'Còn “xin lỗi'],
      ['assistant', '“Xin lỗi” dù'],
    ])
    expect(vietnamese!.messages[1]).toMatchObject({ model: 'gpt-4o', createdAt: 1730000002000, status: 'complete' })
    expect(vietnamese!.conversation.createdAt).toBe(1730000000123)
    // The edited question: the second branch is current, the first (with its typo) is left out.
    expect(regex!.messages.map((message) => message.content)).toEqual([
      'How do I match an email address with a regex?',
      'A practical pattern is `^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$`.',
    ])
  })

  it('reads its own JSON export back', () => {
    const bundles = generatedBundles(3, 4)
    const text =
      jsonHeader(new Date()) + bundles.map((bundle, i) => jsonConversation(bundle, i === 0)).join('') + jsonFooter
    const read = readImportFile(text, 0)
    expect(read.format).toBe('holysheep-json')
    expect(read.bundles).toEqual(bundles)
  })

  it('refuses broken files with a message naming what is wrong and where', () => {
    expect(refusal('')).toMatch(/empty/)
    expect(refusal('{"format": "holysheep-chat", "version": 1,')).toMatch(/not valid JSON/)
    expect(refusal('{"hello": "world"}')).toMatch(/not a file the app can import/)
    expect(refusal('{"format": "other-app"}')).toMatch(/^format: expected "holysheep-chat"/)

    const bundles = generatedBundles(4, 9)
    const good = JSON.parse(
      jsonHeader(new Date()) + bundles.map((b, i) => jsonConversation(b, i === 0)).join('') + jsonFooter,
    )
    expect(refusal(JSON.stringify({ ...good, version: 7 }))).toMatch(/^version:/)
    good.conversations[3].messages[7].role = 'wizard'
    expect(refusal(JSON.stringify(good))).toMatch(/^conversations\[3\]\.messages\[7\]\.role: /)

    const chatgpt = JSON.parse(chatgptSample)
    chatgpt[1].mapping['c2-a1b'].parent = 'nowhere'
    expect(refusal(JSON.stringify(chatgpt))).toBe(
      '[1].mapping["c2-a1b"].parent points to "nowhere", which is not in its mapping',
    )
    const noMapping = JSON.parse(chatgptSample)
    noMapping[1].mapping = 'none'
    expect(refusal(JSON.stringify(noMapping))).toMatch(/^\[1\]\.mapping: /)
  })

  it('writes readable Markdown that says when an answer is partial', () => {
    const [bundle] = generatedBundles(1, 2)
    bundle!.messages[1]!.status = 'interrupted'
    const markdown = markdownConversation(bundle!, true)
    expect(markdown).toMatch(/^# Cuộc trò chuyện 0\n/)
    expect(markdown).toContain('### You\n\nTin nhắn 0')
    expect(markdown).toContain('### Assistant (gpt-4.1)\n\nTin nhắn 1')
    expect(markdown).toContain('_The app closed before this answer finished._')
    expect(markdownConversation(bundle!, false)).toMatch(/^\n---\n\n# /)
  })
})
