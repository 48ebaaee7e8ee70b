import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryStore } from '../../../src/main/history/history-store'
import type { Snippet } from '../../../src/shared/history'
import { useTempDirs } from '../../support/temp-dir'
import { finished, openStore, type Engine } from './history-fixtures'

const tempDir = useTempDirs()

const texts = {
  vietnamese: 'Tôi đang học tiếng Việt ở Hà Nội.',
  capital: 'Tiếng mẹ đẻ của tôi là tiếng Anh.',
  dangUpper: 'Đang tải dữ liệu, vui lòng chờ.',
  plainViet: 'The word viet without accents.',
  english: 'Streaming responses over server-sent events.',
  quotes: 'He said "NEAR(x, y)" OR maybe * not.',
}

const marked = (snippet: Snippet) => snippet.filter((part) => part.match).map((part) => part.text)
const plain = (snippet: Snippet) => snippet.map((part) => part.text).join('')

describe.each<Engine>(['fts5', 'scan'])('search (%s)', (engine) => {
  let store: HistoryStore
  let ids: Record<keyof typeof texts, string>
  afterEach(() => store.close())

  function open() {
    const opened = openStore(tempDir(), { engine })
    store = opened.store
    const conversation = store.createConversation({ title: 'Search test' })
    ids = Object.fromEntries(
      Object.entries(texts).map(([key, content]) => {
        // Answers are indexed when finished, user messages when appended.
        if (key === 'english') {
          const answer = store.appendMessage(conversation.id, { role: 'assistant', content: '', status: 'streaming' })
          store.finishMessage(answer.id, finished(content))
          return [key, answer.id]
        }
        return [key, store.appendMessage(conversation.id, { role: 'user', content, status: 'complete' }).id]
      }),
    ) as Record<keyof typeof texts, string>
    return opened
  }

  const find = (query: string) => store.search(query, 20).hits.map((hit) => hit.messageId)

  it('reports its engine', () => {
    open()
    expect(store.searchEngine).toBe(engine)
    expect(store.search('viet', 5).engine).toBe(engine)
  })

  it('ignores case and diacritics, đ included', () => {
    open()
    expect(find('tieng viet')).toEqual([ids.vietnamese])
    expect(find('tiếng')).toEqual([ids.capital, ids.vietnamese])
    expect(find('TIENG')).toEqual([ids.capital, ids.vietnamese])
    expect(find('dang')).toEqual([ids.dangUpper, ids.vietnamese])
    expect(find('đang')).toEqual([ids.dangUpper, ids.vietnamese])
    expect(find('Việt')).toEqual([ids.plainViet, ids.vietnamese])
    expect(find('ha noi')).toEqual([ids.vietnamese])
  })

  it('needs every word, in any order, each as a word prefix', () => {
    open()
    expect(find('viet tieng')).toEqual([ids.vietnamese])
    expect(find('tieng anh')).toEqual([ids.capital])
    expect(find('tieng xyz')).toEqual([])
    expect(find('stream')).toEqual([ids.english])
    expect(find('str ev')).toEqual([ids.english])
    expect(find('ream')).toEqual([]) // inside a word is not a match
    expect(find('server sent')).toEqual([ids.english])
  })

  it('matches a single letter as a whole word, not as every word it starts', () => {
    open()
    const conversation = store.createConversation()
    const single = store.appendMessage(conversation.id, {
      role: 'user',
      content: 'Anh ở đâu? ở nhà.',
      status: 'complete',
    })
    expect(find('ở')).toEqual([single.id, ids.vietnamese])
    expect(find('o')).toEqual([single.id, ids.vietnamese])
    expect(find('t')).toEqual([])
    expect(find('ti')).toEqual([ids.capital, ids.vietnamese])
  })

  it('takes any user input as words, never as query syntax', () => {
    open()
    for (const query of [
      '"',
      '""',
      '*',
      'OR',
      'AND',
      'NOT',
      'NEAR(',
      'NEAR(x',
      '(',
      ')',
      '^',
      ':',
      '-',
      'a:b',
      "'",
      '\\',
      '',
    ]) {
      expect(() => store.search(query, 10)).not.toThrow()
    }
    expect(find('"near(x')).toEqual([ids.quotes])
    expect(find('OR maybe')).toEqual([ids.quotes])
    expect(find('   ')).toEqual([])
  })

  it('finds the newest first, up to the limit', () => {
    open()
    expect(store.search('tieng', 1).hits.map((hit) => hit.messageId)).toEqual([ids.capital])
  })

  it('leaves deleted conversations out', () => {
    open()
    const other = store.createConversation()
    store.appendMessage(other.id, { role: 'user', content: 'tiếng Pháp', status: 'complete' })
    expect(find('tieng phap')).toHaveLength(1)
    store.deleteConversation(other.id)
    expect(find('tieng phap')).toEqual([])
  })

  it('marks the original characters in the snippet', () => {
    open()
    const hit = store.search('tieng viet', 5).hits[0]!
    expect(hit).toMatchObject({ conversationTitle: 'Search test', role: 'user', messageId: ids.vietnamese })
    expect(marked(hit.snippet)).toEqual(['tiếng', 'Việt'])
    expect(plain(hit.snippet)).toBe(texts.vietnamese)
    expect(marked(store.search('dang', 5).hits[0]!.snippet)).toEqual(['Đang'])
    expect(marked(store.search('str', 5).hits[0]!.snippet)).toEqual(['Streaming'])
  })
})

describe('search without FTS5', () => {
  it('says once that search is slower', () => {
    const { store, log } = openStore(tempDir(), { engine: 'scan' })
    const conversation = store.createConversation()
    store.appendMessage(conversation.id, { role: 'user', content: 'xin chào', status: 'complete' })
    store.search('xin', 10)
    store.search('chao', 10)
    store.close()
    const warnings = log.lines.filter((line) => line.includes('WARN'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/search is slower: this SQLite has no FTS5/)
  })

  it('indexes the file once FTS5 is there, including what was written without it', () => {
    const dir = tempDir()
    const first = openStore(dir)
    const conversation = first.store.createConversation()
    const early = first.store.appendMessage(conversation.id, { role: 'user', content: 'trước đó', status: 'complete' })
    first.store.close()

    const without = openStore(dir, { engine: 'scan' })
    const later = without.store.appendMessage(conversation.id, {
      role: 'user',
      content: 'sau đó',
      status: 'complete',
      parentId: null,
    })
    without.store.deleteMessage(early.id)
    without.store.close()

    const again = openStore(dir)
    expect(again.store.searchEngine).toBe('fts5')
    expect(again.store.search('do', 10).hits.map((hit) => hit.messageId)).toEqual([later.id])
    expect(again.store.search('truoc', 10).hits).toEqual([])
    again.store.close()
  })
})
